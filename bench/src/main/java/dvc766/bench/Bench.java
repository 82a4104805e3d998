package dvc766.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs the benchmarks against a stack started by ./dvc766 (see bench/run and docs/benchmarks.md).
 *
 * <pre>
 * java -cp … dvc766.bench.Bench [ingest] [latency] [recompute] [rankings]
 *      [--offset 20000] [--floor-port 28090] [--results file.md] [--phase-seconds 20]
 *      [--batch-concurrency 1] [--single-concurrency 8] [--rates 5,20,50] [--rankings-rates 50,200] [--dossiers 1000000]
 * </pre>
 */
public final class Bench {

    private Bench() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = new HashMap<>();
        List<String> what = new java.util.ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].startsWith("--")) opt.put(args[i].substring(2), args[++i]);
            else what.add(args[i]);
        }
        if (what.isEmpty()) what = List.of("ingest", "latency", "rankings", "recompute");
        Setup setup = new Setup(Integer.parseInt(opt.getOrDefault("offset", "20000")),
                Integer.parseInt(opt.getOrDefault("floor-port", "28090")),
                Path.of(opt.getOrDefault("results", "bench/target/results.md")));
        Duration phase = Duration.ofSeconds(Long.parseLong(opt.getOrDefault("phase-seconds", "20")));
        Results out = new Results(setup.results());
        Http http = new Http(setup.issuer(), opt.getOrDefault("client", "demo-agency"),
                opt.getOrDefault("secret", "demo-agency-secret"));
        try (KafkaLag lag = new KafkaLag(setup.kafka())) {
            for (String w : what) {
                long t0 = System.nanoTime();
                System.out.println("== " + w);
                // whatever the previous benchmark (or the demo load) left for the indicator is done first
                double quiet = lag.waitQuiet(Duration.ofSeconds(300));
                System.out.printf("   (platform consumers caught up: %s)%n", quiet < 0 ? "NOT within 300 s" : String.format("after %.0f s", quiet));
                switch (w) {
                    case "ingest" -> new IngestBench(setup, http, out, lag, phase,
                            Integer.parseInt(opt.getOrDefault("batch-concurrency", "1")),
                            Integer.parseInt(opt.getOrDefault("single-concurrency", "8"))).run();
                    case "latency" -> new ScoreLatencyBench(setup, http, out, lag, phase).run(Arrays.stream(
                            opt.getOrDefault("rates", "5,20,50").split(",")).map(Double::valueOf).toList());
                    case "rankings" -> new RankingsBench(setup, http, out, phase).run(Arrays.stream(
                            opt.getOrDefault("rankings-rates", "50,200").split(",")).map(Double::valueOf).toList());
                    case "recompute" -> new RecomputeBench(setup.jdbcUrl(), "dvc", "dvc", out)
                            .withService(new ServiceRecompute(setup, Http.user(setup.issuer(), "dvc-cli", "admin", "admin"), out))
                            .run(Integer.parseInt(opt.getOrDefault("dossiers", "1000000")));
                    default -> throw new IllegalArgumentException("unknown benchmark " + w
                            + " (ingest, latency, rankings, recompute)");
                }
                System.out.printf("== %s done in %.0f s%n", w, (System.nanoTime() - t0) / 1e9);
            }
        }
        System.exit(0); // the HTTP client's and Kafka's threads
    }
}
