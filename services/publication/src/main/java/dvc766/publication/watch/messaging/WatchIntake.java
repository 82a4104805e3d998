package dvc766.publication.watch.messaging;

import dvc766.kit.inbox.ProcessedEvents;
import dvc766.publication.watch.config.WatchConfig;
import dvc766.publication.watch.store.ProcedureLocks;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
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
    private volatile boolean stopping;

    public WatchIntake(ProcessedEvents processed, ProcedureLocks locks, WatchConfig config) {
        this.processed = processed;
        this.locks = locks;
        this.config = config;
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
                reject(r, "unreadable: " + rootMessage(e));
            }
        }
        if (items.isEmpty()) return;
        Throwable dataError = untilDone(() -> applyAll(items, handler));
        if (dataError != null) {
            LOG.warnf("a batch of %d watch events broke a database rule (%s); applying them one by one", items.size(),
                    dataError.getMessage());
            for (int i = 0; i < items.size(); i++) {
                WatchEventMapper.Mapped<T> item = items.get(i);
                Throwable e = untilDone(() -> applyAll(List.of(item), handler));
                if (e != null) reject(raw.get(i), "cannot be applied: " + rootMessage(e));
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
        Throwable e = untilDone(() -> processed.reject(config.consumerName(), r.topic(), r.key(),
                r.value() == null ? "" : r.value(), reason));
        if (e != null) LOG.errorf(e, "could not keep the rejected event from %s key %s", r.topic(), r.key());
    }

    private Throwable untilDone(Runnable work) {
        long pause = 100;
        for (int attempt = 1; ; attempt++) {
            try {
                work.run();
                return null;
            } catch (RuntimeException e) {
                if (isDataError(e)) return e;
                if (stopping) throw e;
                LOG.errorf("applying watch events failed (attempt %d), retrying in %d ms: %s", attempt, pause, rootMessage(e));
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                pause = Math.min(pause * 2, config.retryBackoffMax().toMillis());
            }
        }
    }

    /** SQLState classes 22 (data exception) and 23 (integrity constraint): the event, not the database, is at fault. */
    static boolean isDataError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null
                    && (s.getSQLState().startsWith("22") || s.getSQLState().startsWith("23"))) {
                return true;
            }
            if (t.getCause() == t) break;
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) t = t.getCause();
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }
}
