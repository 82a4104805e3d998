package dvc766.indicator.store;

import dvc766.contracts.events.UnitData;
import dvc766.indicator.domain.UnitTree;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * The dated parent edges of the units ({@code unit_edge}) and walks over them on given days. A tree has a handful of
 * levels, so a walk up costs the depth; a walk down costs the subtree; one statement answers a whole batch.
 */
@ApplicationScoped
public class UnitEdges {

    /** A unit on a day. */
    public record UnitDay(String unit, LocalDate day) {}

    /**
     * The walk up from each (u, p, day) row of a CTE {@code k}: CTE {@code walk}, rows (u, p, day, a, depth), the unit itself at depth 0,
     * then its parent on that day, and so on. Appended to a {@code WITH RECURSIVE} that defines {@code k}.
     */
    static final String WALK_UP = """
            walk(u, p, day, a, depth) AS (
                SELECT u, p, day, u, 0 FROM k
                UNION ALL
                SELECT w.u, w.p, w.day, e.parent_code, w.depth + 1
                FROM walk w JOIN unit_edge e ON e.child_code = w.a AND e.valid_from <= w.day AND w.day < e.valid_to
                WHERE w.depth < %d)""".formatted(UnitTree.MAX_DEPTH);

    private final DataSource ds;

    public UnitEdges(DataSource ds) {
        this.ds = ds;
    }

