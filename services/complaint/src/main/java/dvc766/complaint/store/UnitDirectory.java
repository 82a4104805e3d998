package dvc766.complaint.store;

import dvc766.contracts.events.UnitData;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The unit tree as ingestion announces it (dvc.units.v1), current parents only: enough to know that a unit exists and
 * whether it lies in a caller's subtree today. A tree has a handful of levels; a walk touches a few rows.
 */
@ApplicationScoped
public class UnitDirectory {

    private static final int MAX_DEPTH = 32;
    private final DataSource ds;

    public UnitDirectory(DataSource ds) {
        this.ds = ds;
    }

    /** Applies a unit's state unless an equal or newer revision is held. */
    public void apply(UnitData u) {
        Jdbc.update(ds, """
                INSERT INTO unit (code, name, level, parent_code, updated_at, revision) VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level,
                    parent_code = EXCLUDED.parent_code, updated_at = EXCLUDED.updated_at, revision = EXCLUDED.revision
                WHERE unit.revision < EXCLUDED.revision""",
                u.code(), u.name(), u.level(), u.parentCode(), u.updatedAt() == null ? null : u.updatedAt().toInstant(),
                u.revision());
    }

    public boolean exists(String code) {
        return !known(List.of(code)).isEmpty();
    }

    public Set<String> known(Collection<String> codes) {
        if (codes.isEmpty()) return Set.of();
        return new HashSet<>(Jdbc.query(ds, "SELECT code FROM unit WHERE code = ANY(?)", rs -> rs.getString(1),
                (Object) codes.toArray(String[]::new)));
    }

    /** Of the codes given, those that are {@code ancestor} itself or below it. */
    public Set<String> within(String ancestor, Collection<String> codes) {
        if (codes.isEmpty()) return Set.of();
        return new HashSet<>(Jdbc.query(ds, """
                WITH RECURSIVE walk(u, at, depth) AS (
                    SELECT c, c, 0 FROM unnest(?::text[]) AS c
                    UNION
                    SELECT w.u, p.parent_code, w.depth + 1 FROM walk w JOIN unit p ON p.code = w.at
                    WHERE w.at <> ? AND p.parent_code IS NOT NULL AND w.depth < %d
                )
                SELECT DISTINCT u FROM walk WHERE at = ?""".formatted(MAX_DEPTH), rs -> rs.getString(1),
                codes.toArray(String[]::new), ancestor, ancestor));
    }

    public boolean isWithin(String ancestor, String code) {
        return within(ancestor, List.of(code)).contains(code);
    }

    /** {@code ancestor} and every unit below it (just {@code ancestor} when the tree does not know it). */
    public List<String> subtree(String ancestor) {
        return Jdbc.query(ds, """
                WITH RECURSIVE down(code, depth) AS (
                    SELECT ?::text, 0
                    UNION
                    SELECT u.code, d.depth + 1 FROM down d JOIN unit u ON u.parent_code = d.code WHERE d.depth < %d
                )
                SELECT DISTINCT code FROM down""".formatted(MAX_DEPTH), rs -> rs.getString(1), ancestor);
    }
}
