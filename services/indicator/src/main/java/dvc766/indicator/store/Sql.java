package dvc766.indicator.store;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;

/** Small JDBC helpers: PostgreSQL arrays for set-based statements (unnest), instants as timestamptz. */
final class Sql {

    private Sql() {}

    static Array text(Connection c, Collection<String> values) throws SQLException {
        return c.createArrayOf("text", values.toArray());
    }

    static Array bigint(Connection c, Collection<Long> values) throws SQLException {
        return c.createArrayOf("bigint", values.toArray());
    }

    /** Instants travel as ISO-8601 text and are cast to timestamptz in SQL; null stays null. */
    static String iso(Instant t) {
        return t == null ? null : t.toString();
    }

    static Timestamp ts(Instant t) {
        return t == null ? null : Timestamp.from(t);
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    static RuntimeException fail(String what, SQLException e) {
        return new IllegalStateException(what + ": " + e.getMessage(), e);
    }
}
