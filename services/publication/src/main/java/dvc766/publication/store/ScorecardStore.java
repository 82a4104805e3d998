package dvc766.publication.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import dvc766.kit.events.EventJson;
import dvc766.publication.domain.PlacedScore;
import dvc766.publication.domain.Score;
import dvc766.publication.domain.ScoreChange;
import dvc766.publication.domain.Unit;
import dvc766.publication.domain.UnitLevel;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.time.OffsetDateTime;
import javax.sql.DataSource;

/**
 * Current scorecards per (unit, period, rule set) and their append-only history. Each scorecard row carries the
 * unit's name and level, and its place in the period's tree (parent, ancestors), so that rankings read one table.
 */
@ApplicationScoped
public class ScorecardStore {

    /** A stored scorecard with the unit's name and level as currently known (absent until the unit arrives). */
    public record StoredScorecard(Score score, String name, UnitLevel level, long changeSeq) {}

    /** One ranked row: the unit's total in the period and, when held, in the previous period. */
    public record RankingRow(String unitCode, String name, BigDecimal total, String band, BigDecimal previousTotal,
            List<Score.GroupScore> groups) {}

    /** A unit under the ranking's filter that has no score for the period ("no data", which is not a total of 0). */
    public record Unscored(String unitCode, String name) {}

    /** A scorecard as published at some instant: the history row's id, and the unit as known now. */
    public record PastScorecard(Score score, String name, UnitLevel level, long historyId, long unitChangeSeq) {}

    /** A period's current score in a series (figures only). */
    public record SeriesRow(String period, BigDecimal total, BigDecimal max, String band, OffsetDateTime asOf,
            List<Score.GroupScore> groups, long changeSeq) {}

    /** What a ranking selects: period, rule set, and optionally a level and a unit the ranked ones are within. */
    public record RankingQuery(String period, String previousPeriod, String ruleSet, UnitLevel level, String parent) {}

    private final DataSource ds;
    private final RuleSetStore ruleSets;
    private final ScoreChanges changes;

    public ScorecardStore(DataSource ds, RuleSetStore ruleSets, ScoreChanges changes) {
        this.ds = ds;
        this.ruleSets = ruleSets;
        this.changes = changes;
    }

    /**
     * Applies the score if its version is newer than the one held, and then appends it to the history. Returns
     * whether it was applied. The caller holds the unit's lock, so the copied name, level and parent are current.
     */
    public boolean apply(PlacedScore placed, String eventId) {
        Score s = placed.score();
        String body = json(s);
        // the parent and ancestors are the period's tree, from the score event; name and level are the unit's current ones
        int applied = Sql.update(ds, """
                INSERT INTO scorecard (unit_code, period, rule_set, version, total, band, unit_name, unit_level,
                                       parent_code, ancestors, as_of, body, groups, change_seq)
                SELECT ?, ?, ?, ?, ?, ?, u.name, u.level, ?, ?, ?, ?::jsonb, (?::jsonb) -> 'groups',
                       nextval('change_seq')
                FROM (SELECT 1) one LEFT JOIN unit u ON u.code = ?
                ON CONFLICT (unit_code, period, rule_set) DO UPDATE SET
                    version = EXCLUDED.version, total = EXCLUDED.total, band = EXCLUDED.band,
                    unit_name = EXCLUDED.unit_name, unit_level = EXCLUDED.unit_level, parent_code = EXCLUDED.parent_code,
                    ancestors = EXCLUDED.ancestors, as_of = EXCLUDED.as_of, body = EXCLUDED.body, groups = EXCLUDED.groups,
                    change_seq = EXCLUDED.change_seq, applied_at = now()
                WHERE scorecard.version < EXCLUDED.version
                """, ps -> {
                    ps.setString(1, s.unitCode());
                    ps.setString(2, s.period());
                    ps.setString(3, s.ruleSet());
                    ps.setLong(4, s.version());
                    ps.setBigDecimal(5, s.total());
                    Sql.setText(ps, 6, s.band());
                    Sql.setText(ps, 7, placed.parentCode());
                    Sql.setTexts(ps, 8, placed.ancestors());
                    Sql.setTime(ps, 9, s.asOf());
                    ps.setString(10, body);
                    ps.setString(11, body);
                    ps.setString(12, s.unitCode());
                });
        if (applied == 0) return false;
        long historyId = Sql.query(ds, """
                INSERT INTO score_history (unit_code, period, rule_set, version, total, band, as_of, evaluated_at, body, event_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?) RETURNING id
                """, ps -> {
                    ps.setString(1, s.unitCode());
                    ps.setString(2, s.period());
                    ps.setString(3, s.ruleSet());
                    ps.setLong(4, s.version());
                    ps.setBigDecimal(5, s.total());
                    Sql.setText(ps, 6, s.band());
                    Sql.setTime(ps, 7, s.asOf());
                    Sql.setTime(ps, 8, s.evaluatedAt());
                    ps.setString(9, body);
                    ps.setString(10, eventId);
                }, rs -> rs.getLong(1)).get(0);
        ruleSets.record(s, body);
        changes.notifyCommitted(new ScoreChange(historyId, s.unitCode(), s.period(), s.ruleSet(), s.version(), s.total(),
                s.band(), s.asOf()));
        return true;
    }

