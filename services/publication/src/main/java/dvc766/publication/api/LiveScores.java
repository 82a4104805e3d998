package dvc766.publication.api;

import dvc766.kit.events.EventJson;
import dvc766.kit.problem.Problem;
import dvc766.publication.config.PublicationConfig;
import dvc766.publication.domain.ScoreChange;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.subscription.MultiEmitter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * The clients of the live stream of this instance and the fan-out of each committed score change to them. The
 * number of clients is bounded; each client has a bounded queue, and one that falls behind loses its stream (its
 * EventSource reconnects) rather than holding memory.
 */
@ApplicationScoped
public class LiveScores {

    private record Client(Predicate<ScoreChange> wants, MultiEmitter<? super OutboundSseEvent> emitter, Sse sse) {}

    private static final Duration RETRY_AFTER = Duration.ofSeconds(10);

    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
    private final Semaphore permits;
    private final PublicationConfig.Stream config;

    public LiveScores(PublicationConfig config) {
        this.config = config.stream();
        this.permits = new Semaphore(this.config.maxClients());
    }

    /** A new client's stream: changes that pass the filter, and a comment at every heartbeat; 503 when full. */
    Multi<OutboundSseEvent> subscribe(Predicate<ScoreChange> wants, Sse sse) {
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
        Multi<OutboundSseEvent> changes = Multi.createFrom().<OutboundSseEvent>emitter(em -> {
            Client c = new Client(wants, em, sse);
            clients.add(c);
            em.onTermination(() -> clients.remove(c));
            // the first comment makes the response start at once, so a client knows it is connected
            em.emit(sse.newEventBuilder().comment("connected").build());
        }).onOverflow().buffer(config.clientBuffer());
        Multi<OutboundSseEvent> beats = Multi.createFrom().ticks().every(heartbeat)
                .onOverflow().drop()
                .map(t -> sse.newEventBuilder().comment("heartbeat").build());
        return Multi.createBy().merging().streams(changes, beats)
                .onTermination().invoke(release)
                .onCancellation().invoke(release);
    }

    /** Hands a committed change to every client that wants it. */
    public void publish(ScoreChange change) {
        String data = EventJson.write(change);
        for (Client c : clients) {
            if (!c.wants().test(change)) continue;
            c.emitter().emit(c.sse().newEventBuilder()
                    .name("score")
                    .id(Long.toString(change.id()))
                    .data(data)
                    .build());
        }
    }

    /** Clients connected to this instance now. */
    public int clients() {
        return clients.size();
    }
}
