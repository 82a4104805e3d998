package dvc766.ingestion;

import static dvc766.ingestion.Fixtures.*;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dvc766.contracts.events.Topics;
import dvc766.testsupport.EmbeddedKafkaResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The broker is stopped in the middle of a load and kept down for seconds while writes go on: every write is still
 * answered 2xx (committed with its event in the outbox), and when Kafka returns every change arrives, in order per
 * object, none missing, none with a second identity that an idempotent consumer would apply twice.
 */
@QuarkusTest
class KafkaOutageTest {

    private static final Logger LOG = Logger.getLogger(KafkaOutageTest.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int OBJECTS = 20;
    private static final Duration OUTAGE = Duration.ofSeconds(6);

    private String procedure;

    @BeforeEach
    void tree() {
        ensureTree();
        procedure = createProcedure("380");
    }

    @Test
    void loadGoesOnWhileKafkaIsDownAndEveryChangeArrivesInOrderOnce() throws Exception {
        String prefix = unique("OUT");
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < OBJECTS; i++) codes.add(prefix + "-" + i);
        Instant base = Instant.now().minus(Duration.ofHours(1));

        // the load: round after round, one batch changing every object (revision = round + 1)
        AtomicBoolean stop = new AtomicBoolean();
        AtomicInteger rounds = new AtomicInteger();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        CompletableFuture<Void> load = CompletableFuture.runAsync(() -> {
            while (!stop.get()) {
                int round = rounds.get();
                List<Map<String, Object>> items = new ArrayList<>();
                for (String code : codes) {
                    Map<String, Object> d = new LinkedHashMap<>();
                    d.put("code", code);
                    d.putAll(dossier(procedure, "380"));
                    d.put("feeAmount", 1000 + round);
                    d.put("updatedAt", base.plusSeconds(round).toString());
                    items.add(d);
                }
                Response r = given().auth().oauth2(province()).contentType(ContentType.JSON)
                        .body(Map.of("items", items)).post("/api/v1/dossiers:batch");
                List<Integer> statuses = r.statusCode() == 200 ? r.jsonPath().getList("results.status") : List.of();
                if (statuses.size() != OBJECTS || !statuses.stream().allMatch(s -> s == 200 || s == 201)) {
                    failures.add("round " + round + ": " + r.statusCode() + " " + r.asString());
                    return;
                }
                rounds.incrementAndGet();
            }
        });

        awaitRounds(rounds, 2, load);
        EmbeddedKafkaResource.stopBroker();
        int atStop = rounds.get();
        long downSince = System.nanoTime();
        try {
            Thread.sleep(OUTAGE.toMillis()); // the outage itself: writes go on meanwhile
            assertThat(failures).isEmpty();
            assertThat(rounds.get() - atStop).as("batches accepted while Kafka was down").isGreaterThanOrEqualTo(2);
            assertThat(count("SELECT count(*) FROM kit_outbox WHERE event_key LIKE ? AND sent_at IS NULL", prefix + "-%"))
                    .as("events waiting in the outbox").isPositive();
        } finally {
            EmbeddedKafkaResource.startBroker();
        }
        LOG.infof("Kafka was down %d ms; %d of the rounds so far were accepted during the outage",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - downSince), rounds.get() - atStop);
        awaitRounds(rounds, rounds.get() + 2, load);
        stop.set(true);
        load.get(60, TimeUnit.SECONDS);
        assertThat(failures).isEmpty();
        int total = rounds.get();
        assertThat(count("SELECT count(*) FROM kit_outbox WHERE event_key LIKE ?", prefix + "-%"))
                .isEqualTo((long) OBJECTS * total);

        // every change arrives: for each object revisions 1..total, first seen in that order
        Map<String, List<Long>> firstSeen = new HashMap<>();
        Map<String, String> idOfChange = new HashMap<>();
        Set<String> ids = new HashSet<>();
        int records = 0;
        try (KafkaConsumer<String, String> consumer = consumer()) {
            consumer.subscribe(List.of(Topics.DOSSIERS));
            Instant end = Instant.now().plusSeconds(120);
            while (idOfChange.size() < OBJECTS * total && Instant.now().isBefore(end)) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(200))) {
                    if (!r.key().startsWith(prefix + "-")) continue;
                    records++;
                    JsonNode event = JSON.readTree(r.value());
                    String id = event.path("id").asText();
                    long revision = event.path("data").path("revision").asLong();
                    String change = r.key() + "#" + revision;
                    String known = idOfChange.putIfAbsent(change, id);
                    // a change redelivered keeps its identity, so an idempotent consumer applies it once
                    assertThat(known == null || known.equals(id)).as("one identity for " + change).isTrue();
                    if (ids.add(id)) firstSeen.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(revision);
                }
            }
        }
        LOG.infof("%d rounds x %d objects = %d changes; %d records read (%d redelivered)", total, OBJECTS,
                OBJECTS * total, records, records - ids.size());
        assertThat(idOfChange).hasSize(OBJECTS * total);
        List<Long> expected = new ArrayList<>();
        for (long r = 1; r <= total; r++) expected.add(r);
        for (String code : codes) assertThat(firstSeen.get(code)).as("revisions of " + code).isEqualTo(expected);
        // and the outbox has handed everything over
        assertThat(count("SELECT count(*) FROM kit_outbox WHERE event_key LIKE ? AND sent_at IS NULL", prefix + "-%"))
                .isZero();
    }

    private static void awaitRounds(AtomicInteger rounds, int atLeast, CompletableFuture<Void> load) throws Exception {
        Instant end = Instant.now().plusSeconds(60);
        while (rounds.get() < atLeast && !load.isDone() && Instant.now().isBefore(end)) Thread.sleep(20);
        assertThat(rounds.get()).as("rounds of load done").isGreaterThanOrEqualTo(atLeast);
    }

    private static KafkaConsumer<String, String> consumer() {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, EmbeddedKafkaResource.bootstrapServers());
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "outage-" + UUID.randomUUID());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        return new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer());
    }
}
