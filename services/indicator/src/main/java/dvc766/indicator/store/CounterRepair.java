package dvc766.indicator.store;

import dvc766.indicator.domain.Counts;
import dvc766.indicator.domain.Indicators;
import dvc766.indicator.domain.ItemCount;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * How far the counters of a scope have drifted from the stored contributions they are the sums of (a bug, a hand
 * edit): own counters from {@code contribution}, the pooled per-object counters up each period's dated tree, the item
 * references from {@code item_contribution}, and the pooled item counters from those references. Each family is read
 * in one statement, hence one snapshot in which every writer's transaction is either wholly visible or not at all; the
 * drift is then added as a delta like any other, so writers committing meanwhile are neither lost nor counted twice.
 * Present-state counters (period {@code *}: catalogue, communes) are not covered: they follow procedure and unit events.
 * The pooled counters checked are those of the scope's current ancestors (former ancestors of a moved unit keep theirs).
 */
@ApplicationScoped
public class CounterRepair {

    /** Expected minus held, per family. */
    public record Drift(Map<CounterKey, Counts> own, Map<CounterKey, Counts> pooled, Map<ItemKey, ItemCount> refs) {
        public boolean isEmpty() { return own.isEmpty() && pooled.isEmpty() && refs.isEmpty(); }
    }

    /** units: the scope's roots (with their subtrees), every ancestor of which has its pooled counters checked. */
    private static final String SCOPE = """
            scope AS (SELECT DISTINCT descendant AS u FROM unit_closure WHERE cardinality(?::text[]) = 0 OR ancestor = ANY(?::text[])),
            up AS (SELECT DISTINCT cl.ancestor AS a FROM unit_closure cl JOIN scope s ON s.u = cl.descendant)""";

    private static final String COUNTERS = "WITH RECURSIVE " + SCOPE + """
            ,
            own AS MATERIALIZED (
                SELECT c.unit_code AS u, c.period AS p, c.indicator AS i, sum(c.num) AS n, sum(c.den) AS d
                FROM contribution c
                WHERE cardinality(?::text[]) = 0 OR c.period = ANY(?::text[])
                GROUP BY 1, 2, 3),
            own_held AS (
                SELECT x.unit_code AS u, x.period AS p, x.indicator AS i, x.num AS n, x.den AS d FROM unit_counter x JOIN scope s ON s.u = x.unit_code
                WHERE split_part(x.indicator, '@', 1) = ANY(?::text[]) AND (cardinality(?::text[]) = 0 OR x.period = ANY(?::text[]))),
            k AS (SELECT DISTINCT o.u, o.p, t.tree_date AS day FROM own o JOIN period_tree t ON t.period = o.p),
            """ + UnitEdges.WALK_UP + """
            ,
            pooled AS (
                SELECT w.a AS u, o.p, o.i, sum(o.n) AS n, sum(o.d) AS d
                FROM own o JOIN walk w ON w.u = o.u AND w.p = o.p JOIN up ON up.a = w.a
                GROUP BY 1, 2, 3),
            pooled_held AS (
                SELECT x.unit_code AS u, x.period AS p, x.indicator AS i, x.num AS n, x.den AS d FROM pooled_counter x JOIN up ON up.a = x.unit_code
                WHERE split_part(x.indicator, '@', 1) = ANY(?::text[]) AND (cardinality(?::text[]) = 0 OR x.period = ANY(?::text[])))
            SELECT 'OWN', coalesce(e.u, h.u), coalesce(e.p, h.p), coalesce(e.i, h.i), coalesce(e.n, 0) - coalesce(h.n, 0), coalesce(e.d, 0) - coalesce(h.d, 0)
            FROM (SELECT o.* FROM own o JOIN scope s ON s.u = o.u) e FULL JOIN own_held h ON h.u = e.u AND h.p = e.p AND h.i = e.i
            WHERE coalesce(e.n, 0) <> coalesce(h.n, 0) OR coalesce(e.d, 0) <> coalesce(h.d, 0)
            UNION ALL
            SELECT 'POOLED', coalesce(e.u, h.u), coalesce(e.p, h.p), coalesce(e.i, h.i), coalesce(e.n, 0) - coalesce(h.n, 0), coalesce(e.d, 0) - coalesce(h.d, 0)
            FROM pooled e FULL JOIN pooled_held h ON h.u = e.u AND h.p = e.p AND h.i = e.i
            WHERE coalesce(e.n, 0) <> coalesce(h.n, 0) OR coalesce(e.d, 0) <> coalesce(h.d, 0)""";

