package dvc766.ingestion.store;

import dvc766.contracts.events.UnitData;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The unit tree as ingestion knows it: dated parent edges in {@code unit_edge}, walked upwards with a recursive CTE.
 * A tree has a handful of levels, so a walk touches a few rows per unit; one query answers a whole batch.
 */
@ApplicationScoped
public class UnitTree {

    /** No real tree is this deep; the bound also stops a walk should a cycle ever exist. */
    static final int MAX_DEPTH = 32;

    /** Walks each (unit, day) pair up the tree of its day until the ancestor (parameters: units, days, ancestor). */
    private static final String WALK = """
            WITH RECURSIVE q(u, d) AS (
                SELECT DISTINCT u, d FROM unnest(?::text[], (?::text[])::date[]) AS t(u, d)
            ), walk(u, d, at, depth) AS (
                SELECT u, d, u, 0 FROM q
                UNION
                SELECT w.u, w.d, e.parent_code, w.depth + 1
                FROM walk w
                JOIN unit_edge e ON e.child_code = w.at AND e.valid_from <= w.d AND w.d < e.valid_to
                WHERE w.at <> ? AND w.depth < %d
            )
            """.formatted(MAX_DEPTH);
    private static final String WITHIN = WALK + "SELECT DISTINCT u, d FROM walk WHERE at = ?";
    /** The pairs in scope, the known units and the known procedures, told apart by the first column. */
    private static final String REFERENCES = WALK + """
            SELECT DISTINCT 'S', u, d FROM walk WHERE at = ?
            UNION ALL SELECT 'U', code, NULL::date FROM unit WHERE code = ANY(?)
            UNION ALL SELECT 'P', code, NULL::date FROM procedure WHERE code = ANY(?)""";

    /** What a write's items refer to: which units and procedures exist, which (unit, day) pairs are in scope. */
    public record References(Set<String> units, Set<String> procedures, Set<UnitAt> inScope) {}

