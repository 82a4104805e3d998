package dvc766.publication.api;

import dvc766.kit.events.EventJson;
import dvc766.kit.problem.Problem;
import dvc766.publication.config.PublicationConfig;
import dvc766.publication.domain.ScoreChange;
import dvc766.publication.store.ScoreChangeLog;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.jboss.logging.Logger;

/**
 * The clients of the live stream of this instance and the fan-out of each committed score change to them. The
 * number of clients is bounded; each client has a bounded queue, and one that falls behind loses its stream (its
 * EventSource reconnects) rather than holding memory. A client that reconnects with the id of the last change it
 * saw first gets the changes it missed, read from the history, then the live ones; when it missed more than
 * {@code stream.replay-max}, a {@code reset} event tells it to re-read the API instead.
 */
@ApplicationScoped
public class LiveScores {

    private static final Logger LOG = Logger.getLogger(LiveScores.class);

    /** What a client asked to see again: changes after {@code lastEventId} of its unit and rule set (null: all). */
    record Replay(String lastEventId, String unitCode, String ruleSet) {}

    /**
     * A client. While its missed changes are being read, live changes wait in {@code held} (bounded like the
     * stream's buffer); afterwards they go straight to the emitter.
     */
    private static final class Client {
        final Predicate<ScoreChange> wants;
        final MultiEmitter<? super OutboundSseEvent> emitter;
        final Sse sse;
        List<ScoreChange> held;   // guarded by this; null once live
        boolean overflowed;       // guarded by this

        Client(Predicate<ScoreChange> wants, MultiEmitter<? super OutboundSseEvent> emitter, Sse sse, boolean replaying) {
            this.wants = wants;
            this.emitter = emitter;
            this.sse = sse;
            this.held = replaying ? new ArrayList<>() : null;
        }
    }

    private static final Duration RETRY_AFTER = Duration.ofSeconds(10);

    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
    private final Semaphore permits;
    private final PublicationConfig.Stream config;
    private final ScoreChangeLog log;

    public LiveScores(PublicationConfig config, ScoreChangeLog log) {
        this.config = config.stream();
        this.permits = new Semaphore(this.config.maxClients());
        this.log = log;
    }

    /** A new client's stream: changes that pass the filter, and a comment at every heartbeat; 503 when full. */
    Multi<OutboundSseEvent> subscribe(Predicate<ScoreChange> wants, Sse sse, Replay replay) {
        if (!permits.tryAcquire()) {
            Problem p = Problem.of(503, "stream-full", "Too many live clients",
                    "the live stream has its maximum of " + config.maxClients() + " clients; retry later");
            throw new WebApplicationException(Response.status(503).type(Problem.MEDIA_TYPE)
                    .header("Retry-After", Long.toString(RETRY_AFTER.toSeconds())).entity(p).build());
        }
        AtomicBoolean released = new AtomicBoolean();
        Runnable release = () -> {
            if (released.compareAndSet(false, true)) permits.release();
        };
        Duration heartbeat = config.heartbeat();
        boolean replaying = replay.lastEventId() != null && !replay.lastEventId().isBlank();
        Multi<OutboundSseEvent> changes = Multi.createFrom().<OutboundSseEvent>emitter(em -> {
            // registered before the history is read, so no change falls between the two
            Client c = new Client(wants, em, sse, replaying);
            clients.add(c);
            em.onTermination(() -> clients.remove(c));
            // the first comment makes the response start at once, so a client knows it is connected
            em.emit(sse.newEventBuilder().comment("connected").build());
            if (replaying) Infrastructure.getDefaultWorkerPool().execute(() -> replay(c, replay));
        }).onOverflow().buffer(config.clientBuffer() + (replaying ? config.replayMax() : 0)); // a replay comes at once
        Multi<OutboundSseEvent> beats = Multi.createFrom().ticks().every(heartbeat)
                .onOverflow().drop()
                .map(t -> sse.newEventBuilder().comment("heartbeat").build());
        return Multi.createBy().merging().streams(changes, beats)
                .onTermination().invoke(release)
                .onCancellation().invoke(release);
    }

    /** Hands a committed change to every client that wants it. */
    public void publish(ScoreChange change) {
        String data = null;
        for (Client c : clients) {
            if (!c.wants.test(change)) continue;
            synchronized (c) {
                if (c.held != null) {
                    if (c.held.size() < config.clientBuffer()) c.held.add(change);
                    else c.overflowed = true;
                    continue;
                }
            }
            if (data == null) data = EventJson.write(change);
            c.emitter.emit(event(c.sse, change, data));
        }
    }

    /** Clients connected to this instance now. */
    public int clients() {
        return clients.size();
    }

    private void replay(Client c, Replay replay) {
        List<ScoreChange> missed = null;
        try {
            long after = Long.parseLong(replay.lastEventId().trim());
            List<ScoreChange> found = log.after(after, replay.unitCode(), replay.ruleSet(), config.replayMax() + 1);
            if (after >= 0 && found.size() <= config.replayMax()) missed = found;
        } catch (NumberFormatException notOurs) {
            // not an id this service gave: the client cannot know what it missed
        } catch (RuntimeException e) {
            LOG.warnf("could not read the changes a reconnecting client missed (%s); it is told to re-read", e.getMessage());
        }
        Set<Long> sent = new HashSet<>();
        synchronized (c) {
            if (missed != null && !c.overflowed) {
                for (ScoreChange m : missed) {
                    c.emitter.emit(event(c.sse, m, EventJson.write(m)));
                    sent.add(m.id());
                }
                // changes committed while the history was read: those not already sent, in the order heard
                for (ScoreChange h : c.held) {
                    if (sent.add(h.id())) c.emitter.emit(event(c.sse, h, EventJson.write(h)));
                }
            } else {
                // the id lets the client's next reconnect start from here, once it has re-read the API
                c.emitter.emit(c.sse.newEventBuilder().name("reset").id(Long.toString(latestId()))
                        .data("{\"reason\":\"" + (missed == null ? "too-many-missed" : "too-many-while-replaying") + "\"}")
                        .build());
            }
            c.held = null;
        }
    }

    private long latestId() {
        try {
            return log.latestId();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    private static OutboundSseEvent event(Sse sse, ScoreChange change, String data) {
        return sse.newEventBuilder().name("score").id(Long.toString(change.id())).data(data).build();
    }
}
