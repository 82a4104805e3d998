package dvc766.kit.outbox;

import dvc766.contracts.events.CloudEvent;
import dvc766.contracts.events.EventType;
import dvc766.kit.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Writes an event into the outbox table in the caller's transaction: the event exists exactly when the change
 * it announces is committed. The relay is woken when that transaction commits.
 */
@ApplicationScoped
public class Outbox {

    private final EntityManager em;
    private final TransactionSynchronizationRegistry tx;
    private final OutboxRelay relay;
    private final String source;
    private final Clock clock;

    public Outbox(EntityManager em, TransactionSynchronizationRegistry tx, OutboxRelay relay,
            @ConfigProperty(name = "quarkus.application.name") String applicationName, Clock clock) {
        this.em = em;
        this.tx = tx;
        this.relay = relay;
        this.source = "/dvc766/" + applicationName;
        this.clock = clock;
    }

    /** Appends an event whose subject (and Kafka key) is {@code key}; returns the event's id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID append(EventType type, String key, Object data) {
        UUID id = UUID.randomUUID();
        CloudEvent<Object> event = CloudEvent.of(id.toString(), type, source,
                OffsetDateTime.now(clock).withOffsetSameInstant(ZoneOffset.UTC), key, data);
        em.createNativeQuery("INSERT INTO kit_outbox (topic, event_key, event_id, payload) VALUES (?1, ?2, ?3, ?4)")
                .setParameter(1, type.topic())
                .setParameter(2, key)
                .setParameter(3, id)
                .setParameter(4, EventJson.write(event))
                .executeUpdate();
        tx.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) relay.wakeUp();
            }
        });
        return id;
    }
}
