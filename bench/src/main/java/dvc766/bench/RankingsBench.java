package dvc766.bench;

import dvc766.common.period.Period;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

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

    public void run(double rate) throws Exception {
        String period = Period.containing(Instant.now(), Period.Kind.MONTH).key();
        String query = "/public/v1/rankings?period=" + period + "&level=DISTRICT&parent=38&ruleSet=dvcqg-2026";
        HttpResponse<String> probe = http.send(HttpRequest.newBuilder(URI.create(setup.gateway() + query)).build());
        if (probe.statusCode() != 200) {
            throw new IllegalStateException("GET " + query + ": HTTP " + probe.statusCode() + " " + probe.body());
        }
        int items = Http.JSON.readTree(probe.body()).path("items").size();
        int bytes = probe.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        out.heading(String.format("Publication: GET %s (%d districts, %,d bytes) at %.0f requests/s, open model, %d s"
                + " after a 5 s warm-up", query, items, bytes, rate, phase.toSeconds()),
                "path", "throughput", "p50", "p99", "max", "requests", "errors");
        String[][] targets = {
                {"gateway → publication (what the public gets)", setup.gateway() + query},
                {"publication directly (no gateway)", setup.publication() + query},
                {"floor: bare Vert.x, body of the same size", setup.floor() + "/floor/bytes?n=" + bytes},
        };
        for (String[] t : targets) {
            URI uri = URI.create(t[1]);
            Stats s = OpenLoad.run(http.client(), i -> HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                    .header("Accept", "application/json").build(), rate, Duration.ofSeconds(5), phase, Duration.ofSeconds(10));
            out.stats(t[0], "requests", s);
        }
    }
}
