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

    /**
     * The calendar lock: dossier and procedure batches hold it shared while they compute deadlines, a calendar change
     * holds it exclusively while it swaps the calendar and recomputes, so no batch computes with the old calendar
     * and commits after the recomputation.
     */
    public void lockCalendar(boolean exclusive) {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement(exclusive
                        ? "SELECT pg_advisory_xact_lock(hashtext(current_schema() || '/watch-calendar'), 0)"
                        : "SELECT pg_advisory_xact_lock_shared(hashtext(current_schema() || '/watch-calendar'), 0)")) {
            ps.executeQuery().close();
        } catch (SQLException e) {
            throw new WatchStoreException(e);
        }
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
