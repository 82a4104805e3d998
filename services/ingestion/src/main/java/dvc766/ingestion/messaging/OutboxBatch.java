package dvc766.ingestion.messaging;

import dvc766.contracts.events.CloudEvent;
import dvc766.contracts.events.EventType;
import dvc766.kit.events.EventJson;
import dvc766.kit.outbox.Outbox;
import dvc766.kit.outbox.OutboxRelay;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The kit's {@link Outbox#append}, for many events at once: the same rows (same CloudEvents envelope, same table,
 * same transaction, relay woken at commit) written as one JDBC batch. {@code Outbox.append} costs a round trip
 * per event, which for a batch of 1000 dossiers was most of the request's time. To be replaced by a batch append
 * in the kit itself.
 */
@ApplicationScoped
public class OutboxBatch {

    /** One event: the object's key (Kafka key and CloudEvents subject) and its whole state. */
    public record Event(String key, Object data) {}

    private static final String INSERT = "INSERT INTO kit_outbox (topic, event_key, event_id, payload) VALUES (?, ?, ?, ?)";

    private final TransactionSynchronizationRegistry tx;
    private final OutboxRelay relay;
    private final String source;
    private final Clock clock;

    public OutboxBatch(TransactionSynchronizationRegistry tx, OutboxRelay relay,
            @ConfigProperty(name = "quarkus.application.name") String applicationName, Clock clock) {
        this.tx = tx;
        this.relay = relay;
        this.source = "/dvc766/" + applicationName;
        this.clock = clock;
    }

    /** Appends the events in the current transaction, through {@code c}, which must be enlisted in it. */
    public void append(Connection c, EventType type, List<Event> events) throws SQLException {
        if (events.isEmpty()) return;
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (Event e : events) {
                UUID id = UUID.randomUUID();
                ps.setString(1, type.topic());
                ps.setString(2, e.key());
                ps.setObject(3, id);
                ps.setString(4, EventJson.write(CloudEvent.of(id.toString(), type, source, now, e.key(), e.data())));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        tx.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) relay.wakeUp();
            }
        });
    }
}
