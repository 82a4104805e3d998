package dvc766.indicator.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.sql.DataSource;

/** Holiday years replaced by an administrator, and the objects whose deadlines a replaced year can move. */
@ApplicationScoped
public class HolidayStore {

    public record Stored(int year, long revision, String json) {}

    private final DataSource ds;

    public HolidayStore(DataSource ds) {
        this.ds = ds;
    }

    /** Stores an administrator's year with the next revision; returns that revision (1 for the first replacement). */
    public long replace(int year, String json, String by, Instant now) {
        String sql = """
                INSERT INTO holiday_year (year, revision, document, replaced_at, replaced_by) VALUES (?, 1, ?, ?, ?)
                ON CONFLICT (year) DO UPDATE SET revision = holiday_year.revision + 1, document = EXCLUDED.document,
                    replaced_at = EXCLUDED.replaced_at, replaced_by = EXCLUDED.replaced_by
                RETURNING revision""";
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, year);
            ps.setString(2, json);
            ps.setTimestamp(3, Sql.ts(now));
            ps.setString(4, by);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw Sql.fail("cannot store holiday year " + year, e);
        }
    }

    /** Applies a year received from another instance if its revision is newer; returns whether it was stored. */
    public boolean applyIfNewer(int year, long revision, String json, Instant now) {
        String sql = """
                INSERT INTO holiday_year (year, revision, document, replaced_at, replaced_by) VALUES (?, ?, ?, ?, 'event')
                ON CONFLICT (year) DO UPDATE SET revision = EXCLUDED.revision, document = EXCLUDED.document,
                    replaced_at = EXCLUDED.replaced_at, replaced_by = EXCLUDED.replaced_by
                WHERE holiday_year.revision < EXCLUDED.revision
                RETURNING year""";
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, year);
            ps.setLong(2, revision);
            ps.setString(3, json);
            ps.setTimestamp(4, Sql.ts(now));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw Sql.fail("cannot apply holiday year " + year, e);
        }
    }

    /** The revision of every replaced year. */
    public Map<Integer, Long> revisions() {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT year, revision FROM holiday_year");
                ResultSet rs = ps.executeQuery()) {
            Map<Integer, Long> out = new TreeMap<>();
            while (rs.next()) out.put(rs.getInt(1), rs.getLong(2));
            return out;
        } catch (SQLException e) {
            throw Sql.fail("cannot read holiday revisions", e);
        }
    }

    public Optional<Stored> find(int year) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT year, revision, document FROM holiday_year WHERE year = ?")) {
            ps.setInt(1, year);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Stored(rs.getInt(1), rs.getLong(2), rs.getString(3))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Sql.fail("cannot read holiday year " + year, e);
        }
    }

    /**
     * Makes due now every object whose deadline arithmetic can touch a day of [from, to): dossiers received before
     * {@code to} and not finished before {@code from} (a dossier finished earlier was judged on days before the
     * year), PAKN received before {@code to} that are open or were received since {@code from} minus six months (their
     * deadlines are weeks long), and every publishing decision (few). Tables another part of the engine has not
     * created yet are skipped. Returns how many objects were made due.
     */
    public int markDue(Instant from, Instant to, Instant now) {
        String[] statements = {
            """
            UPDATE dossier SET next_check_at = ?
            WHERE code IN (SELECT code FROM dossier WHERE received_at < ? AND (finished_at IS NULL OR finished_at >= ?)
                           ORDER BY code FOR UPDATE)""",
            """
            UPDATE petition SET next_check_at = ?
            WHERE id IN (SELECT id FROM petition WHERE received_at < ? AND (next_check_at IS NOT NULL OR received_at >= ?::timestamptz - interval '6 months')
                         ORDER BY id FOR UPDATE)""",
            "UPDATE publishing_decision SET next_check_at = ? WHERE key IN (SELECT key FROM publishing_decision WHERE ?::timestamptz IS NOT NULL AND ?::timestamptz IS NOT NULL ORDER BY key FOR UPDATE)"
        };
        String[] tables = {"dossier", "petition", "publishing_decision"};
        int total = 0;
        try (Connection c = ds.getConnection()) {
            for (int i = 0; i < tables.length; i++) {
                if (!exists(c, tables[i])) continue;
                try (PreparedStatement ps = c.prepareStatement(statements[i])) {
                    ps.setTimestamp(1, Sql.ts(now));
                    ps.setTimestamp(2, Sql.ts(to));
                    ps.setTimestamp(3, Sql.ts(from));
                    total += ps.executeUpdate();
                }
            }
            return total;
        } catch (SQLException e) {
            throw Sql.fail("cannot make deadlines due", e);
        }
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(current_schema() || '.' || ?) IS NOT NULL")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
