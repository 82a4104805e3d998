package dvc766.publication.watch.store;

import dvc766.publication.store.Sql;
import dvc766.publication.watch.domain.AlertKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Alerts and their deliveries. An alert exists once per key; each interested subscription gets one delivery row
 * of it (unique per subscription and alert), which the sender works off like an outbox.
 */
@ApplicationScoped
public class AlertStore {

    private final DataSource ds;

    public AlertStore(DataSource ds) {
        this.ds = ds;
    }

    /**
     * Records the alert under its key (or finds the one already recorded) and queues it for every subscription given
     * that has not had it. {@code body} gets the alert's id and returns the JSON to send. Returns the alert's id.
     */
    public UUID record(String key, AlertKind kind, String unitCode, Function<UUID, String> body, Collection<UUID> subscriptions) {
        UUID candidate = UUID.randomUUID();
        Sql.update(ds, "INSERT INTO watch_alert (id, alert_key, kind, unit_code, body) VALUES (?, ?, ?, ?, ?) "
                + "ON CONFLICT (alert_key) DO NOTHING", ps -> {
                    ps.setObject(1, candidate);
                    ps.setString(2, key);
                    ps.setString(3, kind.name());
                    ps.setString(4, unitCode);
                    ps.setString(5, body.apply(candidate));
                });
        UUID id = Sql.query(ds, "SELECT id FROM watch_alert WHERE alert_key = ?", ps -> ps.setString(1, key),
                rs -> rs.getObject(1, UUID.class)).get(0);
        if (!subscriptions.isEmpty()) {
            Sql.update(ds, "INSERT INTO watch_delivery (subscription_id, alert_id) SELECT s, ? FROM unnest(?::uuid[]) AS t(s) "
                    + "ON CONFLICT (subscription_id, alert_id) DO NOTHING", ps -> {
                        ps.setObject(1, id);
                        ps.setArray(2, ps.getConnection().createArrayOf("uuid", subscriptions.toArray()));
                    });
        }
        return id;
    }

    /** The keys of recorded alerts about this unit, for tests and audits. */
    public List<String> keysOf(String unitCode) {
        return Sql.query(ds, "SELECT alert_key FROM watch_alert WHERE unit_code = ? ORDER BY created_at, alert_key",
                ps -> ps.setString(1, unitCode), rs -> rs.getString(1));
    }
}
