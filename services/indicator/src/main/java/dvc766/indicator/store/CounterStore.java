package dvc766.indicator.store;

import dvc766.indicator.domain.Counts;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * Per-dossier contributions and the counters built from them. A change of a dossier writes new minus old into its
 * unit's own counters and into the pooled counters of every ancestor on the period's tree day (dated edges), set-based
 * and in key order so that concurrent writers lock rows in the same order.
 */
@ApplicationScoped
public class CounterStore {

    private final DataSource ds;
    private final PeriodTrees periods;

    public CounterStore(DataSource ds, PeriodTrees periods) {
        this.ds = ds;
        this.periods = periods;
    }

    /** The stored contributions of each object of a kind (DOSSIER, PETITION), keyed by (unit, period, indicator). */
    public Map<String, Map<CounterKey, Counts>> contributions(String kind, Collection<String> objectKeys) {
        Map<String, Map<CounterKey, Counts>> out = new HashMap<>();
        if (objectKeys.isEmpty()) return out;
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT object_key, unit_code, period, indicator, num, den FROM contribution WHERE kind = ? AND object_key = ANY(?)")) {
            ps.setString(1, kind);
            ps.setArray(2, Sql.text(c, objectKeys));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
                            .put(new CounterKey(rs.getString(2), rs.getString(3), rs.getString(4)), new Counts(rs.getLong(5), rs.getLong(6)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw Sql.fail("cannot read contributions", e);
        }
    }

    /** Replaces the stored contributions of the given objects of a kind. */
    public void replaceContributions(String kind, Map<String, Map<CounterKey, Counts>> byObject) {
        if (byObject.isEmpty()) return;
        List<String> objects = new ArrayList<>(new TreeSet<>(byObject.keySet()));
        List<String> d = new ArrayList<>(), u = new ArrayList<>(), p = new ArrayList<>(), i = new ArrayList<>();
        List<Long> n = new ArrayList<>(), m = new ArrayList<>();
        for (String code : objects) {
            byObject.get(code).forEach((k, v) -> {
                if (v.isZero()) return;
                d.add(code);
                u.add(k.unit());
                p.add(k.period());
                i.add(k.indicator());
                n.add(v.numerator());
                m.add(v.denominator());
            });
        }
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM contribution WHERE kind = ? AND object_key = ANY(?)")) {
                ps.setString(1, kind);
                ps.setArray(2, Sql.text(c, objects));
                ps.executeUpdate();
            }
            if (d.isEmpty()) return;
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO contribution (kind, object_key, unit_code, period, indicator, num, den)
                    SELECT ?, v.* FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[]) AS v""")) {
                ps.setString(1, kind);
                ps.setArray(2, Sql.text(c, d));
                ps.setArray(3, Sql.text(c, u));
                ps.setArray(4, Sql.text(c, p));
                ps.setArray(5, Sql.text(c, i));
                ps.setArray(6, Sql.bigint(c, n));
                ps.setArray(7, Sql.bigint(c, m));
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw Sql.fail("cannot store contributions", e);
        }
    }

    /**
     * Adds the deltas to the units' own counters and to the pooled counters of every ancestor of each unit (itself
     * included). Returns the (ancestor, period) pairs whose pooled counts changed.
     */
    public Set<UnitPeriod> apply(Map<CounterKey, Counts> deltas) {
        return apply(deltas, Map.of());
    }

    /**
     * Adds {@code own} deltas to the units' own counters and to the pooled counters of every ancestor of each unit
     * (itself included) in the tree of the period's day; adds {@code pooled} deltas (keyed by the ancestor itself: counts that are
     * not sums over children, such as procedures counted once per subtree) to the pooled counters directly. One
     * statement per table, rows in key order. Returns the (ancestor, period) pairs whose pooled counts changed.
     */
    public Set<UnitPeriod> apply(Map<CounterKey, Counts> own, Map<CounterKey, Counts> pooled) {
        TreeMap<CounterKey, Counts> sorted = nonZero(own);
        TreeMap<CounterKey, Counts> direct = nonZero(pooled);
        Set<UnitPeriod> touched = new TreeSet<>();
        if (sorted.isEmpty() && direct.isEmpty()) return touched;
        Arrays a = new Arrays(sorted);
        Arrays b = new Arrays(direct);
        periods.ensure(a.p);
        try (Connection c = ds.getConnection()) {
            if (!sorted.isEmpty()) {
                try (PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO unit_counter (unit_code, period, indicator, num, den)
                        SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[]) AS v(u, p, i, n, d)
                        ORDER BY 1, 2, 3
                        ON CONFLICT (unit_code, period, indicator) DO UPDATE
                        SET num = unit_counter.num + EXCLUDED.num, den = unit_counter.den + EXCLUDED.den""")) {
                    a.bind(c, ps, 0);
                    ps.executeUpdate();
                }
            }
            // each unit's ancestors on its period's tree day (period_tree), walked up the dated edges
            try (PreparedStatement ps = c.prepareStatement("""
                    WITH RECURSIVE v AS (SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[]) AS v(u, p, i, n, d)),
                    k AS (SELECT DISTINCT v.u, v.p, t.tree_date AS day FROM v JOIN period_tree t ON t.period = v.p),
                    """ + UnitEdges.WALK_UP + """
                    INSERT INTO pooled_counter (unit_code, period, indicator, num, den)
                    SELECT a, p, i, sum(n), sum(d) FROM (
                        SELECT w.a, v.p, v.i, v.n, v.d FROM v JOIN walk w ON w.u = v.u AND w.p = v.p
                        UNION ALL
                        SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[]) AS w(a, p, i, n, d)) AS x
                    GROUP BY 1, 2, 3 HAVING sum(n) <> 0 OR sum(d) <> 0 ORDER BY 1, 2, 3
                    ON CONFLICT (unit_code, period, indicator) DO UPDATE
                    SET num = pooled_counter.num + EXCLUDED.num, den = pooled_counter.den + EXCLUDED.den
                    RETURNING unit_code, period""")) {
                a.bind(c, ps, 0);
                b.bind(c, ps, 5);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) touched.add(new UnitPeriod(rs.getString(1), rs.getString(2)));
                }
            }
            return touched;
        } catch (SQLException e) {
            throw Sql.fail("cannot update counters", e);
        }
    }

    private static TreeMap<CounterKey, Counts> nonZero(Map<CounterKey, Counts> deltas) {
        TreeMap<CounterKey, Counts> sorted = new TreeMap<>();
        deltas.forEach((k, v) -> { if (!v.isZero()) sorted.merge(k, v, Counts::plus); });
        sorted.values().removeIf(Counts::isZero);
        return sorted;
    }

    /**
     * Adds deltas to the units' own counters only (not to any pooled counter): corrects own counters that drifted from
     * the contributions they sum ({@link CounterRepair}). One statement, rows in key order.
     */
    public void addToOwn(Map<CounterKey, Counts> deltas) {
        TreeMap<CounterKey, Counts> rows = nonZero(deltas);
        if (rows.isEmpty()) return;
        Arrays a = new Arrays(rows);
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO unit_counter (unit_code, period, indicator, num, den)
                SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[]) AS v(u, p, i, n, d)
                ORDER BY 1, 2, 3
                ON CONFLICT (unit_code, period, indicator) DO UPDATE
                SET num = unit_counter.num + EXCLUDED.num, den = unit_counter.den + EXCLUDED.den""")) {
            a.bind(c, ps);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw Sql.fail("cannot correct own counters", e);
        }
    }

    /** Sum of the own counters of the given units, by (period, indicator): what a moving subtree carries. */
    public Map<CounterKey, Counts> ownSums(Collection<String> units) {
        Map<CounterKey, Counts> out = new TreeMap<>();
        if (units.isEmpty()) return out;
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT period, indicator, sum(num), sum(den) FROM unit_counter WHERE unit_code = ANY(?) GROUP BY 1, 2""")) {
            ps.setArray(1, Sql.text(c, units));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Counts v = new Counts(rs.getLong(3), rs.getLong(4));
                    if (!v.isZero()) out.put(new CounterKey("", rs.getString(1), rs.getString(2)), v);
                }
            }
            return out;
        } catch (SQLException e) {
            throw Sql.fail("cannot sum counters", e);
        }
    }

    /** Sum of the own counters of the given units for one period, by (period, indicator): what a move carries. */
    public Map<CounterKey, Counts> ownSums(Collection<String> units, String period) {
        Map<CounterKey, Counts> out = new TreeMap<>();
        if (units.isEmpty()) return out;
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT indicator, sum(num), sum(den) FROM unit_counter WHERE unit_code = ANY(?) AND period = ? GROUP BY 1""")) {
            ps.setArray(1, Sql.text(c, units));
            ps.setString(2, period);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Counts v = new Counts(rs.getLong(2), rs.getLong(3));
                    if (!v.isZero()) out.put(new CounterKey("", period, rs.getString(1)), v);
                }
            }
            return out;
        } catch (SQLException e) {
            throw Sql.fail("cannot sum counters", e);
        }
    }

    /**
     * Adds {@code sign} × the (period, indicator) sums to the pooled counters of each of {@code ancestors}: moves a
     * subtree's counts away from its old ancestors or onto its new ones. Returns the (ancestor, period) pairs touched.
     */
    public Set<UnitPeriod> addToPooled(Collection<String> ancestors, Map<CounterKey, Counts> sums, int sign) {
        TreeMap<CounterKey, Counts> rows = new TreeMap<>();
        for (String a : ancestors) {
            sums.forEach((k, v) -> rows.put(new CounterKey(a, k.period(), k.indicator()), sign < 0 ? v.negate() : v));
        }
        Set<UnitPeriod> touched = new TreeSet<>();
        if (rows.isEmpty()) return touched;
        Arrays a = new Arrays(rows);
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO pooled_counter (unit_code, period, indicator, num, den)
                SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[]) AS v(u, p, i, n, d)
                ORDER BY 1, 2, 3
                ON CONFLICT (unit_code, period, indicator) DO UPDATE
                SET num = pooled_counter.num + EXCLUDED.num, den = pooled_counter.den + EXCLUDED.den
                RETURNING unit_code, period""")) {
            a.bind(c, ps);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) touched.add(new UnitPeriod(rs.getString(1), rs.getString(2)));
            }
            return touched;
        } catch (SQLException e) {
            throw Sql.fail("cannot move pooled counters", e);
        }
    }

    /**
     * Pooled counts by indicator for each (unit, period), the unit's present-state counts (period {@code *}: procedure
     * catalogue, communes) added in: they hold in every period.
     */
    public Map<UnitPeriod, Map<String, Counts>> pooled(Collection<UnitPeriod> keys) {
        Map<UnitPeriod, Map<String, Counts>> out = new HashMap<>();
        if (keys.isEmpty()) return out;
        List<String> units = keys.stream().map(UnitPeriod::unit).toList();
        List<String> periods = keys.stream().map(UnitPeriod::period).toList();
        Map<String, Map<String, Counts>> current = new HashMap<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT pc.unit_code, pc.period, pc.indicator, pc.num, pc.den
                FROM pooled_counter pc JOIN unnest(?::text[], ?::text[]) AS k(u, p) ON pc.unit_code = k.u AND pc.period = k.p
                UNION ALL
                SELECT pc.unit_code, pc.period, pc.indicator, pc.num, pc.den
                FROM pooled_counter pc WHERE pc.unit_code = ANY(?) AND pc.period = '*'""")) {
            ps.setArray(1, Sql.text(c, units));
            ps.setArray(2, Sql.text(c, periods));
            ps.setArray(3, Sql.text(c, new TreeSet<>(units)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Counts v = new Counts(rs.getLong(4), rs.getLong(5));
                    if ("*".equals(rs.getString(2))) {
                        current.computeIfAbsent(rs.getString(1), k -> new HashMap<>()).put(rs.getString(3), v);
                    } else {
                        out.computeIfAbsent(new UnitPeriod(rs.getString(1), rs.getString(2)), k -> new HashMap<>()).put(rs.getString(3), v);
                    }
                }
            }
        } catch (SQLException e) {
            throw Sql.fail("cannot read pooled counters", e);
        }
        for (UnitPeriod k : keys) {
            Map<String, Counts> now = current.get(k.unit());
            if (now == null || "*".equals(k.period())) continue;
            Map<String, Counts> m = out.computeIfAbsent(k, x -> new HashMap<>());
            now.forEach((i, v) -> m.merge(i, v, Counts::plus));
        }
        return out;
    }

    /** The periods for which the unit has pooled counters. */
    public List<String> periodsOf(String unit) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT DISTINCT period FROM pooled_counter WHERE unit_code = ? ORDER BY 1")) {
            ps.setString(1, unit);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw Sql.fail("cannot read periods", e);
        }
    }

    /** Every pooled counter (unit, period, indicator), for checks against a recomputation from scratch. */
    public Map<CounterKey, Counts> allPooled() {
        Map<CounterKey, Counts> out = new TreeMap<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT unit_code, period, indicator, num, den FROM pooled_counter WHERE num <> 0 OR den <> 0")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(new CounterKey(rs.getString(1), rs.getString(2), rs.getString(3)), new Counts(rs.getLong(4), rs.getLong(5)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw Sql.fail("cannot read pooled counters", e);
        }
    }

    /** Column arrays of sorted counter rows, bound as the five unnest parameters. */
    private static final class Arrays {
        final List<String> u = new ArrayList<>(), p = new ArrayList<>(), i = new ArrayList<>();
        final List<Long> n = new ArrayList<>(), d = new ArrayList<>();

        Arrays(TreeMap<CounterKey, Counts> rows) {
            rows.forEach((k, v) -> {
                u.add(k.unit());
                p.add(k.period());
                i.add(k.indicator());
                n.add(v.numerator());
                d.add(v.denominator());
            });
        }

        void bind(Connection c, PreparedStatement ps) throws SQLException {
            bind(c, ps, 0);
        }

        void bind(Connection c, PreparedStatement ps, int offset) throws SQLException {
            ps.setArray(offset + 1, Sql.text(c, u));
            ps.setArray(offset + 2, Sql.text(c, p));
            ps.setArray(offset + 3, Sql.text(c, i));
            ps.setArray(offset + 4, Sql.bigint(c, n));
            ps.setArray(offset + 5, Sql.bigint(c, d));
        }
    }
}