    /**
     * Item references, and the pooled counters of the distinct-counted indicators computed from the expected references
     * as the engine moves them: a decision item counts in the denominator while referenced and in the numerator while
     * none of its references fails; a usage item counts in the numerator of an ancestor whose subtree holds the
     * procedure with the feature (online, fee-bearing, for citizens).
     */
    private static final String ITEMS = "WITH RECURSIVE " + SCOPE + """
            ,
            ic AS MATERIALIZED (
                SELECT c.unit_code AS u, c.period AS p, c.indicator AS i, c.item, sum(c.refs) AS r, sum(c.fails) AS f
                FROM item_contribution c
                WHERE cardinality(?::text[]) = 0 OR c.period = ANY(?::text[])
                GROUP BY 1, 2, 3, 4),
            k AS (SELECT DISTINCT ic.u, ic.p, t.tree_date AS day FROM ic JOIN period_tree t ON t.period = ic.p),
            """ + UnitEdges.WALK_UP + """
            ,
            refs AS MATERIALIZED (
                SELECT w.a, ic.p, ic.i, ic.item, sum(ic.r) AS r, sum(ic.f) AS f
                FROM ic JOIN walk w ON w.u = ic.u AND w.p = ic.p JOIN up ON up.a = w.a
                GROUP BY 1, 2, 3, 4),
            refs_held AS (
                SELECT x.ancestor AS a, x.period AS p, x.indicator AS i, x.item, x.refs AS r, x.fails AS f FROM item_ref x JOIN up ON up.a = x.ancestor
                WHERE cardinality(?::text[]) = 0 OR x.period = ANY(?::text[])),
            pooled AS (
                SELECT a, p, i, count(*) FILTER (WHERE r > 0 AND f = 0) AS n, count(*) FILTER (WHERE r > 0) AS d
                FROM refs WHERE split_part(i, '@', 1) = ANY(?::text[]) GROUP BY 1, 2, 3
                UNION ALL
                SELECT e.a, e.p, e.i, count(*), 0
                FROM refs e JOIN procedure_member m ON m.ancestor = e.a AND m.procedure_code = e.item
                JOIN procedure_catalog pc ON pc.code = e.item
                WHERE e.r > 0 AND CASE e.i WHEN ? THEN pc.online WHEN ? THEN pc.fee_bearing WHEN ? THEN pc.citizen ELSE false END
                GROUP BY 1, 2, 3),
            pooled_held AS (
                SELECT x.unit_code AS a, x.period AS p, x.indicator AS i, x.num AS n, x.den AS d FROM pooled_counter x JOIN up ON up.a = x.unit_code
                WHERE split_part(x.indicator, '@', 1) = ANY(?::text[]) AND x.period <> '*' AND (cardinality(?::text[]) = 0 OR x.period = ANY(?::text[])))
            SELECT 'REF', coalesce(e.a, h.a), coalesce(e.p, h.p), coalesce(e.i, h.i), coalesce(e.item, h.item),
                   coalesce(e.r, 0) - coalesce(h.r, 0), coalesce(e.f, 0) - coalesce(h.f, 0)
            FROM refs e FULL JOIN refs_held h ON h.a = e.a AND h.p = e.p AND h.i = e.i AND h.item = e.item
            WHERE coalesce(e.r, 0) <> coalesce(h.r, 0) OR coalesce(e.f, 0) <> coalesce(h.f, 0)
            UNION ALL
            SELECT 'POOLED', coalesce(e.a, h.a), coalesce(e.p, h.p), coalesce(e.i, h.i), NULL,
                   coalesce(e.n, 0) - coalesce(h.n, 0), coalesce(e.d, 0) - coalesce(h.d, 0)
            FROM pooled e FULL JOIN pooled_held h ON h.a = e.a AND h.p = e.p AND h.i = e.i
            WHERE coalesce(e.n, 0) <> coalesce(h.n, 0) OR coalesce(e.d, 0) <> coalesce(h.d, 0)""";