    /** Replaces the unit's edges with these (from its newest state). */
    public void replace(String code, List<UnitData.ParentEdge> edges) {
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM unit_edge WHERE child_code = ?")) {
                ps.setString(1, code);
                ps.executeUpdate();
            }
            if (edges.isEmpty()) return;
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO unit_edge (child_code, parent_code, valid_from, valid_to)
                    VALUES (?, ?, COALESCE(?::date, '-infinity'), COALESCE(?::date, 'infinity'))""")) {
                for (UnitData.ParentEdge e : edges) {
                    ps.setString(1, code);
                    ps.setString(2, e.parentCode());
                    ps.setObject(3, e.validFrom());
                    ps.setObject(4, e.validTo());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        } catch (SQLException e) {
            throw Sql.fail("cannot store the edges of unit " + code, e);
        }
    }

    /** Each unit's ancestors on its day, itself excluded, nearest first (an empty list for a root). */
    public Map<UnitDay, List<String>> ancestors(Collection<UnitDay> pairs) {
        Map<UnitDay, List<String>> out = new HashMap<>();
        if (pairs.isEmpty()) return out;
        List<String> u = new ArrayList<>(), d = new ArrayList<>();
        for (UnitDay p : new LinkedHashSet<>(pairs)) {
            u.add(p.unit());
            d.add(p.day().toString());
            out.put(p, new ArrayList<>());
        }
        String sql = "WITH RECURSIVE k(u, p, day) AS (SELECT DISTINCT u, '', d::date FROM unnest(?::text[], ?::text[]) AS v(u, d)), "
                + WALK_UP + " SELECT u, day, a FROM walk WHERE depth > 0 ORDER BY u, day, depth";
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, Sql.text(c, u));
            ps.setArray(2, Sql.text(c, d));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.get(new UnitDay(rs.getString(1), rs.getObject(2, LocalDate.class))).add(rs.getString(3));
            }
            return out;
        } catch (SQLException e) {
            throw Sql.fail("cannot walk the unit tree", e);
        }
    }

    /** The units and every unit below them on each day, the units themselves included. */
    public Map<LocalDate, Set<String>> subtrees(Collection<String> units, Collection<LocalDate> days) {
        Map<LocalDate, Set<String>> out = new TreeMap<>();
        if (units.isEmpty() || days.isEmpty()) return out;
        List<String> u = new ArrayList<>(), d = new ArrayList<>();
        for (LocalDate day : new TreeSet<>(days)) {
            out.put(day, new TreeSet<>());
            for (String unit : new TreeSet<>(units)) {
                u.add(unit);
                d.add(day.toString());
            }
        }
        String sql = """
                WITH RECURSIVE down(at, day, depth) AS (
                    SELECT u, d::date, 0 FROM unnest(?::text[], ?::text[]) AS v(u, d)
                    UNION
                    SELECT e.child_code, down.day, down.depth + 1
                    FROM down JOIN unit_edge e ON e.parent_code = down.at AND e.valid_from <= down.day AND down.day < e.valid_to
                    WHERE down.depth < %d)
                SELECT DISTINCT day, at FROM down""".formatted(UnitTree.MAX_DEPTH);
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, Sql.text(c, u));
            ps.setArray(2, Sql.text(c, d));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.get(rs.getObject(1, LocalDate.class)).add(rs.getString(2));
            }
            return out;
        } catch (SQLException e) {
            throw Sql.fail("cannot walk the unit tree", e);
        }
    }

    /** The unit and every unit below it on that day. */
    public Set<String> subtree(String unit, LocalDate day) {
        return subtrees(List.of(unit), List.of(day)).get(day);
    }

    /** Units with an edge that begins or ends in (after, upTo]: the places that differ between those two days' trees. */
    public Set<String> changedBetween(LocalDate after, LocalDate upTo) {
        Set<String> out = new TreeSet<>();
        if (!after.isBefore(upTo)) return out;
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT child_code FROM unit_edge WHERE valid_from > ? AND valid_from <= ?
                UNION SELECT child_code FROM unit_edge WHERE valid_to > ? AND valid_to <= ?""")) {
            ps.setObject(1, after);
            ps.setObject(2, upTo);
            ps.setObject(3, after);
            ps.setObject(4, upTo);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw Sql.fail("cannot read the tree's changes", e);
        }
    }

    /**
     * Whether placing {@code code} under {@code parent} over [from, to) would make it its own ancestor: some chain of
     * edges overlapping that interval leads from the parent up to the unit.
     */
    public boolean wouldCycle(String code, String parent, LocalDate from, LocalDate to) {
        if (code.equals(parent)) return true;
        String sql = """
                WITH RECURSIVE up(at, depth) AS (
                    SELECT ?::text, 0
                    UNION
                    SELECT e.parent_code, up.depth + 1
                    FROM up JOIN unit_edge e ON e.child_code = up.at
                     AND e.valid_from < COALESCE(?::date, 'infinity') AND e.valid_to > COALESCE(?::date, '-infinity')
                    WHERE up.at <> ? AND up.depth < %d)
                SELECT EXISTS (SELECT 1 FROM up WHERE at = ?)""".formatted(UnitTree.MAX_DEPTH);
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parent);
            ps.setObject(2, to);
            ps.setObject(3, from);
            ps.setString(4, code);
            ps.setString(5, code);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw Sql.fail("cannot walk the unit tree", e);
        }
    }

    /** The unit's edges as held, oldest first. */
    public List<UnitData.ParentEdge> edgesOf(String code) {
        List<UnitData.ParentEdge> out = new ArrayList<>();
        read(code).edges(code).forEach(e -> out.add(new UnitData.ParentEdge(e.parent(), e.from(), e.to())));
        return out;
    }

    /** The whole dated tree, for recomputation from scratch. */
    public UnitTree tree() {
        return read(null);
    }

    private UnitTree read(String code) {
        Map<String, List<UnitTree.Edge>> out = new TreeMap<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT child_code, parent_code, CASE WHEN valid_from = '-infinity' THEN NULL ELSE valid_from END,
                       CASE WHEN valid_to = 'infinity' THEN NULL ELSE valid_to END
                FROM unit_edge e WHERE ?::text IS NULL OR child_code = ? ORDER BY e.child_code, e.valid_from""")) {
            ps.setString(1, code);
            ps.setString(2, code);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new UnitTree.Edge(rs.getString(2),
                            rs.getObject(3, LocalDate.class), rs.getObject(4, LocalDate.class)));
                }
            }
            return new UnitTree(out);
        } catch (SQLException e) {
            throw Sql.fail("cannot read the unit tree", e);
        }
    }
}
