package dvc766.kit.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.jboss.logging.Logger;

/**
 * Sends committed outbox rows to Kafka in id order, and marks them sent only after the broker acknowledged
 * them (at-least-once; consumers are idempotent). One instance relays at a time, under a PostgreSQL advisory
 * lock, so the order per key holds with several replicas. If Kafka is down, rows wait and are sent when it returns.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** The relay's advisory lock, namespaced by the service's schema: services may share one database. */
    private static final String RELAY_LOCK = "SELECT pg_try_advisory_xact_lock(hashtext(current_schema() || '/outbox-relay'), 0)";

    private final Emitter<String> emitter;
    private final EntityManager em;
    private final OutboxConfig config;
    private final Object signal = new Object();
    private final AtomicLong unsent = new AtomicLong();
    private volatile boolean running;
    private volatile boolean pending;
    private Thread thread;

    public OutboxRelay(@Channel("outbox") @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 2048) Emitter<String> emitter,
            EntityManager em, OutboxConfig config, MeterRegistry meters) {
        this.emitter = emitter;
        this.em = em;
        this.config = config;
        meters.gauge("dvc.outbox.unsent", unsent);
    }

    void start(@Observes StartupEvent e) {
        if (!config.relayEnabled()) return;
        running = true;
        thread = new Thread(this::loop, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent e) {
        running = false;
        wakeUp();
    }

    /** Called after a transaction that wrote to the outbox committed. */
    public void wakeUp() {
        synchronized (signal) {
            pending = true;
            signal.notifyAll();
        }
    }

    private void loop() {
        while (running) {
            try {
                int sent = QuarkusTransaction.requiringNew().call(this::relayBatch);
                if (sent < config.batchSize()) sleep(config.pollInterval().toMillis());
            } catch (Exception ex) {
                LOG.warnf("outbox relay failed, retrying in %s: %s", config.retryBackoff(), ex.getMessage());
                sleep(config.retryBackoff().toMillis());
            }
        }
    }

    /** Sends one batch; returns how many rows it sent. Public for tests that drive the relay by hand. */
    public int relayBatch() {
        boolean locked = (Boolean) em.createNativeQuery(RELAY_LOCK).getSingleResult();
        if (!locked) return 0;
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "SELECT id, topic, event_key, payload FROM kit_outbox WHERE sent_at IS NULL ORDER BY id LIMIT ?1")
                .setParameter(1, config.batchSize()).getResultList();
        if (rows.isEmpty()) {
            unsent.set(0);
            return 0;
        }
        List<CompletableFuture<Void>> acks = new ArrayList<>(rows.size());
        List<Long> ids = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            ids.add(((Number) row[0]).longValue());
            acks.add(send((String) row[1], (String) row[2], (String) row[3]));
        }
        try {
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new))
                    .get(config.ackTimeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Kafka did not acknowledge the batch", e);
        }
        em.createNativeQuery("UPDATE kit_outbox SET sent_at = now() WHERE id = ANY(?1)")
                .setParameter(1, ids.toArray(Long[]::new))
                .executeUpdate();
        unsent.set(((Number) em.createNativeQuery("SELECT count(*) FROM kit_outbox WHERE sent_at IS NULL")
                .getSingleResult()).longValue() - rows.size());
        return rows.size();
    }

    private CompletableFuture<Void> send(String topic, String key, String payload) {
        CompletableFuture<Void> ack = new CompletableFuture<>();
        OutgoingKafkaRecordMetadata<String> meta = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic(topic).withKey(key).build();
        emitter.send(Message.of(payload, Metadata.of(meta))
                .withAck(() -> {
                    ack.complete(null);
                    return CompletableFuture.completedFuture(null);
                })
                .withNack(t -> {
                    ack.completeExceptionally(t);
                    return CompletableFuture.completedFuture(null);
                }));
        return ack;
    }

    /** Deletes sent rows past their retention. */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeSent() {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("DELETE FROM kit_outbox WHERE sent_at < ?1")
                .setParameter(1, Instant.now().minus(config.retention()))
                .executeUpdate());
    }

    private void sleep(long millis) {
        synchronized (signal) {
            if (!pending && running) {
                try {
                    signal.wait(millis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    running = false;
                }
            }
            pending = false;
        }
    }
}
