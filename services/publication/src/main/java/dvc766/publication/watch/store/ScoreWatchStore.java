package dvc766.publication.watch.store;

import dvc766.publication.store.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import javax.sql.DataSource;

/**
 * Reads the scorecards and score history that the publication service keeps (tables {@code scorecard},
 * {@code score_history}); the watch never computes a score. New history rows reach the watch through
 * {@code watch_score_change}, filled by a trigger in the same transaction as the row.
 */
@ApplicationScoped
public class ScoreWatchStore {

    /** A published score change and the total of the version published before it (null for the first). */
    public record Change(long historyId, String unitCode, String period, String ruleSet, long version, BigDecimal total,
            String band, Instant asOf, BigDecimal previousTotal, long previousVersion) {}

    /** A unit whose total fell: its total now, the reference it is compared with, and the change (negative). */
    public record Fall(String unitCode, String name, String level, BigDecimal total, String band, BigDecimal reference,
            BigDecimal change) {}

    /** What the falling view compares with. */
    public enum Basis { PREVIOUS_PERIOD, PERIOD_START }

    private final DataSource ds;

    public ScoreWatchStore(DataSource ds) {
        this.ds = ds;
    }

    /** The oldest unexamined score changes, locked for this transaction (others' locked rows are skipped). */
    public List<Change> claimChanges(int limit) {
        return Sql.query(ds, """
                SELECT c.history_id, h.unit_code, h.period, h.rule_set, h.version, h.total, h.band, h.as_of, p.total, p.version
                FROM (SELECT history_id FROM watch_score_change ORDER BY history_id LIMIT ? FOR UPDATE SKIP LOCKED) c
                JOIN score_history h ON h.id = c.history_id
                LEFT JOIN LATERAL (
                    SELECT total, version FROM score_history q
                    WHERE q.unit_code = h.unit_code AND q.period = h.period AND q.rule_set = h.rule_set AND q.version < h.version
                    ORDER BY q.version DESC LIMIT 1) p ON true
                ORDER BY c.history_id
                """, ps -> ps.setInt(1, limit),
                rs -> new Change(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        rs.getBigDecimal(6), rs.getString(7), Sql.time(rs, 8), rs.getBigDecimal(9), rs.getLong(10)));
    }

    public void examined(List<Long> historyIds) {
        if (historyIds.isEmpty()) return;
        Sql.update(ds, "DELETE FROM watch_score_change WHERE history_id = ANY(?)",
                ps -> ps.setArray(1, ps.getConnection().createArrayOf("int8", historyIds.toArray())));
    }

    /**
     * Units of the period (and level, and among {@code units} unless null) whose total is below the reference,
     * the largest fall first: the previous period's total, or the first total published for this period.
     */
    public List<Fall> falling(String period, String previousPeriod, String ruleSet, Basis basis, String level,
            List<String> units, int limit) {
        String reference = basis == Basis.PREVIOUS_PERIOD
                ? "(SELECT p.total FROM scorecard p WHERE p.unit_code = s.unit_code AND p.period = ? AND p.rule_set = s.rule_set)"
                : "(SELECT h.total FROM score_history h WHERE h.unit_code = s.unit_code AND h.period = s.period "
                        + "AND h.rule_set = s.rule_set ORDER BY h.version LIMIT 1)";
        String sql = "SELECT unit_code, unit_name, unit_level, total, band, ref, total - ref FROM ("
                + "SELECT s.unit_code, s.unit_name, s.unit_level, s.total, s.band, " + reference + " AS ref "
                + "FROM scorecard s WHERE s.rule_set = ? AND s.period = ?"
                + (level == null ? "" : " AND s.unit_level = ?")
                + (units == null ? "" : " AND s.unit_code = ANY(?)")
                + ") x WHERE ref IS NOT NULL AND total < ref ORDER BY total - ref, unit_code LIMIT ?";
        return Sql.query(ds, sql, ps -> {
            int i = 1;
            if (basis == Basis.PREVIOUS_PERIOD) ps.setString(i++, previousPeriod);
            ps.setString(i++, ruleSet);
            ps.setString(i++, period);
            if (level != null) ps.setString(i++, level);
            if (units != null) Sql.setTexts(ps, i++, units);
            ps.setInt(i, limit);
        }, rs -> new Fall(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBigDecimal(4), rs.getString(5),
                rs.getBigDecimal(6), rs.getBigDecimal(7)));
    }
}