    /**
     * Copies a unit's new name and level onto its scorecards; only rows that differ change. The parent is not copied:
     * each scorecard keeps the place its period's score event gave it (the tree as it stood then).
     */
    public int refreshUnit(Unit u) {
        return Sql.update(ds, """
                UPDATE scorecard SET unit_name = ?, unit_level = ?, change_seq = nextval('change_seq')
                WHERE unit_code = ? AND (unit_name, unit_level) IS DISTINCT FROM (?, ?)
                """, ps -> {
                    ps.setString(1, u.name());
                    ps.setString(2, u.level().name());
                    ps.setString(3, u.code());
                    ps.setString(4, u.name());
                    ps.setString(5, u.level().name());
                });
    }

    public Optional<StoredScorecard> find(String unitCode, String period, String ruleSet) {
        return Sql.query(ds, """
                SELECT body::text, unit_name, unit_level, change_seq FROM scorecard
                WHERE unit_code = ? AND period = ? AND rule_set = ?
                """, ps -> {
                    ps.setString(1, unitCode);
                    ps.setString(2, period);
                    ps.setString(3, ruleSet);
                }, rs -> new StoredScorecard(score(rs.getString(1)), rs.getString(2),
                        rs.getString(3) == null ? null : UnitLevel.valueOf(rs.getString(3)), rs.getLong(4)))
                .stream().findFirst();
    }

    /** The number of history rows of a (unit, period, rule set); what tests and audits count. */
    public long historyCount(String unitCode, String period, String ruleSet) {
        return Sql.query(ds, "SELECT count(*) FROM score_history WHERE unit_code = ? AND period = ? AND rule_set = ?",
                ps -> {
                    ps.setString(1, unitCode);
                    ps.setString(2, period);
                    ps.setString(3, ruleSet);
                }, rs -> rs.getLong(1)).get(0);
    }

