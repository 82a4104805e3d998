package dvc766.publication.store;

import dvc766.publication.domain.Score;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import javax.sql.DataSource;

/**
 * The groups and indicators of each rule set, as the published scores carry them (code, group, maximum). Publication
 * learns the definitions from the scores it receives rather than from the indicator service: it needs no token and no
 * synchronous call, and it can only ever show rule sets it holds scores for, which is what the public API is about.
 */
@ApplicationScoped
public class RuleSetStore {

    /** A group (groupCode null) or an indicator of a rule set. */
    public record Item(String ruleSet, String kind, String code, String groupCode, BigDecimal max) {}

    private final DataSource ds;

    public RuleSetStore(DataSource ds) {
        this.ds = ds;
    }

    /**
     * Records the score's groups and indicators: one statement, and rows change only when a newer score carries a
     * different group or maximum, so the usual score (same definitions) writes nothing.
     */
    void record(Score s, String body) {
        Sql.update(ds, """
                INSERT INTO rule_set_item (rule_set, kind, code, group_code, max, seen_as_of, change_seq)
                SELECT ?, x.kind, x.code, x.group_code, x.max, ?, nextval('change_seq') FROM (
                    -- a code listed twice in one score must not make the upsert touch a row twice
                    SELECT DISTINCT ON (kind, code) * FROM (
                    SELECT 'GROUP' AS kind, g.code, NULL AS group_code, g.max
                    FROM jsonb_to_recordset((?::jsonb) -> 'groups') AS g(code TEXT, max NUMERIC)
                    UNION ALL
                    SELECT 'INDICATOR', i.code, i."group", i.max
                    FROM jsonb_to_recordset((?::jsonb) -> 'indicators') AS i(code TEXT, "group" TEXT, max NUMERIC)
                    ) all_items WHERE code IS NOT NULL
                ) x
                ON CONFLICT (rule_set, kind, code) DO UPDATE SET
                    group_code = EXCLUDED.group_code, max = EXCLUDED.max, seen_as_of = EXCLUDED.seen_as_of,
                    change_seq = EXCLUDED.change_seq
                WHERE rule_set_item.seen_as_of < EXCLUDED.seen_as_of
                  AND (rule_set_item.group_code, rule_set_item.max) IS DISTINCT FROM (EXCLUDED.group_code, EXCLUDED.max)
                """, ps -> {
                    ps.setString(1, s.ruleSet());
                    Sql.setTime(ps, 2, s.asOf());
                    ps.setString(3, body);
                    ps.setString(4, body);
                });
    }

    /** Every rule set's items, by rule set, kind, then code. */
    public List<Item> all() {
        return Sql.query(ds, "SELECT rule_set, kind, code, group_code, max FROM rule_set_item ORDER BY rule_set, kind, code",
                ps -> {}, rs -> new Item(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBigDecimal(5)));
    }

    public Fingerprint fingerprint() {
        return Sql.query(ds, "SELECT count(*), coalesce(sum(change_seq), 0) FROM rule_set_item", ps -> {},
                rs -> new Fingerprint(rs.getLong(1), rs.getLong(2))).get(0);
    }
}