    private final DataSource ds;

    public CounterRepair(DataSource ds) {
        this.ds = ds;
    }

    /** The drift of the counters of the units' subtrees (and their ancestors) for the periods; empty lists: all. */
    public Drift drift(Collection<String> periods, Collection<String> units) {
        Map<CounterKey, Counts> own = new TreeMap<>(), pooled = new TreeMap<>();
        Map<ItemKey, ItemCount> refs = new TreeMap<>();
        List<String> summable = List.copyOf(new TreeSet<>(union(Indicators.DOSSIER, Indicators.PETITION)));
        List<String> itemized = List.copyOf(new TreeSet<>(union(Indicators.DECISION, Indicators.USAGE)));
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(COUNTERS)) {
                int i = scope(c, ps, units);
                ps.setArray(++i, Sql.text(c, periods));
                ps.setArray(++i, Sql.text(c, periods));
                ps.setArray(++i, Sql.text(c, summable));
                ps.setArray(++i, Sql.text(c, periods));
                ps.setArray(++i, Sql.text(c, periods));
                ps.setArray(++i, Sql.text(c, summable));
                ps.setArray(++i, Sql.text(c, periods));
                ps.setArray(++i, Sql.text(c, periods));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        CounterKey k = new CounterKey(rs.getString(2), rs.getString(3), rs.getString(4));
                        ("OWN".equals(rs.getString(1)) ? own : pooled).put(k, new Counts(rs.getLong(5), rs.getLong(6)));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(ITEMS)) {
                int i = scope(c, ps, units);
                ps.setArray(++i, Sql.text(c, periods));
                ps.setArray(++i, Sql.text(c, periods));
                ps.setArray(++i, Sql.text(c, periods));
                ps.setArray(++i, Sql.text(c, periods));
                ps.setArray(++i, Sql.text(c, List.copyOf(new TreeSet<>(Indicators.DECISION))));
                ps.setString(++i, Indicators.ONLINE_SERVICE_USAGE);
                ps.setString(++i, Indicators.PAYMENT_USAGE);
                ps.setString(++i, Indicators.CITIZEN_DATA_FORMALITY);
                ps.setArray(++i, Sql.text(c, itemized));
                ps.setArray(++i, Sql.text(c, periods));
                ps.setArray(++i, Sql.text(c, periods));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if ("REF".equals(rs.getString(1))) {
                            refs.put(new ItemKey(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                                    new ItemCount(rs.getLong(6), rs.getLong(7)));
                        } else {
                            pooled.merge(new CounterKey(rs.getString(2), rs.getString(3), rs.getString(4)),
                                    new Counts(rs.getLong(6), rs.getLong(7)), Counts::plus);
                        }
                    }
                }
            }
            return new Drift(own, pooled, refs);
        } catch (SQLException e) {
            throw Sql.fail("cannot compare the counters with the stored contributions", e);
        }
    }

    private static int scope(Connection c, PreparedStatement ps, Collection<String> units) throws SQLException {
        ps.setArray(1, Sql.text(c, units));
        ps.setArray(2, Sql.text(c, units));
        return 2;
    }

    private static java.util.Set<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        java.util.Set<String> out = new TreeSet<>(a);
        out.addAll(b);
        return out;
    }
}
