package dvc766.indicator.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** The {@code next_check_at} column that every time-driven fact table has: set it, take the due rows. */
final class Checks {

    private Checks() {}

    static void set(DataSource ds, String table, String keyColumn, Map<String, Instant> next) {
        if (next.isEmpty()) return;
        List<String> keys = new ArrayList<>(next.keySet());
        keys.sort(null);
        List<String> times = keys.stream().map(k -> Sql.iso(next.get(k))).toList();
        String sql = "UPDATE " + table + " t SET next_check_at = v.t::timestamptz FROM unnest(?::text[], ?::text[]) AS v(k, t) "
                + "WHERE t." + keyColumn + " = v.k AND t.next_check_at IS DISTINCT FROM v.t::timestamptz";
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, Sql.text(c, keys));
            ps.setArray(2, Sql.text(c, times));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw Sql.fail("cannot schedule checks of " + table, e);
        }
    }

    /** The non-null next checks of these rows, by key. */
    static Map<String, Instant> get(DataSource ds, String table, String keyColumn, Collection<String> keys) {
        Map<String, Instant> out = new HashMap<>();
        if (keys.isEmpty()) return out;
        String sql = "SELECT " + keyColumn + ", next_check_at FROM " + table + " WHERE " + keyColumn + " = ANY(?) AND next_check_at IS NOT NULL";
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, Sql.text(c, keys));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), Sql.instant(rs.getTimestamp(2)));
            }
            return out;
        } catch (SQLException e) {
            throw Sql.fail("cannot read checks of " + table, e);
        }
    }

    static List<String> lockDue(DataSource ds, String table, String keyColumn, Instant now, int limit) {
        String sql = "SELECT " + keyColumn + " FROM " + table + " WHERE next_check_at <= ? ORDER BY next_check_at LIMIT ? FOR UPDATE SKIP LOCKED";
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, Sql.ts(now));
            ps.setInt(2, limit);
            List<String> keys = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) keys.add(rs.getString(1));
            }
            keys.sort(null);
            return keys;
        } catch (SQLException e) {
            throw Sql.fail("cannot take due rows of " + table, e);
        }
    }
}
