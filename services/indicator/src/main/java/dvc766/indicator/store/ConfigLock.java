package dvc766.indicator.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Orders configuration changes (a rule set or a holiday year stored) against the transactions that use that
 * configuration, across instances: a user holds the lock shared and reads the configuration's revision after taking it;
 * a change holds it exclusively until it commits. So a user either commits before the change (and the change's
 * follow-up work — queueing recomputes, marking deadlines due — sees its rows) or reads the new revision. Transaction
 * advisory locks, namespaced by schema.
 */
@ApplicationScoped
public class ConfigLock {

    public enum Kind { RULE_SETS, CALENDAR }

    private final DataSource ds;

    public ConfigLock(DataSource ds) {
        this.ds = ds;
    }

    public void shared(Kind kind) {
        lock("pg_advisory_xact_lock_shared", kind);
    }

    public void exclusive(Kind kind) {
        lock("pg_advisory_xact_lock", kind);
    }

    private void lock(String function, Kind kind) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT " + function + "(hashtext(current_schema() || '/config'), hashtext(?))")) {
            ps.setString(1, kind.name());
            ps.execute();
        } catch (SQLException e) {
            throw Sql.fail("cannot take the " + kind + " lock", e);
        }
    }
}