    /**
     * The unit's dated parent edges, oldest first, open bounds as null: what its event carries so that a consumer
     * holding only the newest state knows the whole history.
     */
    public List<UnitData.ParentEdge> edges(Connection c, String code) {
        List<UnitData.ParentEdge> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT parent_code, CASE WHEN valid_from = '-infinity' THEN NULL ELSE valid_from END,
                       CASE WHEN valid_to = 'infinity' THEN NULL ELSE valid_to END
                FROM unit_edge e WHERE child_code = ? ORDER BY e.valid_from""")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new UnitData.ParentEdge(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getObject(3, LocalDate.class)));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read the edges of unit " + code, e);
        }
        return out;
    }

    /** Of the codes given, those of known units. */
    public Set<String> known(Connection c, Collection<String> codes) {
        Set<String> found = new HashSet<>();
        if (codes.isEmpty()) return found;
        try (PreparedStatement ps = c.prepareStatement("SELECT code FROM unit WHERE code = ANY(?)")) {
            ps.setArray(1, Sql.texts(c, new HashSet<>(codes)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) found.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot look units up", e);
        }
        return found;
    }

    /**
     * {@link #known}, the procedures' equivalent and {@link #within} in one statement: a write looks all three up
     * for its items, and one round trip instead of three is most of a single write's lookups.
     */
    public References references(Connection c, String ancestor, Collection<UnitAt> pairs, Collection<String> unitCodes,
            Collection<String> procedureCodes) {
        Set<String> units = new HashSet<>();
        Set<String> procedures = new HashSet<>();
        Set<UnitAt> inScope = new HashSet<>();
        try (PreparedStatement ps = c.prepareStatement(REFERENCES)) {
            setPairs(c, ps, pairs);
            ps.setString(3, ancestor);
            ps.setString(4, ancestor);
            ps.setArray(5, Sql.texts(c, new HashSet<>(unitCodes)));
            ps.setArray(6, Sql.texts(c, new HashSet<>(procedureCodes)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    switch (rs.getString(1)) {
                        case "S" -> inScope.add(new UnitAt(rs.getString(2), rs.getObject(3, LocalDate.class)));
                        case "U" -> units.add(rs.getString(2));
                        default -> procedures.add(rs.getString(2));
                    }
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot look units, procedures and scope up", e);
        }
        return new References(units, procedures, inScope);
    }

    private static void setPairs(Connection c, PreparedStatement ps, Collection<UnitAt> pairs) throws SQLException {
        List<String> units = new ArrayList<>(pairs.size());
        List<String> days = new ArrayList<>(pairs.size());
        for (UnitAt p : new HashSet<>(pairs)) {
            units.add(p.unitCode());
            days.add(p.on().toString());
        }
        ps.setArray(1, Sql.texts(c, units));
        ps.setArray(2, Sql.texts(c, days));
    }

    /** Of the (unit, day) pairs given, those where the unit is {@code ancestor} itself or below it on that day. */
    public Set<UnitAt> within(Connection c, String ancestor, Collection<UnitAt> pairs) {
        Set<UnitAt> found = new HashSet<>();
        if (pairs.isEmpty()) return found;
        try (PreparedStatement ps = c.prepareStatement(WITHIN)) {
            setPairs(c, ps, pairs);
            ps.setString(3, ancestor);
            ps.setString(4, ancestor);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) found.add(new UnitAt(rs.getString(1), rs.getObject(2, LocalDate.class)));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot walk the unit tree", e);
        }
        return found;
    }

    /**
     * Whether placing {@code code} under {@code parent} over [from, to) would make it its own ancestor: some
     * chain of edges overlapping that interval leads from the parent up to the unit.
     */
    public boolean wouldCycle(Connection c, String code, String parent, LocalDate from, LocalDate to) {
        String sql = """
                WITH RECURSIVE up(at, depth) AS (
                    SELECT ?::text, 0
                    UNION
                    SELECT e.parent_code, up.depth + 1
                    FROM up JOIN unit_edge e ON e.child_code = up.at
                     AND e.valid_from < COALESCE(?::date, 'infinity') AND e.valid_to > COALESCE(?::date, '-infinity')
                    WHERE up.at <> ? AND up.depth < %d
                )
                SELECT EXISTS (SELECT 1 FROM up WHERE at = ?)""".formatted(MAX_DEPTH);
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, parent);
            Sql.setDate(ps, 2, to);
            Sql.setDate(ps, 3, from);
            ps.setString(4, code);
            ps.setString(5, code);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new StoreException("cannot walk the unit tree", e);
        }
    }

    /**
     * Records that from {@code from} on (from the beginning when absent) the unit sits under {@code parent} (a root
     * when null) until {@code to}: what the tree said for the unit from that day on is superseded, earlier edges
     * end that day. So re-parenting a commune on 2025-07-01 keeps its district for the days before.
     */
    public void placeEdge(Connection c, String code, String parent, LocalDate from, LocalDate to) {
        try {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM unit_edge WHERE child_code = ? AND valid_from >= COALESCE(?::date, '-infinity')")) {
                ps.setString(1, code);
                Sql.setDate(ps, 2, from);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE unit_edge SET valid_to = ?::date
                    WHERE child_code = ? AND valid_to > ?::date""")) {
                Sql.setDate(ps, 1, from);
                ps.setString(2, code);
                Sql.setDate(ps, 3, from);
                if (from != null) ps.executeUpdate();
            }
            if (parent != null) {
                try (PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO unit_edge (child_code, parent_code, valid_from, valid_to)
                        VALUES (?, ?, COALESCE(?::date, '-infinity'), COALESCE(?::date, 'infinity'))""")) {
                    ps.setString(1, code);
                    ps.setString(2, parent);
                    Sql.setDate(ps, 3, from);
                    Sql.setDate(ps, 4, to);
                    ps.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot place unit " + code + " in the tree", e);
        }
    }
}
