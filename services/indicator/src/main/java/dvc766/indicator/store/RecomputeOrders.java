package dvc766.indicator.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Administrators' recompute orders: when each was given and finished, and, for an order from facts, whether the
 * counters of its scope were reconciled with the stored contributions once its objects were re-evaluated.
 */
@ApplicationScoped
public class RecomputeOrders {

    /** The scope of an order: units (with their subtrees) and periods; empty: all. */
    public record Scope(long id, List<String> periods, List<String> units) {}

    /** The last order given and, if any, when it finished. */
    public record Last(Instant orderedAt, Instant finishedAt) {}

    private final DataSource ds;

    public RecomputeOrders(DataSource ds) {
        this.ds = ds;
    }

    public long record(Instant at, String by, String ruleSet, boolean facts, Collection<String> periods, Collection<String> units,
            long objects, long scores) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO recompute_order (ordered_at, ordered_by, rule_set, facts, periods, units, objects, scores)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")) {
            ps.setTimestamp(1, Sql.ts(at));
            ps.setString(2, by);
            ps.setString(3, ruleSet);
            ps.setBoolean(4, facts);
            ps.setArray(5, Sql.text(c, periods));
            ps.setArray(6, Sql.text(c, units));
            ps.setLong(7, objects);
            ps.setLong(8, scores);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw Sql.fail("cannot record the recompute order", e);
        }
    }

    /**
     * Locks the oldest order from facts still to reconcile, once no object is left to re-evaluate, skipping one another
     * instance holds.
     */
    public Optional<Scope> lockNextToReconcile() {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT id, periods, units FROM recompute_order
                WHERE facts AND reconciled_at IS NULL AND NOT EXISTS (SELECT 1 FROM fact_recompute)
                ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED""")) {
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(new Scope(rs.getLong(1), strings(rs.getArray(2)), strings(rs.getArray(3))));
            }
        } catch (SQLException e) {
            throw Sql.fail("cannot take a recompute order to reconcile", e);
        }
    }

    public void reconciled(long id, Instant at) {
        update("UPDATE recompute_order SET reconciled_at = ? WHERE id = ?", at, id);
    }

    /** Marks finished every open order once nothing is left: no object to re-evaluate, no order to reconcile, no score queued. */
    public int finishIfIdle(Instant at) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                UPDATE recompute_order SET finished_at = ?
                WHERE finished_at IS NULL
                  AND NOT EXISTS (SELECT 1 FROM fact_recompute) AND NOT EXISTS (SELECT 1 FROM score_recompute)
                  AND NOT EXISTS (SELECT 1 FROM recompute_order o WHERE o.facts AND o.reconciled_at IS NULL)""")) {
            ps.setTimestamp(1, Sql.ts(at));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw Sql.fail("cannot finish recompute orders", e);
        }
    }

    /** How many orders from facts still wait for their counters to be reconciled. */
    public long toReconcile() {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM recompute_order WHERE facts AND reconciled_at IS NULL"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw Sql.fail("cannot count recompute orders", e);
        }
    }

    public Optional<Last> last() {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT ordered_at, finished_at FROM recompute_order ORDER BY id DESC LIMIT 1"); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) return Optional.empty();
            return Optional.of(new Last(Sql.instant(rs.getTimestamp(1)), Sql.instant(rs.getTimestamp(2))));
        } catch (SQLException e) {
            throw Sql.fail("cannot read the last recompute order", e);
        }
    }

    private int update(String sql, Instant at, long id) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, Sql.ts(at));
            ps.setLong(2, id);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw Sql.fail("cannot update recompute orders", e);
        }
    }

    private static List<String> strings(Array a) throws SQLException {
        return a == null ? List.of() : List.of((String[]) a.getArray());
    }
}
