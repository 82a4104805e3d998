package dvc766.indicator.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Keeps pooled counters exact while the unit tree changes: every transaction that adds deltas up the tree holds the
 * lock shared; a transaction that changes the tree holds it exclusively, so no delta can go to an ancestor set that
 * is being rewritten. Tree changes are rare; shared holders never wait for each other.
 */
@ApplicationScoped
public class TreeLock {

    /** The lock's key, namespaced by schema: services may share one database. */
    private static final String KEY = "hashtext(current_schema() || '/unit-tree'), 0";

    private final DataSource ds;

    public TreeLock(DataSource ds) {
        this.ds = ds;
    }

    public void shared() {
        lock("SELECT pg_advisory_xact_lock_shared(" + KEY + ")");
    }

    public void exclusive() {
        lock("SELECT pg_advisory_xact_lock(" + KEY + ")");
    }

    private void lock(String sql) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.execute();
        } catch (SQLException e) {
            throw Sql.fail("cannot take the tree lock", e);
        }
    }
}
