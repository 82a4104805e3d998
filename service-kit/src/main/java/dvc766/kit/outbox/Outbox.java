package dvc766.kit.outbox;

import dvc766.contracts.events.CloudEvent;
import dvc766.contracts.events.EventType;
import dvc766.kit.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes events into the outbox table in the caller's transaction: an event exists exactly when the change it
 * announces is committed. The relay is woken when that transaction commits. Many events go as one JDBC batch,
 * so announcing a batch of 1,000 changes costs one round trip, not 1,000.
 */
@ApplicationScoped
public class Outbox {

    /** One event: the object's key (Kafka key and CloudEvents subject) and its whole state. */
    public record Event(String key, Object data) {}

    private static final String INSERT = "INSERT INTO kit_outbox (topic, event_key, event_id, payload) VALUES (?, ?, ?, ?)";

    private final DataSource dataSource;
    private final TransactionSynchronizationRegistry tx;
    private final OutboxRelay relay;
    private final String source;
    private final Clock clock;

    public Outbox(DataSource dataSource, TransactionSynchronizationRegistry tx, OutboxRelay relay,
            @ConfigProperty(name = "quarkus.application.name") String applicationName, Clock clock) {
        this.dataSource = dataSource;
        this.tx = tx;
        this.relay = relay;
        this.source = "/dvc766/" + applicationName;
        this.clock = clock;
    }

    /** Appends one event whose subject (and Kafka key) is {@code key}; returns the event's id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(EventType type, String key, Object data) {
        return appendAll(type, List.of(new Event(key, data))).get(0);
    }

    /** Appends the events, in this order, as one batch; returns their ids. */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> appendAll(EventType type, List<Event> events) {
        List<UUID> ids = new ArrayList<>(events.size());
        if (events.isEmpty()) return ids;
        OffsetDateTime now = OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC);
        // the data source hands out the connection already enlisted in this transaction
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (Event e : events) {
                UUID id = UUID.randomUUID();
                ps.setString(1, type.topic());
                ps.setString(2, e.key());
                ps.setObject(3, id);
                ps.setString(4, EventJson.write(CloudEvent.of(id.toString(), type, source, now, e.key(), e.data())));
                ps.addBatch();
                ids.add(id);
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write the outbox", e);
        }
        tx.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) relay.wakeUp();
            }
        });
        return ids;
    }
}
