package dvc766.publication.watch.store;

import dvc766.publication.store.Sql;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The delivery queue. A round claims due rows with a lease (FOR UPDATE SKIP LOCKED, so instances share the work),
 * sends them outside any transaction, then records the outcome. A row whose sender died is retried when its lease ends.
 */
@ApplicationScoped
public class DeliveryStore {

    /** A claimed delivery: where to send which body, and how many attempts it has had (this one included). */
    public record Claimed(long id, UUID alertId, UUID subscriptionId, String url, String secret, String body, int attempts) {}

    /** A delivery's state, for tests and audits. */
    public record State(UUID alertId, int attempts, Instant deliveredAt, Instant gaveUpAt, Integer lastStatus, String lastError) {}

    private final DataSource ds;

    public DeliveryStore(DataSource ds) {
        this.ds = ds;
    }

    public List<Claimed> claim(Instant now, Duration lease, int limit) {
        return Sql.query(ds, """
                WITH due AS (
                    SELECT id FROM watch_delivery
                    WHERE delivered_at IS NULL AND gave_up_at IS NULL AND next_attempt_at <= ?
                      AND (lease_until IS NULL OR lease_until <= ?)
                    ORDER BY next_attempt_at LIMIT ? FOR UPDATE SKIP LOCKED
                )
                UPDATE watch_delivery d SET lease_until = ?, attempts = d.attempts + 1
                FROM due, watch_subscription s, watch_alert a
                WHERE d.id = due.id AND s.id = d.subscription_id AND a.id = d.alert_id
                RETURNING d.id, d.alert_id, d.subscription_id, s.url, s.secret, a.body, d.attempts
                """, ps -> {
                    Sql.setTime(ps, 1, now);
                    Sql.setTime(ps, 2, now);
                    ps.setInt(3, limit);
                    Sql.setTime(ps, 4, now.plus(lease));
                }, rs -> new Claimed(rs.getLong(1), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                        rs.getString(4), rs.getString(5), rs.getString(6), rs.getInt(7)));
    }

    public void delivered(long id, int status, Instant at) {
        Sql.update(ds, "UPDATE watch_delivery SET delivered_at = ?, last_status = ?, last_error = NULL, lease_until = NULL WHERE id = ?",
                ps -> {
                    Sql.setTime(ps, 1, at);
                    ps.setInt(2, status);
                    ps.setLong(3, id);
                });
    }

    /** Records a failed attempt: retried at {@code retryAt}, or given up when that is null. */
    public void failed(long id, Integer status, String error, Instant retryAt, Instant now) {
        Sql.update(ds, """
                UPDATE watch_delivery SET last_status = ?, last_error = ?, lease_until = NULL,
                    next_attempt_at = coalesce(?::timestamptz, next_attempt_at),
                    gave_up_at = CASE WHEN ?::timestamptz IS NULL THEN ?::timestamptz END
                WHERE id = ?
                """, ps -> {
                    if (status == null) ps.setNull(1, java.sql.Types.INTEGER);
                    else ps.setInt(1, status);
                    ps.setString(2, error.length() > 500 ? error.substring(0, 500) : error);
                    Sql.setTime(ps, 3, retryAt);
                    Sql.setTime(ps, 4, retryAt);
                    Sql.setTime(ps, 5, now);
                    ps.setLong(6, id);
                });
    }

    public List<State> ofSubscription(UUID subscriptionId) {
        return Sql.query(ds, "SELECT alert_id, attempts, delivered_at, gave_up_at, last_status, last_error "
                + "FROM watch_delivery WHERE subscription_id = ? ORDER BY id", ps -> ps.setObject(1, subscriptionId),
                rs -> new State(rs.getObject(1, UUID.class), rs.getInt(2), Sql.time(rs, 3), Sql.time(rs, 4),
                        (Integer) rs.getObject(5), rs.getString(6)));
    }
}