    /** The scorecards of the period under the filter, with the previous period's total of the same unit. */
    public List<RankingRow> ranking(RankingQuery q) {
        List<Object> args = new ArrayList<>();
        String where = filter(q, args, "s.");
        String sql = "SELECT s.unit_code, s.unit_name, s.total, s.band, p.total, s.groups::text FROM scorecard s "
                + "LEFT JOIN scorecard p ON p.unit_code = s.unit_code AND p.period = ? AND p.rule_set = s.rule_set "
                + "WHERE s.rule_set = ? AND s.period = ?" + where + " ORDER BY s.total DESC";
        return Sql.query(ds, sql, ps -> {
            ps.setString(1, q.previousPeriod());
            ps.setString(2, q.ruleSet());
            ps.setString(3, q.period());
            for (int i = 0; i < args.size(); i++) ps.setString(4 + i, (String) args.get(i));
        }, rs -> new RankingRow(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), rs.getString(4), rs.getBigDecimal(5),
                groups(rs.getString(6))));
    }

    /** The units under the ranking's filter that hold no score for its period and rule set. */
    public List<Unscored> unscored(RankingQuery q) {
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE NOT EXISTS (SELECT 1 FROM scorecard s WHERE s.unit_code = u.code "
                + "AND s.period = ? AND s.rule_set = ?)");
        if (q.level() != null) {
            where.append(" AND u.level = ?");
            args.add(q.level().name());
        }
        String within = "";
        if (q.parent() != null) {
            // units below the parent at any depth, in the tree as publication holds it (current parents)
            within = "WITH RECURSIVE below(code, depth) AS (SELECT code, 1 FROM unit WHERE parent_code = ? "
                    + "UNION ALL SELECT u.code, b.depth + 1 FROM below b JOIN unit u ON u.parent_code = b.code WHERE b.depth < 32) ";
            where.append(" AND u.code IN (SELECT code FROM below)");
        }
        String prefix = within;
        List<Object> head = q.parent() == null ? List.of() : List.of(q.parent());
        return Sql.query(ds, prefix + "SELECT u.code, u.name FROM unit u" + where, ps -> {
            int n = 0;
            for (Object h : head) ps.setString(++n, (String) h);
            ps.setString(n + 1, q.period());
            ps.setString(n + 2, q.ruleSet());
            for (int i = 0; i < args.size(); i++) ps.setString(n + 3 + i, (String) args.get(i));
        }, rs -> new Unscored(rs.getString(1), rs.getString(2)));
    }

    /**
     * The scorecard as it was published at the instant: the last history row at or before it (by the indicator
     * service's publication time, then version). History rows are never changed, so the answer never changes either.
     */
    public Optional<PastScorecard> asOf(String unitCode, String period, String ruleSet, OffsetDateTime instant) {
        return Sql.query(ds, """
                SELECT h.body::text, u.name, u.level, h.id, coalesce(u.change_seq, 0) FROM score_history h
                LEFT JOIN unit u ON u.code = h.unit_code
                WHERE h.unit_code = ? AND h.period = ? AND h.rule_set = ? AND h.as_of <= ?
                ORDER BY h.as_of DESC, h.version DESC LIMIT 1
                """, ps -> {
                    ps.setString(1, unitCode);
                    ps.setString(2, period);
                    ps.setString(3, ruleSet);
                    Sql.setTime(ps, 4, instant);
                }, rs -> new PastScorecard(score(rs.getString(1)), rs.getString(2),
                        rs.getString(3) == null ? null : UnitLevel.valueOf(rs.getString(3)), rs.getLong(4), rs.getLong(5)))
                .stream().findFirst();
    }

    /** The current scores of a unit for these periods (one primary-key probe each, in one statement). */
    public List<SeriesRow> series(String unitCode, String ruleSet, List<String> periods) {
        return Sql.query(ds, """
                SELECT period, total, body ->> 'max', band, as_of, groups::text, change_seq FROM scorecard
                WHERE unit_code = ? AND rule_set = ? AND period = ANY (?)
                """, ps -> {
                    ps.setString(1, unitCode);
                    ps.setString(2, ruleSet);
                    ps.setArray(3, ps.getConnection().createArrayOf("text", periods.toArray()));
                }, rs -> new SeriesRow(rs.getString(1), rs.getBigDecimal(2),
                        rs.getString(3) == null ? null : new BigDecimal(rs.getString(3)), rs.getString(4),
                        rs.getObject(5, OffsetDateTime.class), groups(rs.getString(6)), rs.getLong(7)));
    }

    /** Summarises every row a ranking reads (both periods), without reading their bodies. */
    public Fingerprint rankingFingerprint(RankingQuery q) {
        List<Object> args = new ArrayList<>();
        String where = filter(q, args, "");
        String sql = "SELECT count(*), coalesce(sum(change_seq), 0) FROM scorecard "
                + "WHERE rule_set = ? AND period IN (?, ?)" + where;
        return Sql.query(ds, sql, ps -> {
            ps.setString(1, q.ruleSet());
            ps.setString(2, q.period());
            ps.setString(3, q.previousPeriod());
            for (int i = 0; i < args.size(); i++) ps.setString(4 + i, (String) args.get(i));
        }, rs -> new Fingerprint(rs.getLong(1), rs.getLong(2))).get(0);
    }

    // one statement per combination of filters, so each is planned against its index
    private static String filter(RankingQuery q, List<Object> args, String alias) {
        StringBuilder where = new StringBuilder();
        if (q.level() != null) {
            where.append(" AND ").append(alias).append("unit_level = ?");
            args.add(q.level().name());
        }
        if (q.parent() != null) {
            // within the parent at any depth, in the period's tree (the score event's ancestors)
            where.append(" AND ").append(alias).append("ancestors @> ARRAY[?]::text[]");
            args.add(q.parent());
        }
        return where.toString();
    }

    private static final com.fasterxml.jackson.core.type.TypeReference<List<Score.GroupScore>> GROUPS =
            new com.fasterxml.jackson.core.type.TypeReference<>() {};

    private static List<Score.GroupScore> groups(String json) {
        if (json == null) return List.of();
        try {
            return EventJson.mapper().readValue(json, GROUPS);
        } catch (JsonProcessingException e) {
            throw new StoreException("unreadable scorecard groups", e);
        }
    }

    private static String json(Score s) {
        return EventJson.write(s);
    }

    private static Score score(String json) {
        try {
            return EventJson.mapper().readValue(json, Score.class);
        } catch (JsonProcessingException e) {
            throw new StoreException("unreadable scorecard body", e);
        }
    }
}
