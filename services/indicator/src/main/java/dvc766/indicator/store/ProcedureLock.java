package dvc766.indicator.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * Closes the gap between a dossier and its procedure arriving at the same time on two topics: a dossier transaction
 * holds its procedures' locks shared while it reads them, a procedure transaction holds them exclusively while it
 * stores the procedure and makes its dossiers due. Whichever commits second sees the other's work, so a dossier can
 * never be left uncounted next to a procedure that exists. Advisory locks on a hash of the code, taken in hash order.
 */
@ApplicationScoped
public class ProcedureLock {

    private final DataSource ds;

    public ProcedureLock(DataSource ds) {
        this.ds = ds;
    }

    /** Take before locking any dossier row. */
    public void shared(Collection<String> procedureCodes) {
        lock(procedureCodes, "pg_advisory_xact_lock_shared");
    }

    /** Take before storing the procedures and touching their dossiers. */
    public void exclusive(Collection<String> procedureCodes) {
        lock(procedureCodes, "pg_advisory_xact_lock");
    }

    private void lock(Collection<String> codes, String function) {
        lock(ds, "/procedure", codes, function);
    }

    /** Advisory locks on (this schema + namespace, hash of each code), taken in hash order. */
    static void lock(DataSource ds, String namespace, Collection<String> codes, String function) {
        if (codes.isEmpty()) return;
        // two-key locks: (this schema's namespace, hash of the code), so services sharing a database never collide
        String sql = "SELECT count(" + function + "(hashtext(current_schema() || '" + namespace + "'), k)) "
                + "FROM (SELECT DISTINCT hashtext(c) AS k FROM unnest(?::text[]) AS c ORDER BY k) AS s";
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, Sql.text(c, new ArrayList<>(new TreeSet<>(codes))));
            ps.execute();
        } catch (SQLException e) {
            throw Sql.fail("cannot lock " + namespace, e);
        }
    }
}
