package dvc766.complaint.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Small JDBC helpers over the data source; inside a JTA transaction the connection is the transaction's. */
final class Jdbc {

    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private Jdbc() {}

    static <T> List<T> query(DataSource ds, String sql, Row<T> row, Object... params) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new ArrayList<>();
                while (rs.next()) out.add(row.map(rs));
                return out;
            }
        } catch (SQLException e) {
            throw new StoreException("query failed (" + e.getMessage() + "): " + firstWords(sql), e);
        }
    }

    static int update(DataSource ds, String sql, Object... params) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            bind(ps, params);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("update failed (" + e.getMessage() + "): " + firstWords(sql), e);
        }
    }

    static void bind(PreparedStatement ps, Object... params) throws SQLException {
        for (int i = 0; i < params.length; i++) {
            Object p = params[i];
            if (p instanceof Instant t) ps.setObject(i + 1, OffsetDateTime.ofInstant(t, ZoneOffset.UTC));
            else if (p instanceof Enum<?> e) ps.setString(i + 1, e.name());
            else if (p instanceof Json j) ps.setObject(i + 1, j.value(), Types.OTHER);
            else if (p instanceof String[] a) ps.setArray(i + 1, ps.getConnection().createArrayOf("text", a));
            else ps.setObject(i + 1, p);
        }
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    /** A parameter to bind as jsonb. */
    record Json(String value) {}

    private static String firstWords(String sql) {
        String s = sql.strip().replaceAll("\\s+", " ");
        return s.length() > 60 ? s.substring(0, 60) : s;
    }
}
