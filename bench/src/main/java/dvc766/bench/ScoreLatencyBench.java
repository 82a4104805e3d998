package dvc766.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dvc766.datagen.DemoParams;
import dvc766.datagen.DemoStructure;
import dvc766.datagen.Dossier;
import dvc766.datagen.UnitLevel;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Issue 3: how long one dossier takes to move a score, under a steady load. Dossiers of the current month are PUT
 * through the gateway at a fixed rate (open model), each to the next commune in turn, so that a commune has at most
 * one dossier in flight; a Kafka consumer of dvc.dossiers.v1 and dvc.scores.v1 sees the dossier's event and then the
 * first score event of its commune. Three figures per dossier: gateway answer → score event seen by the consumer;
 * dossier event → score event (both Kafka record timestamps, the indicator's own share); and intended send → score
 * event seen (everything, coordinated-omission free).
 */
public final class ScoreLatencyBench {

    private record Pending(String unit, long intendedMs, long[] acceptedMs) {}

    private final Setup setup;
    private final Http http;
    private final Results out;
    private final KafkaLag lag;
    private final Duration phase;
    private final String runId = Long.toString(System.currentTimeMillis() / 1000 % 1_000_000, 36);

    private final Map<String, Pending> pendingByUnit = new ConcurrentHashMap<>();
    private final Map<String, Long> dossierEventMs = new ConcurrentHashMap<>();
    private final Map<String, String> codeByUnit = new ConcurrentHashMap<>();
    private Stats fromAccepted;
    private Stats kafkaToKafka;
    private Stats fromIntended;

    public ScoreLatencyBench(Setup setup, Http http, Results out, KafkaLag lag, Duration phase) {
        this.setup = setup;
        this.http = http;
        this.out = out;
        this.lag = lag;
        this.phase = phase;
    }

    public void run(List<Double> rates) throws Exception {
        // this month's dossiers of the demo province, queued per commune
        Map<String, Deque<Dossier>> byCommune = new LinkedHashMap<>();
        DemoStructure structure = DemoStructure.build(DemoParams.defaults(Instant.now()).withMonths(1).withDossiersPerMonth(60_000));
        structure.units().stream().filter(u -> u.level() == UnitLevel.COMMUNE).forEach(u -> byCommune.put(u.code(), new ArrayDeque<>()));
        structure.dossiers().forEach(d -> { Deque<Dossier> q = byCommune.get(d.unitCode()); if (q != null) q.add(d); });
        List<String> communes = new ArrayList<>(byCommune.keySet());
        byCommune.values().removeIf(Deque::isEmpty);
        communes.retainAll(byCommune.keySet());

        AtomicBoolean stop = new AtomicBoolean();
        Thread consumer = new Thread(() -> consume(stop), "bench-score-consumer");
        consumer.start();
        waitAssigned();

        out.heading("Indicator: dossier → score event, single PUTs through the gateway at a fixed rate, "
                + phase.toSeconds() + " s per rate, each to the next of " + communes.size() + " communes",
                "rate", "measured from", "p50", "p99", "max", "dossiers", "missing");
        int[] cursor = {0};
        for (int r = 0; r < rates.size(); r++) {
            double rate = rates.get(r);
            if (r == 0) pace(rate, Duration.ofSeconds(5), communes, byCommune, cursor, false); // warm-up
            lag.waitQuiet(Duration.ofSeconds(60));
            fromAccepted = new Stats();
            kafkaToKafka = new Stats();
            fromIntended = new Stats();
            int sent = pace(rate, phase, communes, byCommune, cursor, true);
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!pendingByUnit.isEmpty() && System.nanoTime() < deadline) Thread.sleep(50);
            int missing = pendingByUnit.size();
            pendingByUnit.clear();
            String label = String.format("%.0f/s", rate);
            out.row(label, "gateway answered (201)", Results.ms(fromAccepted.p50()), Results.ms(fromAccepted.p99()),
                    Results.ms(fromAccepted.maxMs()), sent, missing);
            out.row(label, "dossier event on Kafka", Results.ms(kafkaToKafka.p50()), Results.ms(kafkaToKafka.p99()),
                    Results.ms(kafkaToKafka.maxMs()), kafkaToKafka.count(), "");
            out.row(label, "intended send (open model)", Results.ms(fromIntended.p50()), Results.ms(fromIntended.p99()),
                    Results.ms(fromIntended.maxMs()), fromIntended.count(), "");
        }
        stop.set(true);
        consumer.join(5000);
    }

    /** Sends at the rate for the duration; returns how many dossiers were accepted. */
    private int pace(double rate, Duration length, List<String> communes, Map<String, Deque<Dossier>> byCommune,
            int[] cursor, boolean measure) throws InterruptedException {
        long interval = Math.round(1e9 / rate);
        int total = (int) (length.toNanos() / interval);
        long start = System.nanoTime();
        long startMs = System.currentTimeMillis();
        int[] accepted = {0};
        List<java.util.concurrent.CompletableFuture<?>> calls = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            long due = start + i * interval;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) LockSupport.parkNanos(wait);
            String unit = communes.get(cursor[0]++ % communes.size());
            Dossier d = byCommune.get(unit).poll();
            if (d == null) continue;
            String code = "L" + runId + "-" + d.code();
            long intendedMs = startMs + (due - start) / 1_000_000;
            long[] acceptedMs = {-1};
            if (measure) {
                codeByUnit.put(unit, code);
                pendingByUnit.put(unit, new Pending(unit, intendedMs, acceptedMs));
            }
            HttpRequest req = HttpRequest.newBuilder(URI.create(setup.gateway() + "/api/v1/dossiers/" + code))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + http.token())
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(Dossiers.singleBody(Dossiers.withCode(d, code)))).build();
            calls.add(http.client().sendAsync(req, HttpResponse.BodyHandlers.ofString()).whenComplete((resp, failure) -> {
                if (failure == null && resp.statusCode() / 100 == 2) {
                    acceptedMs[0] = System.currentTimeMillis();
                    synchronized (accepted) {
                        accepted[0]++;
                    }
                } else {
                    pendingByUnit.remove(unit);
                    System.err.println("  (PUT failed: " + (failure != null ? failure : resp.statusCode() + " " + resp.body()) + ")");
                }
            }));
        }
        for (var c : calls) {
            try {
                c.get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                // counted as not accepted
            }
        }
        synchronized (accepted) {
            return accepted[0];
        }
    }

    private volatile boolean assigned;

    private void waitAssigned() throws InterruptedException {
        while (!assigned) Thread.sleep(20);
    }

    private void consume(AtomicBoolean stop) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, setup.kafka());
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "10");
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> parts = new ArrayList<>();
            for (String topic : List.of("dvc.dossiers.v1", "dvc.scores.v1")) {
                c.partitionsFor(topic).forEach(pi -> parts.add(new TopicPartition(topic, pi.partition())));
            }
            c.assign(parts);
            c.seekToEnd(parts);
            parts.forEach(c::position); // resolve the end offsets now, before the first dossier is sent
            assigned = true;
            while (!stop.get()) {
                for (ConsumerRecord<String, String> rec : c.poll(Duration.ofMillis(20))) {
                    long seenMs = System.currentTimeMillis();
                    if (rec.topic().equals("dvc.dossiers.v1")) dossierEventMs.put(rec.key(), rec.timestamp());
                    else onScore(rec, seenMs);
                }
            }
        }
    }

    private void onScore(ConsumerRecord<String, String> rec, long seenMs) {
        String unit;
        try {
            JsonNode event = Http.JSON.readTree(rec.value());
            unit = event.path("data").path("unitCode").asText();
        } catch (Exception e) {
            return;
        }
        Pending p = pendingByUnit.get(unit);
        // a score event made before this dossier was even due belongs to an earlier one
        if (p == null || rec.timestamp() < p.intendedMs()) return;
        pendingByUnit.remove(unit);
        long ms = TimeUnit.MILLISECONDS.toNanos(1);
        if (p.acceptedMs()[0] > 0) fromAccepted.record((seenMs - p.acceptedMs()[0]) * ms, 1);
        fromIntended.record((seenMs - p.intendedMs()) * ms, 1);
        Long dossierMs = dossierEventMs.remove(codeByUnit.get(unit));
        if (dossierMs != null) kafkaToKafka.record((rec.timestamp() - dossierMs) * ms, 1);
    }
}
