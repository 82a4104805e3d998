package dvc766.indicator.store;

import dvc766.contracts.events.UnitData;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * The unit tree: unit rows (real or placeholder) and the closure table of (ancestor, descendant) pairs, kept in step
 * with each unit's parent.
 */
@ApplicationScoped
public class UnitStore {

    /** A unit as held; {@code known} is false for a placeholder. */
    public record UnitRow(String code, boolean known, String level, String parentCode, long revision, Timestamp updatedAt,
            java.time.LocalDate eCertifiedCopySince) {}

    private final DataSource ds;

    public UnitStore(DataSource ds) {
        this.ds = ds;
    }

    /**
     * Makes sure each code has a unit row and its own closure row, adding placeholders for unknown ones; rows are
     * created in code order. Safe under the shared tree lock: a new, parentless, childless node changes no one's
     * ancestors.
     */
    public void ensure(Collection<String> codes) {
        if (codes.isEmpty()) return;
        List<String> sorted = new ArrayList<>(new TreeSet<>(codes));
        try (Connection c = ds.getConnection()) {
            List<String> created = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO unit (code, known) SELECT v, false FROM unnest(?::text[]) AS v ORDER BY v
                    ON CONFLICT (code) DO NOTHING RETURNING code""")) {
                ps.setArray(1, Sql.text(c, sorted));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) created.add(rs.getString(1));
                }
            }
            if (!created.isEmpty()) {
                created.sort(null);
                try (PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO unit_closure (ancestor, descendant, depth) SELECT v, v, 0 FROM unnest(?::text[]) AS v ORDER BY v
                        ON CONFLICT DO NOTHING""")) {
                    ps.setArray(1, Sql.text(c, created));
                    ps.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw Sql.fail("cannot create units", e);
        }
    }

    public UnitRow lock(String code) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT code, known, level, parent_code, revision, updated_at, e_certified_copy_since FROM unit WHERE code = ? FOR UPDATE")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return null;
                Date since = rs.getDate(7);
                return new UnitRow(rs.getString(1), rs.getBoolean(2), rs.getString(3), rs.getString(4), rs.getLong(5), rs.getTimestamp(6),
                        since == null ? null : since.toLocalDate());
            }
        } catch (SQLException e) {
            throw Sql.fail("cannot read unit " + code, e);
        }
    }

    /** Sets each unit's next time-driven check (null: none). */
    public void setNextChecks(Map<String, Instant> next) {
        Checks.set(ds, "unit", "code", next);
    }

    /** Locks up to {@code limit} units whose check is due, skipping those another transaction holds. */
    public List<String> lockDue(Instant now, int limit) {
        return Checks.lockDue(ds, "unit", "code", now, limit);
    }

    /** The unit's pending next check (read after {@link #lock}); null when none. */
    public Instant nextCheck(String code) {
        return Checks.get(ds, "unit", "code", List.of(code)).get(code);
    }

    /** Writes the unit's state (the parent link is changed separately with {@link #reparent}). */
    public void write(UnitData u) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                UPDATE unit SET known = true, name = ?, level = ?, valid_from = ?, valid_to = ?, e_certified_copy_since = ?,
                    revision = ?, updated_at = ?::timestamptz WHERE code = ?""")) {
            ps.setString(1, u.name());
            ps.setString(2, u.level());
            ps.setDate(3, u.validFrom() == null ? null : Date.valueOf(u.validFrom()));
            ps.setDate(4, u.validTo() == null ? null : Date.valueOf(u.validTo()));
            ps.setDate(5, u.eCertifiedCopySince() == null ? null : Date.valueOf(u.eCertifiedCopySince()));
            ps.setLong(6, u.revision());
            ps.setString(7, u.updatedAt() == null ? null : Sql.iso(u.updatedAt().toInstant()));
            ps.setString(8, u.code());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw Sql.fail("cannot store unit " + u.code(), e);
        }
    }

    /** The unit and every unit below it. */
    public List<String> subtree(String code) {
        return strings("SELECT descendant FROM unit_closure WHERE ancestor = ? ORDER BY descendant", code);
    }

    /** The unit's ancestors, itself excluded, nearest first. */
    public List<String> ancestors(String code) {
        return strings("SELECT ancestor FROM unit_closure WHERE descendant = ? AND ancestor <> descendant ORDER BY depth", code);
    }

    /**
     * Moves the subtree of {@code code} under {@code newParent} (null: a root): rewrites the closure pairs between the
     * old ancestors and the subtree, then links the new ancestors. Call under the exclusive tree lock.
     */
    public void reparent(String code, String newParent) {
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    DELETE FROM unit_closure
                    WHERE descendant IN (SELECT descendant FROM unit_closure WHERE ancestor = ?)
                      AND ancestor IN (SELECT ancestor FROM unit_closure WHERE descendant = ? AND ancestor <> descendant)""")) {
                ps.setString(1, code);
                ps.setString(2, code);
                ps.executeUpdate();
            }
            if (newParent != null) {
                try (PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO unit_closure (ancestor, descendant, depth)
                        SELECT a.ancestor, d.descendant, a.depth + d.depth + 1
                        FROM unit_closure a CROSS JOIN unit_closure d
                        WHERE a.descendant = ? AND d.ancestor = ?
                        ORDER BY 1, 2""")) {
                    ps.setString(1, newParent);
                    ps.setString(2, code);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE unit SET parent_code = ? WHERE code = ?")) {
                ps.setString(1, newParent);
                ps.setString(2, code);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw Sql.fail("cannot move unit " + code, e);
        }
    }

    /** Levels of the known units among {@code codes} (placeholders have none). */
    public Map<String, String> levels(Collection<String> codes) {
        Map<String, String> out = new HashMap<>();
        if (codes.isEmpty()) return out;
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT code, level FROM unit WHERE code = ANY(?) AND known AND level IS NOT NULL")) {
            ps.setArray(1, Sql.text(c, codes));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), rs.getString(2));
            }
            return out;
        } catch (SQLException e) {
            throw Sql.fail("cannot read unit levels", e);
        }
    }

    /** Every (ancestor → its subtree) of the current tree, for recomputation from scratch. */
    public Map<String, List<String>> closure() {
        Map<String, List<String>> out = new LinkedHashMap<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT ancestor, descendant FROM unit_closure ORDER BY ancestor, descendant")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
            return out;
        } catch (SQLException e) {
            throw Sql.fail("cannot read the unit tree", e);
        }
    }

    private List<String> strings(String sql, String arg) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw Sql.fail("cannot read the unit tree", e);
        }
    }
}
