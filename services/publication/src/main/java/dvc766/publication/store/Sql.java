package dvc766.publication.store;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import javax.sql.DataSource;

/** Small JDBC helpers: the read and write paths are a handful of hand-written statements. */
final class Sql {

    private Sql() {}

    interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    static int update(DataSource ds, String sql, Binder binder) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    static <T> List<T> query(DataSource ds, String sql, Binder binder, RowMapper<T> mapper) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                List<T> out = new java.util.ArrayList<>();
                while (rs.next()) out.add(mapper.map(rs));
                return out;
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    static void setText(PreparedStatement ps, int i, String v) throws SQLException {
        if (v == null) ps.setNull(i, Types.VARCHAR);
        else ps.setString(i, v);
    }

    static void setDate(PreparedStatement ps, int i, LocalDate v) throws SQLException {
        ps.setObject(i, v, Types.DATE);
    }

    static void setTime(PreparedStatement ps, int i, OffsetDateTime v) throws SQLException {
        if (v == null) ps.setNull(i, Types.TIMESTAMP_WITH_TIMEZONE);
        else ps.setObject(i, v.withOffsetSameInstant(ZoneOffset.UTC), Types.TIMESTAMP_WITH_TIMEZONE);
    }

    static void setNumber(PreparedStatement ps, int i, BigDecimal v) throws SQLException {
        if (v == null) ps.setNull(i, Types.NUMERIC);
        else ps.setBigDecimal(i, v);
    }

}
