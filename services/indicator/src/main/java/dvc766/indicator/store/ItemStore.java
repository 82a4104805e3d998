package dvc766.indicator.store;

import dvc766.indicator.domain.ItemCount;
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
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * Distinct-counted indicators (a procedure counts once per subtree): what each object adds to each item at its own unit
 * ({@code item_contribution}), and the same summed per ancestor ({@code item_ref}). Applying deltas returns, per
 * ancestor item, its state before and after, from which the pooled counters move by at most one.
 */
@ApplicationScoped
public class ItemStore {

    /** An ancestor's item whose references changed. */
    public record Change(ItemKey key, ItemCount before, ItemCount after) {}

    private final DataSource ds;
    private final PeriodTrees periods;

    public ItemStore(DataSource ds, PeriodTrees periods) {
        this.ds = ds;
        this.periods = periods;
    }

    /** The stored item contributions of each object of a kind. */
    public Map<String, Map<ItemKey, ItemCount>> contributions(String kind, Collection<String> objectKeys) {
        Map<String, Map<ItemKey, ItemCount>> out = new HashMap<>();
        if (objectKeys.isEmpty()) return out;
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT object_key, unit_code, period, indicator, item, refs, fails FROM item_contribution
                WHERE kind = ? AND object_key = ANY(?)""")) {
            ps.setString(1, kind);
            ps.setArray(2, Sql.text(c, objectKeys));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(
                            new ItemKey(rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)), new ItemCount(rs.getLong(6), rs.getLong(7)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw Sql.fail("cannot read item contributions", e);
        }
    }

    /** Replaces the stored item contributions of the given objects of a kind. */
    public void replaceContributions(String kind, Map<String, Map<ItemKey, ItemCount>> byObject) {
        if (byObject.isEmpty()) return;
        List<String> objects = new ArrayList<>(new TreeSet<>(byObject.keySet()));
        List<String> o = new ArrayList<>(), u = new ArrayList<>(), p = new ArrayList<>(), i = new ArrayList<>(), it = new ArrayList<>();
        List<Long> r = new ArrayList<>(), f = new ArrayList<>();
        for (String key : objects) {
            byObject.get(key).forEach((k, v) -> {
                if (v.isZero()) return;
                o.add(key);
                u.add(k.unit());
                p.add(k.period());
                i.add(k.indicator());
                it.add(k.item());
                r.add(v.refs());
                f.add(v.fails());
            });
        }
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM item_contribution WHERE kind = ? AND object_key = ANY(?)")) {
                ps.setString(1, kind);
                ps.setArray(2, Sql.text(c, objects));
                ps.executeUpdate();
            }
            if (o.isEmpty()) return;
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO item_contribution (kind, object_key, unit_code, period, indicator, item, refs, fails)
                    SELECT ?, v.* FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[]) AS v""")) {
                ps.setString(1, kind);
                ps.setArray(2, Sql.text(c, o));
                ps.setArray(3, Sql.text(c, u));
                ps.setArray(4, Sql.text(c, p));
                ps.setArray(5, Sql.text(c, i));
                ps.setArray(6, Sql.text(c, it));
                ps.setArray(7, Sql.bigint(c, r));
                ps.setArray(8, Sql.bigint(c, f));
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw Sql.fail("cannot store item contributions", e);
        }
    }

    /**
     * Adds deltas at their units to the item refs of every ancestor of each unit (itself included), in the tree of the
     * period's day.
     */
    public List<Change> apply(Map<ItemKey, ItemCount> deltas) {
        periods.ensure(deltas.keySet().stream().map(ItemKey::period).toList());
        return add(deltas, """
                SELECT w.a AS a, v.p, v.i, v.item, sum(v.r) AS r, sum(v.f) AS f
                FROM v JOIN walk w ON w.u = v.u AND w.p = v.p GROUP BY 1, 2, 3, 4""");
    }

    /** Adds deltas whose unit is the ancestor itself (a subtree moving away from, or onto, its ancestors). */
    public List<Change> applyDirect(Map<ItemKey, ItemCount> deltas) {
        return add(deltas, "SELECT v.u AS a, v.p, v.i, v.item, sum(v.r) AS r, sum(v.f) AS f FROM v GROUP BY 1, 2, 3, 4");
    }

    private List<Change> add(Map<ItemKey, ItemCount> deltas, String grouped) {
        TreeMap<ItemKey, ItemCount> sorted = new TreeMap<>();
        deltas.forEach((k, v) -> { if (!v.isZero()) sorted.merge(k, v, ItemCount::plus); });
        sorted.values().removeIf(ItemCount::isZero);
        List<Change> out = new ArrayList<>();
        if (sorted.isEmpty()) return out;
        List<String> u = new ArrayList<>(), p = new ArrayList<>(), i = new ArrayList<>(), it = new ArrayList<>();
        List<Long> r = new ArrayList<>(), f = new ArrayList<>();
        sorted.forEach((k, v) -> {
            u.add(k.unit());
            p.add(k.period());
            i.add(k.indicator());
            it.add(k.item());
            r.add(v.refs());
            f.add(v.fails());
        });
        String sql = "WITH RECURSIVE v AS (SELECT * FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[], ?::bigint[]) AS v(u, p, i, item, r, f)), "
                + "k AS (SELECT DISTINCT v.u, v.p, t.tree_date AS day FROM v JOIN period_tree t ON t.period = v.p), "
                + UnitEdges.WALK_UP + ", "
                + "g AS (SELECT * FROM (" + grouped + ") AS g0 WHERE r <> 0 OR f <> 0), "
                + """
                up AS (INSERT INTO item_ref (ancestor, period, indicator, item, refs, fails)
                       SELECT a, p, i, item, r, f FROM g ORDER BY 1, 2, 3, 4
                       ON CONFLICT (ancestor, period, indicator, item) DO UPDATE
                       SET refs = item_ref.refs + EXCLUDED.refs, fails = item_ref.fails + EXCLUDED.fails
                       RETURNING ancestor, period, indicator, item, refs, fails)
                SELECT up.ancestor, up.period, up.indicator, up.item, up.refs, up.fails, g.r, g.f
                FROM up JOIN g ON g.a = up.ancestor AND g.p = up.period AND g.i = up.indicator AND g.item = up.item""";
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, Sql.text(c, u));
            ps.setArray(2, Sql.text(c, p));
            ps.setArray(3, Sql.text(c, i));
            ps.setArray(4, Sql.text(c, it));
            ps.setArray(5, Sql.bigint(c, r));
            ps.setArray(6, Sql.bigint(c, f));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ItemCount after = new ItemCount(rs.getLong(5), rs.getLong(6));
                    ItemCount before = new ItemCount(after.refs() - rs.getLong(7), after.fails() - rs.getLong(8));
                    out.add(new Change(new ItemKey(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), before, after));
                }
            }
            out.sort((a, b) -> a.key().compareTo(b.key()));
            return out;
        } catch (SQLException e) {
            throw Sql.fail("cannot update item references", e);
        }
    }

    /** Sum of the item contributions of the given units for one period, by (period, indicator, item): what a move carries. */
    public Map<ItemKey, ItemCount> ownSums(Collection<String> units, String period) {
        Map<ItemKey, ItemCount> out = new TreeMap<>();
        if (units.isEmpty()) return out;
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT indicator, item, sum(refs), sum(fails) FROM item_contribution WHERE unit_code = ANY(?) AND period = ? GROUP BY 1, 2""")) {
            ps.setArray(1, Sql.text(c, units));
            ps.setString(2, period);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ItemCount v = new ItemCount(rs.getLong(3), rs.getLong(4));
                    if (!v.isZero()) out.put(new ItemKey("", period, rs.getString(1), rs.getString(2)), v);
                }
            }
            return out;
        } catch (SQLException e) {
            throw Sql.fail("cannot sum item contributions", e);
        }
    }

    /** Sum of the item contributions of the given units, by (period, indicator, item): what a moving subtree carries. */
    public Map<ItemKey, ItemCount> ownSums(Collection<String> units) {
        Map<ItemKey, ItemCount> out = new TreeMap<>();
        if (units.isEmpty()) return out;
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT period, indicator, item, sum(refs), sum(fails) FROM item_contribution WHERE unit_code = ANY(?) GROUP BY 1, 2, 3""")) {
            ps.setArray(1, Sql.text(c, units));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ItemCount v = new ItemCount(rs.getLong(4), rs.getLong(5));
                    if (!v.isZero()) out.put(new ItemKey("", rs.getString(1), rs.getString(2), rs.getString(3)), v);
                }
            }
            return out;
        } catch (SQLException e) {
            throw Sql.fail("cannot sum item contributions", e);
        }
    }
}
