package dvc766.publication.watch.store;

import dvc766.publication.store.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;

/**
 * The unit tree as the publication service holds it (table {@code unit}, built from dvc.units.v1), read for scopes:
 * a unit and everything below it. A code the tree does not know is a subtree of itself alone.
 */
@ApplicationScoped
public class UnitTree {

    /** Deeper than any real tree; stops a cycle in bad data from looping. */
    private static final int MAX_DEPTH = 32;

    private final DataSource ds;

    public UnitTree(DataSource ds) {
        this.ds = ds;
    }

    /** The unit and every unit below it. */
    public List<String> subtree(String code) {
        return Sql.query(ds, """
                WITH RECURSIVE s (code, depth) AS (
                    SELECT ?::text, 0
                    UNION
                    SELECT u.code, s.depth + 1 FROM unit u JOIN s ON u.parent_code = s.code WHERE s.depth < ?
                )
                SELECT DISTINCT code FROM s
                """, ps -> {
                    ps.setString(1, code);
                    ps.setInt(2, MAX_DEPTH);
                }, rs -> rs.getString(1));
    }

    /** The unit and every unit above it. */
    public Set<String> ancestorsOrSelf(String code) {
        return Set.copyOf(Sql.query(ds, """
                WITH RECURSIVE a (code, depth) AS (
                    SELECT ?::text, 0
                    UNION
                    SELECT u.parent_code, a.depth + 1 FROM unit u JOIN a ON u.code = a.code
                    WHERE u.parent_code IS NOT NULL AND a.depth < ?
                )
                SELECT DISTINCT code FROM a
                """, ps -> {
                    ps.setString(1, code);
                    ps.setInt(2, MAX_DEPTH);
                }, rs -> rs.getString(1)));
    }

    /** Whether {@code code} is {@code ancestor} or below it. */
    public boolean within(String code, String ancestor) {
        return ancestorsOrSelf(code).contains(ancestor);
    }

    /** Names of the known units among these codes. */
    public Map<String, String> names(java.util.Collection<String> codes) {
        Map<String, String> out = new HashMap<>();
        if (codes.isEmpty()) return out;
        Sql.query(ds, "SELECT code, name FROM unit WHERE code = ANY(?)", ps -> Sql.setTexts(ps, 1, codes),
                rs -> out.put(rs.getString(1), rs.getString(2)));
        return out;
    }
}
