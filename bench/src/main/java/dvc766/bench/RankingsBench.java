package dvc766.bench;

import dvc766.common.period.Period;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Issue 6: the public district ranking at a fixed arrival rate (open model), through the gateway, straight from the
 * publication service, and from the bare Vert.x floor answering a body of the same size, one after the other in the
 * same run.
 */
public final class RankingsBench {

    private final Setup setup;
    private final Http http;
    private final Results out;
    private final Duration phase;

    public RankingsBench(Setup setup, Http http, Results out, Duration phase) {
        this.setup = setup;
        this.http = http;
        this.out = out;
        this.phase = phase;
    }

    public void run(List<Double> rates) throws Exception {
        String period = Period.containing(Instant.now(), Period.Kind.MONTH).key();
        String query = "/public/v1/rankings?period=" + period + "&level=DISTRICT&parent=38&ruleSet=dvcqg-2026";
        HttpResponse<String> probe = http.send(HttpRequest.newBuilder(URI.create(setup.gateway() + query)).build());
        if (probe.statusCode() != 200) {
            throw new IllegalStateException("GET " + query + ": HTTP " + probe.statusCode() + " " + probe.body());
        }
        int items = Http.JSON.readTree(probe.body()).path("items").size();
        int bytes = probe.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        out.heading(String.format("Publication: GET %s (%d districts, %,d bytes), open model, %d s per row after a 5 s"
                + " warm-up at the same rate", query, items, bytes, phase.toSeconds()),
                "path", "rate", "throughput", "p50", "p99", "max", "answered", "errors");
        String[][] targets = {
                {"gateway → publication (what the public gets)", setup.gateway() + query},
                {"publication directly (no gateway)", setup.publication() + query},
                {"floor: bare Vert.x, body of the same size", setup.floor() + "/floor/bytes?n=" + bytes},
        };
        for (double rate : rates) {
            for (String[] t : targets) {
                URI uri = URI.create(t[1]);
                Stats s = OpenLoad.run(http.client(), i -> HttpRequest.newBuilder(uri).header("Accept", "application/json")
                        .build(), rate, Duration.ofSeconds(5), phase, Duration.ofSeconds(10));
                out.row(t[0], String.format("%.0f/s", rate), String.format("%.0f/s", s.itemsPerSecond()),
                        Results.ms(s.p50()), Results.ms(s.p99()), Results.ms(s.maxMs()), s.count(), s.errorSummary());
                // a saturated target's backlog must not spill into the next row
                waitIdle(uri);
            }
        }
    }

    /** Until one request is answered within 200 ms again (at most 60 s). */
    private void waitIdle(URI uri) throws InterruptedException {
        long end = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < end) {
            long t = System.nanoTime();
            try {
                if (http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(30)).build()).statusCode() == 200
                        && System.nanoTime() - t < 200_000_000L) return;
            } catch (RuntimeException e) {
                // still busy
            }
            Thread.sleep(500);
        }
    }
}
