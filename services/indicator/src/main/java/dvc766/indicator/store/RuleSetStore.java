package dvc766.indicator.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Rule set documents in force per id, with every stored version kept apart (never updated). */
@ApplicationScoped
public class RuleSetStore {

    /** A stored document: its id, version, whether it is the bundled one, and its JSON. */
    public record Stored(String id, int version, boolean bundled, String json) {}

    private final DataSource ds;

    public RuleSetStore(DataSource ds) {
        this.ds = ds;
    }

    /**
     * Seeds a bundled rule set: inserted when the id is new, or replacing an older bundled version; an
     * administrator's version is never overwritten. Returns whether the stored document changed.
     */
    public boolean seed(String id, int version, String json, Instant now) {
        String sql = """
                INSERT INTO rule_set (id, version, bundled, document, stored_at, stored_by) VALUES (?, ?, true, ?::jsonb, ?, 'bundled')
                ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, document = EXCLUDED.document,
                    revision = nextval('rule_set_revision'), stored_at = EXCLUDED.stored_at, stored_by = EXCLUDED.stored_by
                WHERE rule_set.bundled AND rule_set.version < EXCLUDED.version
                RETURNING id""";
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            ps.setInt(2, version);
            ps.setString(3, json);
            ps.setTimestamp(4, Sql.ts(now));
            boolean changed;
            try (ResultSet rs = ps.executeQuery()) {
                changed = rs.next();
            }
            if (changed) history(c, id, version, json, now, "bundled");
            return changed;
        } catch (SQLException e) {
            throw Sql.fail("cannot seed rule set " + id, e);
        }
    }

    /** Stores an administrator's rule set; returns true when the id was new. */
    public boolean put(String id, int version, String json, String by, Instant now) {
        String sql = """
                INSERT INTO rule_set (id, version, bundled, document, stored_at, stored_by) VALUES (?, ?, false, ?::jsonb, ?, ?)
                ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, bundled = false, document = EXCLUDED.document,
                    revision = nextval('rule_set_revision'), stored_at = EXCLUDED.stored_at, stored_by = EXCLUDED.stored_by
                RETURNING (xmax = 0)""";
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, id);
            ps.setInt(2, version);
            ps.setString(3, json);
            ps.setTimestamp(4, Sql.ts(now));
            ps.setString(5, by);
            boolean created;
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                created = rs.getBoolean(1);
            }
            history(c, id, version, json, now, by);
            return created;
        } catch (SQLException e) {
            throw Sql.fail("cannot store rule set " + id, e);
        }
    }

    private static void history(Connection c, String id, int version, String json, Instant now, String by) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO rule_set_version (rule_set, version, document, stored_at, stored_by) VALUES (?, ?, ?::jsonb, ?, ?)")) {
            ps.setString(1, id);
            ps.setInt(2, version);
            ps.setString(3, json);
            ps.setTimestamp(4, Sql.ts(now));
            ps.setString(5, by);
            ps.executeUpdate();
        }
    }

    /** Every rule set in force, by id. */
    public List<Stored> all() {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT id, version, bundled, document::text FROM rule_set ORDER BY id")) {
            List<Stored> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new Stored(rs.getString(1), rs.getInt(2), rs.getBoolean(3), rs.getString(4)));
            }
            return out;
        } catch (SQLException e) {
            throw Sql.fail("cannot read rule sets", e);
        }
    }

    /** A number that changes whenever any rule set is stored (0: none stored). */
    public long revision() {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT coalesce(max(revision), 0) + count(*) FROM rule_set")) {
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw Sql.fail("cannot read the rule sets' revision", e);
        }
    }
}
