package dvc766.publication.watch.messaging;

import dvc766.kit.inbox.ProcessedEvents;
import dvc766.publication.messaging.UntilDone;
import dvc766.publication.watch.config.WatchConfig;
import dvc766.publication.watch.store.ProcedureLocks;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

/**
 * Applies a polled batch of the watch's events in one transaction, each event at most once (kit
 * {@link ProcessedEvents}, consumer {@code dvc.publication.watch.consumer-name}); events that can never apply are kept
 * in the rejected table. The database away: the batch is retried with a growing pause (events wait in Kafka). One
 * event breaking a database rule: the batch is applied event by event and only that one is rejected.
 */
@ApplicationScoped
public class WatchIntake {

    private static final Logger LOG = Logger.getLogger(WatchIntake.class);

    /** How a topic's events are read, which procedure each concerns (for its lock), and how each is applied. */
    public record Handler<T>(Function<String, WatchEventMapper.Mapped<T>> mapper, Function<T, String> procedureOf,
            BiConsumer<String, T> apply) {}

    private final ProcessedEvents processed;
    private final ProcedureLocks locks;
    private final WatchConfig config;
    private final UntilDone retries;
    private volatile boolean stopping;

    public WatchIntake(ProcessedEvents processed, ProcedureLocks locks, WatchConfig config) {
        this.processed = processed;
        this.locks = locks;
        this.config = config;
        this.retries = new UntilDone(LOG, "applying watch events", config.retryBackoffMax(), () -> stopping);
    }

    void stop(@Observes ShutdownEvent e) {
        stopping = true;
    }

    public <T> void process(Iterable<ConsumerRecord<String, String>> records, Handler<T> handler) {
        List<ConsumerRecord<String, String>> raw = new ArrayList<>();
        List<WatchEventMapper.Mapped<T>> items = new ArrayList<>();
        for (ConsumerRecord<String, String> r : records) {
            try {
                items.add(handler.mapper().apply(r.value()));
                raw.add(r);
            } catch (InvalidWatchEvent e) {
                reject(r, e.getMessage());
            } catch (RuntimeException e) {
                reject(r, "unreadable: " + UntilDone.rootMessage(e));
            }
        }
        if (items.isEmpty()) return;
        Throwable dataError = retries.run(() -> applyAll(items, handler));
        if (dataError != null) {
            LOG.warnf("a batch of %d watch events broke a database rule (%s); applying them one by one", items.size(),
                    dataError.getMessage());
            for (int i = 0; i < items.size(); i++) {
                WatchEventMapper.Mapped<T> item = items.get(i);
                Throwable e = retries.run(() -> applyAll(List.of(item), handler));
                if (e != null) reject(raw.get(i), "cannot be applied: " + UntilDone.rootMessage(e));
            }
        }
    }

    private <T> void applyAll(List<WatchEventMapper.Mapped<T>> items, Handler<T> handler) {
        QuarkusTransaction.requiringNew().run(() -> {
            locks.lockCalendar(false);
            locks.lock(items.stream().map(i -> handler.procedureOf().apply(i.value())).toList());
            for (WatchEventMapper.Mapped<T> item : items) {
                if (processed.firstTime(config.consumerName(), item.eventId())) {
                    handler.apply().accept(item.eventId(), item.value());
                }
            }
        });
    }

    private void reject(ConsumerRecord<String, String> r, String reason) {
        LOG.warnf("watch rejected event from %s key %s: %s", r.topic(), r.key(), reason);
        Throwable e = retries.run(() -> processed.reject(config.consumerName(), r.topic(), r.key(),
                r.value() == null ? "" : r.value(), reason));
        if (e != null) LOG.errorf(e, "could not keep the rejected event from %s key %s", r.topic(), r.key());
    }
}
