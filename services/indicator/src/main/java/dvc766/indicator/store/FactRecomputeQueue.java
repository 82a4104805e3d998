package dvc766.indicator.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The stored objects (dossiers, PAKN, publishing decisions) still to re-evaluate from their facts after an
 * administrator's recompute order. Rows are durable, so an order survives a restart; instances take them in batches
 * with {@code FOR UPDATE SKIP LOCKED}, in key order, and lock the objects' own rows as a due check does.
 */
@ApplicationScoped
public class FactRecomputeQueue {

    /** Kind → (table, key column) of the object's facts. */
    private static final Map<String, String[]> TABLES = Map.of(
            "DOSSIER", new String[] {"dossier", "code"},
            "PETITION", new String[] {"petition", "id"},
            "DECISION", new String[] {"publishing_decision", "key"});

    private final DataSource ds;

    public FactRecomputeQueue(DataSource ds) {
        this.ds = ds;
    }

    /**
     * Queues every object of the kind in scope: units (empty: all) with their subtrees; {@code receivedBefore} (null: no
     * limit) keeps the dossiers and PAKN received before the end of the last period ordered (a superset of those counting
     * in the periods: re-evaluating an object recomputes all its periods). Returns how many were queued.
     */
    public long enqueue(String kind, Collection<String> units, Instant receivedBefore) {
        String[] t = table(kind);
        String received = "DECISION".equals(kind) ? "" : " AND (?::timestamptz IS NULL OR o.received_at < ?::timestamptz)";
        String sql = "INSERT INTO fact_recompute (kind, object_key) SELECT ?, o." + t[1] + " FROM " + t[0] + " o"
                + " WHERE (cardinality(?::text[]) = 0 OR o.unit_code IN (SELECT descendant FROM unit_closure WHERE ancestor = ANY(?::text[])))"
                + received + " ORDER BY 2 ON CONFLICT DO NOTHING";
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, kind);
            ps.setArray(2, Sql.text(c, units));
            ps.setArray(3, Sql.text(c, units));
            if (!received.isEmpty()) {
                ps.setString(4, Sql.iso(receivedBefore));
                ps.setString(5, Sql.iso(receivedBefore));
            }
            return ps.executeLargeUpdate();
        } catch (SQLException e) {
            throw Sql.fail("cannot queue the " + kind + " objects to recompute", e);
        }
    }

    /** Takes (removes, in the caller's transaction) up to {@code limit} queued objects of a kind, in key order. */
    public List<String> take(String kind, int limit) {
        String sql = """
                DELETE FROM fact_recompute WHERE kind = ? AND object_key IN (
                    SELECT object_key FROM fact_recompute WHERE kind = ? ORDER BY object_key LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING object_key""";
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, kind);
            ps.setString(2, kind);
            ps.setInt(3, limit);
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
            out.sort(null);
            return out;
        } catch (SQLException e) {
            throw Sql.fail("cannot take objects to recompute", e);
        }
    }

    /**
     * Locks those of the objects that still exist, in key order, waiting for a live event holding one (as long as that
     * event's transaction); returns their keys.
     */
    public List<String> lockExisting(String kind, Collection<String> keys) {
        if (keys.isEmpty()) return List.of();
        String[] t = table(kind);
        String sql = "SELECT " + t[1] + " FROM " + t[0] + " WHERE " + t[1] + " = ANY(?) ORDER BY " + t[1] + " FOR UPDATE";
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, Sql.text(c, keys));
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw Sql.fail("cannot lock the " + kind + " objects to recompute", e);
        }
    }

    /** How many objects of each kind are still queued (kinds with none are absent). */
    public Map<String, Long> pending() {
        Map<String, Long> out = new TreeMap<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT kind, count(*) FROM fact_recompute GROUP BY kind"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.put(rs.getString(1), rs.getLong(2));
            return out;
        } catch (SQLException e) {
            throw Sql.fail("cannot count the objects to recompute", e);
        }
    }

    private static String[] table(String kind) {
        String[] t = TABLES.get(kind);
        if (t == null) throw new IllegalArgumentException("unknown object kind " + kind);
        return t;
    }
}
