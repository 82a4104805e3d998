package dvc766.indicator.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import javax.sql.DataSource;

/**
 * Scores to recompute from the pooled counters (after a rule set was stored, or on an administrator's request). Rows
 * are durable, so a recompute survives a restart; instances drain them in small batches without waiting for each other.
 */
@ApplicationScoped
public class RecomputeQueue {

    private final DataSource ds;

    public RecomputeQueue(DataSource ds) {
        this.ds = ds;
    }

    /**
     * Queues the rule set's score of every (unit, period) that has counters, optionally only those periods and units
     * (empty: all). Only month, quarter and year keys are scored periods (other counter rows, such as the engine's
     * present-state ones, feed those). Returns how many scores were queued.
     */
    public int enqueue(String ruleSet, Collection<String> periods, Collection<String> units) {
        String sql = """
                INSERT INTO score_recompute (unit_code, period, rule_set)
                SELECT DISTINCT pc.unit_code, pc.period, ? FROM pooled_counter pc JOIN unit u ON u.code = pc.unit_code AND u.known
                WHERE pc.period ~ '^[0-9]{4}(-(Q[1-4]|[0-9]{2}))?$'
                  AND (cardinality(?::text[]) = 0 OR pc.period = ANY(?::text[]))
                  AND (cardinality(?::text[]) = 0 OR pc.unit_code = ANY(?::text[]))
                ORDER BY 1, 2
                ON CONFLICT DO NOTHING""";
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, ruleSet);
            ps.setArray(2, Sql.text(c, periods));
            ps.setArray(3, Sql.text(c, periods));
            ps.setArray(4, Sql.text(c, units));
            ps.setArray(5, Sql.text(c, units));
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw Sql.fail("cannot queue a recompute of " + ruleSet, e);
        }
    }

    /** Queues the scores of these (unit, period) pairs under each of the rule sets (a recompute from facts changed them). */
    public void enqueue(Collection<UnitPeriod> pairs, Collection<String> ruleSets) {
        if (pairs.isEmpty() || ruleSets.isEmpty()) return;
        List<String> units = new ArrayList<>(), periods = new ArrayList<>();
        new java.util.TreeSet<>(pairs).forEach(p -> { units.add(p.unit()); periods.add(p.period()); });
        String sql = """
                INSERT INTO score_recompute (unit_code, period, rule_set)
                SELECT k.u, k.p, r FROM unnest(?::text[], ?::text[]) AS k(u, p) CROSS JOIN unnest(?::text[]) AS r
                ORDER BY 1, 2, 3
                ON CONFLICT DO NOTHING""";
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, Sql.text(c, units));
            ps.setArray(2, Sql.text(c, periods));
            ps.setArray(3, Sql.text(c, new java.util.TreeSet<>(ruleSets)));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw Sql.fail("cannot queue the scores of recomputed counters", e);
        }
    }

    /** Takes (removes, in the caller's transaction) up to {@code limit} queued scores, skipping those another instance holds. */
    public List<ScoreKey> take(int limit) {
        String sql = """
                DELETE FROM score_recompute WHERE (unit_code, period, rule_set) IN (
                    SELECT unit_code, period, rule_set FROM score_recompute ORDER BY enqueued_at, unit_code, period, rule_set
                    LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING unit_code, period, rule_set""";
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, limit);
            List<ScoreKey> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new ScoreKey(rs.getString(1), rs.getString(2), rs.getString(3)));
            }
            return out;
        } catch (SQLException e) {
            throw Sql.fail("cannot take queued recomputes", e);
        }
    }

    /** How many scores are waiting to be recomputed. */
    public long pending() {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM score_recompute");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw Sql.fail("cannot count queued recomputes", e);
        }
    }
}
