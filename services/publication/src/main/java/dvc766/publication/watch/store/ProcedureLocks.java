package dvc766.publication.watch.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collection;
import javax.sql.DataSource;

/**
 * Per-procedure transaction locks. A dossier reads its procedure's legal time while a procedure change recomputes
 * the deadlines of that procedure's dossiers: holding the procedure's lock makes them take turns, so a dossier
 * arriving together with its procedure's first event cannot be left without a deadline.
 */
@ApplicationScoped
public class ProcedureLocks {

    private final DataSource ds;

    public ProcedureLocks(DataSource ds) {
        this.ds = ds;
    }

    /** Locks these procedures until the current transaction ends, always in the same order (no deadlock). */
    public void lock(Collection<String> procedureCodes) {
        Integer[] keys = procedureCodes.stream().map(String::hashCode).distinct().sorted().toArray(Integer[]::new);
        if (keys.length == 0) return;
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(
                        "SELECT count(pg_advisory_xact_lock(hashtext(current_schema() || '/watch-procedure'), k)) FROM unnest(?::int[]) AS t(k)")) {
            Array array = c.createArrayOf("int4", keys);
            ps.setArray(1, array);
            ps.executeQuery().close();
        } catch (SQLException e) {
            throw new WatchStoreException(e);
        }
    }
}
