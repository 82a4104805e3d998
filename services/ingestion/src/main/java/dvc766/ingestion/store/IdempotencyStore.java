package dvc766.ingestion.store;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The table {@code idempotency_key}. A claim runs in a short transaction of its own, so that a concurrent retry sees it
 * at once; the answer is stored in the write's own transaction ({@link KeyClaim}), or in one of its own when no write
 * ran, and in both cases before the request is answered.
 */
@ApplicationScoped
public class IdempotencyStore {

    /** Whose key on which route: keys of different clients or routes never meet. */
    public record Scope(String clientId, String method, String path, String key) {}

    /** What {@link #claim} found. */
    public sealed interface Claim {}

    /** The key is now held by this attempt: process the request, then {@link #complete} or {@link #release}. */
    public record Started(UUID owner) implements Claim {}

    /** The key was used for the same body and its answer is stored: send it again. */
    public record Replay(int status, String contentType, byte[] body) implements Claim {}

    /** The key was used for another body. */
    public record Reused() implements Claim {}

    /** The first request with this key is still being processed. */
    public record InFlight() implements Claim {}

    private final DataSource ds;

    public IdempotencyStore(DataSource ds) {
        this.ds = ds;
    }

    /**
     * Claims the key for a request whose body hashes to {@code sha256}. An IN_FLIGHT row whose lock has expired (its
     * request crashed) and a COMPLETED row older than the retention count as absent and are taken over.
     */
    public Claim claim(Scope s, String sha256, Instant now, Duration inFlightTimeout, Duration retention) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = ds.getConnection()) {
                UUID owner = UUID.randomUUID();
                try (PreparedStatement ps = c.prepareStatement("""
                        INSERT INTO idempotency_key (client_id, method, path, idem_key, request_sha256, state, owner,
                            created_at, locked_until)
                        VALUES (?, ?, ?, ?, ?, 'IN_FLIGHT', ?, ?, ?)
                        ON CONFLICT DO NOTHING""")) {
                    bindScope(ps, s);
                    ps.setString(5, sha256);
                    ps.setObject(6, owner);
                    Sql.setInstant(ps, 7, now);
                    Sql.setInstant(ps, 8, now.plus(inFlightTimeout));
                    if (ps.executeUpdate() == 1) return new Started(owner);
                }
                try (PreparedStatement ps = c.prepareStatement("""
                        SELECT request_sha256, state, created_at, locked_until, status, content_type, body
                        FROM idempotency_key WHERE client_id = ? AND method = ? AND path = ? AND idem_key = ?
                        FOR UPDATE""")) {
                    bindScope(ps, s);
                    try (ResultSet rs = ps.executeQuery()) {
                        // the conflicting row is there: ON CONFLICT waited for its transaction, and rows are deleted
                        // only by the purge, long after they expired
                        if (!rs.next()) throw new StoreException("idempotency key vanished during its claim", null);
                        boolean completed = "COMPLETED".equals(rs.getString("state"));
                        boolean expired = completed
                                ? !Sql.getInstant(rs, "created_at").isAfter(now.minus(retention))
                                : !Sql.getInstant(rs, "locked_until").isAfter(now);
                        if (!expired) {
                            if (!completed) return new InFlight();
                            if (!sha256.equals(rs.getString("request_sha256"))) return new Reused();
                            return new Replay(rs.getInt("status"), rs.getString("content_type"), rs.getBytes("body"));
                        }
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("""
                        UPDATE idempotency_key SET request_sha256 = ?, state = 'IN_FLIGHT', owner = ?, created_at = ?,
                            locked_until = ?, status = NULL, content_type = NULL, body = NULL, completed_at = NULL
                        WHERE client_id = ? AND method = ? AND path = ? AND idem_key = ?""")) {
                    ps.setString(1, sha256);
                    ps.setObject(2, owner);
                    Sql.setInstant(ps, 3, now);
                    Sql.setInstant(ps, 4, now.plus(inFlightTimeout));
                    bindScope(ps, 4, s);
                    ps.executeUpdate();
                }
                return new Started(owner);
            } catch (SQLException e) {
                throw new StoreException("cannot claim idempotency key", e);
            }
        });
    }

    /**
     * Stores the final answer in a transaction of its own, for answers no write transaction stored (a request refused
     * before any write); fails when this attempt no longer holds the key (it expired and was taken over).
     */
    public void complete(Scope s, UUID owner, int status, String contentType, byte[] body, Instant now) {
        QuarkusTransaction.requiringNew().run(() -> completeInCurrentTransaction(s, owner, status, contentType, body, now));
    }

    /** Stores the final answer in the caller's transaction, the write's own (see {@link KeyClaim}). */
    public void completeInCurrentTransaction(Scope s, UUID owner, int status, String contentType, byte[] body,
            Instant now) {
        int n;
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                UPDATE idempotency_key SET state = 'COMPLETED', status = ?, content_type = ?, body = ?, completed_at = ?
                WHERE client_id = ? AND method = ? AND path = ? AND idem_key = ? AND owner = ? AND state = 'IN_FLIGHT'""")) {
            ps.setInt(1, status);
            ps.setString(2, contentType);
            ps.setBytes(3, body);
            Sql.setInstant(ps, 4, now);
            bindScope(ps, 4, s);
            ps.setObject(9, owner);
            n = ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot store the answer of idempotency key " + s.key(), e);
        }
        if (n != 1) throw new StoreException("idempotency key " + s.key() + " was no longer held by its request", null);
    }

    /** Gives the key up (the request failed without an answer worth keeping), so that a retry is processed. */
    public void release(Scope s, UUID owner) {
        update("DELETE FROM idempotency_key WHERE client_id = ? AND method = ? AND path = ? AND idem_key = ? "
                + "AND owner = ? AND state = 'IN_FLIGHT'", ps -> {
                    bindScope(ps, s);
                    ps.setObject(5, owner);
                });
    }

    /** Deletes the keys older than the retention (and not held by a live request); returns how many. */
    public int purge(Instant now, Duration retention) {
        return update("DELETE FROM idempotency_key WHERE created_at < ? AND (state = 'COMPLETED' OR locked_until < ?)",
                ps -> {
                    Sql.setInstant(ps, 1, now.minus(retention));
                    Sql.setInstant(ps, 2, now);
                });
    }

    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private int update(String sql, Binder binder) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
                binder.bind(ps);
                return ps.executeUpdate();
            } catch (SQLException e) {
                throw new StoreException("cannot write idempotency key", e);
            }
        });
    }

    private static void bindScope(PreparedStatement ps, Scope s) throws SQLException {
        bindScope(ps, 0, s);
    }

    private static void bindScope(PreparedStatement ps, int offset, Scope s) throws SQLException {
        ps.setString(offset + 1, s.clientId());
        ps.setString(offset + 2, s.method());
        ps.setString(offset + 3, s.path());
        ps.setString(offset + 4, s.key());
    }
}
