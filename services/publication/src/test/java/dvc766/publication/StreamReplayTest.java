package dvc766.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dvc766.publication.messaging.ScoreChangeListener;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A live client that reconnects with Last-Event-ID gets what it missed, then the live changes, each once; one that
 * missed too much (more than {@code stream.replay-max}, 5 in tests) or sends an id that is not ours gets {@code reset}.
 */
@QuarkusTest
class StreamReplayTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ScoreChangeListener listener;

    @Test
    void aReconnectingClientGetsWhatItMissedThenTheLiveChanges() throws Exception {
        await().atMost(WAIT).until(listener::listening);
        String unit = Events.uniquePrefix();
        long firstId;
        try (Stream first = Stream.open(unit, null)) {
            Events.sendScore(unit, "2026-11", 1, "61", "TRUNG_BINH");
            SseEvent e = first.next("score");
            assertThat(version(e)).isEqualTo(1);
            firstId = Long.parseLong(e.id());
        }
        // away: two changes, committed before it comes back (the scorecard shows the last one)
        Events.sendScore(unit, "2026-11", 2, "62", "TRUNG_BINH");
        Events.sendScore(unit, "2026-11", 3, "63", "TRUNG_BINH");
        await().atMost(WAIT).until(() -> Api.scorecard(unit, "2026-11").statusCode() == 200
                && Api.decimal(Api.json(Api.scorecard(unit, "2026-11")).get("total")).compareTo(new BigDecimal("63")) == 0);

        try (Stream again = Stream.open(unit, Long.toString(firstId))) {
            SseEvent v2 = again.next("score");
            SseEvent v3 = again.next("score");
            assertThat(List.of(version(v2), version(v3))).containsExactly(2L, 3L);
            assertThat(Long.parseLong(v2.id())).isGreaterThan(firstId);
            assertThat(Long.parseLong(v3.id())).isGreaterThan(Long.parseLong(v2.id()));
            Events.sendScore(unit, "2026-11", 4, "64", "KHA");
            SseEvent v4 = again.next("score");
            assertThat(version(v4)).isEqualTo(4);
            assertThat(again.drain()).as("nothing sent twice").noneMatch(ev -> "score".equals(ev.event()));
        }
    }

    @Test
    void aClientThatMissedTooMuchIsToldToReRead() throws Exception {
        await().atMost(WAIT).until(listener::listening);
        String unit = Events.uniquePrefix();
        for (int v = 1; v <= 6; v++) Events.sendScore(unit, "2026-11", v, Integer.toString(50 + v), "TRUNG_BINH");
        await().atMost(WAIT).until(() -> Api.scorecard(unit, "2026-11").statusCode() == 200
                && Api.decimal(Api.json(Api.scorecard(unit, "2026-11")).get("total")).compareTo(new BigDecimal("56")) == 0);

        try (Stream s = Stream.open(unit, "0")) {
            SseEvent reset = s.next("reset");
            assertThat(JSON.readTree(reset.data()).get("reason").asText()).isEqualTo("too-many-missed");
            long latest = Long.parseLong(reset.id());
            assertThat(latest).isPositive();
            // from the reset's id on, nothing of this unit is missed: a reconnect replays nothing
            try (Stream after = Stream.open(unit, reset.id())) {
                Events.sendScore(unit, "2026-11", 7, "57", "TRUNG_BINH");
                assertThat(version(after.next("score"))).isEqualTo(7);
            }
        }
        try (Stream s = Stream.open(unit, "not-a-number")) {
            assertThat(s.next("reset").data()).contains("too-many-missed");
        }
    }

    private static long version(SseEvent e) throws Exception {
        return JSON.readTree(e.data()).get("version").asLong();
    }

    record SseEvent(String event, String id, String data) {}

    /** One EventSource-like connection to the stream of a unit, its events parsed as they come. */
    static final class Stream implements AutoCloseable {
        private final HttpResponse<InputStream> response;
        private final BlockingQueue<SseEvent> events = new LinkedBlockingQueue<>();

        private Stream(HttpResponse<InputStream> response) {
            this.response = response;
            Thread reader = new Thread(this::read);
            reader.setDaemon(true);
            reader.start();
        }

        static Stream open(String unit, String lastEventId) throws Exception {
            URI uri = URI.create(RestAssured.baseURI + ":" + RestAssured.port + "/public/v1/stream?unit=" + unit);
            HttpRequest.Builder req = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream");
            if (lastEventId != null) req.header("Last-Event-ID", lastEventId);
            HttpResponse<InputStream> r = HttpClient.newHttpClient().send(req.build(), HttpResponse.BodyHandlers.ofInputStream());
            assertThat(r.statusCode()).isEqualTo(200);
            Stream s = new Stream(r);
            assertThat(s.next(":")).as("the comment that opens the stream").isNotNull();
            return s;
        }

        /** The next event of this name (":" for a comment), skipping heartbeats; fails after the wait. */
        SseEvent next(String name) throws InterruptedException {
            long deadline = System.nanoTime() + WAIT.toNanos();
            while (System.nanoTime() < deadline) {
                SseEvent e = events.poll(1, TimeUnit.SECONDS);
                if (e == null || (":".equals(e.event()) && !":".equals(name))) continue;   // heartbeats
                if (name.equals(e.event())) return e;
                throw new AssertionError("expected an event " + name + ", got " + e);
            }
            throw new AssertionError("no event " + name + " within " + WAIT);
        }

        /** What came without being asked for, after a short pause. */
        List<SseEvent> drain() throws InterruptedException {
            Thread.sleep(500);
            List<SseEvent> rest = new ArrayList<>();
            events.drainTo(rest);
            return rest;
        }

        private void read() {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                String line;
                String event = null;
                String id = null;
                StringBuilder data = null;
                while ((line = r.readLine()) != null) {
                    if (line.isEmpty()) {
                        if (event != null || data != null) events.add(new SseEvent(event == null ? "message" : event, id,
                                data == null ? null : data.toString()));
                        event = null;
                        id = null;
                        data = null;
                    } else if (line.startsWith(":")) {
                        events.add(new SseEvent(":", null, line.substring(1)));
                    } else if (line.startsWith("event:")) {
                        event = line.substring(6).trim();
                    } else if (line.startsWith("id:")) {
                        id = line.substring(3).trim();
                    } else if (line.startsWith("data:")) {
                        data = (data == null ? new StringBuilder() : data.append('\n')).append(line.substring(5).trim());
                    }
                }
            } catch (Exception e) {
                // closed at the end of the test
            }
        }

        @Override
        public void close() throws Exception {
            response.body().close();
        }
    }
}
