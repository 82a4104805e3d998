package dvc766.publication.messaging;

import dvc766.kit.inbox.ProcessedEvents;
import dvc766.publication.config.PublicationConfig;
import dvc766.publication.store.ReadModelChanges;
import dvc766.publication.store.UnitLocks;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Applies a polled batch of events: each batch in one transaction (cheap bursts), each event at most once
 * ({@link ProcessedEvents}), events that can never apply kept in the rejected table. When the database is away the
 * batch waits and retries, so nothing is skipped; when one event's data breaks a database rule, the batch is
 * applied event by event and only that one is rejected.
 */
@ApplicationScoped
public class EventIntake {

    private static final Logger LOG = Logger.getLogger(EventIntake.class);

    /** One event ready to apply. */
    public record Item<T>(ConsumerRecord<String, String> record, EventMapper.Mapped<T> event) {}

    /** How a topic's events are read and applied. */
    public record Handler<T>(Function<String, EventMapper.Mapped<T>> mapper, Function<T, String> unitOf,
            BiConsumer<String, T> apply) {}

    private final ProcessedEvents processed;
    private final UnitLocks locks;
    private final PublicationConfig config;
    private final MeterRegistry meters;
    private final Clock clock;
    private final ReadModelChanges changes;
    private final UntilDone retries;
    private volatile boolean stopping;

    public EventIntake(ProcessedEvents processed, UnitLocks locks, PublicationConfig config, MeterRegistry meters, Clock clock,
            ReadModelChanges changes) {
        this.processed = processed;
        this.locks = locks;
        this.config = config;
        this.meters = meters;
        this.clock = clock;
        this.changes = changes;
        this.retries = new UntilDone(LOG, "applying events", config.retryBackoffMax(), () -> stopping);
    }

    void stop(@Observes ShutdownEvent e) {
        stopping = true;
    }

    public <T> void process(Iterable<ConsumerRecord<String, String>> records, Handler<T> handler) {
        List<Item<T>> items = new ArrayList<>();
        for (ConsumerRecord<String, String> r : records) {
            try {
                items.add(new Item<>(r, handler.mapper().apply(r.value())));
            } catch (InvalidEvent e) {
                reject(r, e.getMessage());
            } catch (RuntimeException e) {
                reject(r, "unreadable: " + UntilDone.rootMessage(e));
            }
        }
        if (items.isEmpty()) return;
        Throwable dataError = retries.run(() -> applyAll(items, handler));
        if (dataError != null) {
            LOG.warnf("a batch of %d events from %s broke a database rule (%s); applying them one by one",
                    items.size(), items.get(0).record().topic(), dataError.getMessage());
            for (Item<T> item : items) {
                Throwable e = retries.run(() -> applyAll(List.of(item), handler));
                if (e != null) reject(item.record(), "cannot be applied: " + UntilDone.rootMessage(e));
            }
        }
        OffsetDateTime now = OffsetDateTime.now(clock);
        for (Item<T> item : items) {
            if (item.event().time() != null) {
                Timer.builder("dvc.publication.event.lag")
                        .description("from the event's time to its effect being committed here")
                        .tag("topic", item.record().topic())
                        .register(meters)
                        .record(Duration.between(item.event().time(), now));
            }
        }
    }

    private <T> void applyAll(List<Item<T>> items, Handler<T> handler) {
        QuarkusTransaction.requiringNew().run(() -> {
            locks.lock(items.stream().map(i -> handler.unitOf().apply(i.event().value())).toList());
            for (Item<T> item : items) {
                if (processed.firstTime(config.consumerName(), item.event().eventId())) {
                    handler.apply().accept(item.event().eventId(), item.event().value());
                }
            }
        });
        // this instance's own commit is current at once; the NOTIFY reaches the listener a moment later
        changes.changed();
    }

    private void reject(ConsumerRecord<String, String> r, String reason) {
        LOG.warnf("rejected event from %s key %s: %s", r.topic(), r.key(), reason);
        Counter.builder("dvc.publication.events.rejected").tag("topic", r.topic()).register(meters).increment();
        Throwable e = retries.run(() -> processed.reject(config.consumerName(), r.topic(), r.key(),
                r.value() == null ? "" : r.value(), reason));
        if (e != null) LOG.errorf(e, "could not keep the rejected event from %s key %s", r.topic(), r.key());
    }
}
