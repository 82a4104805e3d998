package dvc766.publication;

import dvc766.contracts.events.CloudEvent;
import dvc766.contracts.events.EventType;
import dvc766.contracts.events.ScoreData;
import dvc766.contracts.events.Topics;
import dvc766.contracts.events.UnitData;
import dvc766.kit.events.EventJson;
import dvc766.testsupport.Contracts;
import dvc766.testsupport.KafkaProbe;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** Builds events as the producers send them (contract records, CloudEvents envelope, the kit's JSON) and sends them. */
final class Events {

    static final String RULE_SET = "dvcqg-2026";
    static final OffsetDateTime AS_OF = OffsetDateTime.of(2026, 11, 29, 3, 0, 0, 0, ZoneOffset.UTC);

    private Events() {}

    /** A code prefix no other test uses, so tests sharing the database do not see each other's units. */
    static String uniquePrefix() {
        return "T" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();
    }

    /** The parent each test unit was last sent with: scores carry their unit's place as the indicator does. */
    private static final java.util.Map<String, String> PARENTS = new java.util.concurrent.ConcurrentHashMap<>();

    /** The unit's ancestors, nearest first, by the parents sent so far (what the indicator puts in its score events). */
    static List<String> ancestors(String code) {
        List<String> out = new java.util.ArrayList<>();
        for (String at = PARENTS.get(code); at != null && out.size() < 32; at = PARENTS.get(at)) out.add(at);
        return out;
    }

    static String unit(String code, String name, String level, String parent, long revision) {
        if (parent == null) PARENTS.remove(code);
        else PARENTS.put(code, parent);
        UnitData data = new UnitData(code, name, level, parent, LocalDate.of(2025, 7, 1), null, null,
                AS_OF.minusDays(30).plusSeconds(revision), revision);
        return EventJson.write(CloudEvent.of(UUID.randomUUID().toString(), EventType.UNIT_UPSERTED, "/dvc766/ingestion",
                OffsetDateTime.now(ZoneOffset.UTC), code, data));
    }

    static ScoreData scoreData(String unitCode, String period, long version, String total, String band) {
        BigDecimal t = new BigDecimal(total);
        return new ScoreData(unitCode, period, RULE_SET, AS_OF.plusMinutes(version), AS_OF.plusMinutes(version).minusSeconds(5),
                version, t, new BigDecimal("100"), band,
                List.of(new ScoreData.Group("TDGQ", new BigDecimal("18.50"), new BigDecimal("20")),
                        new ScoreData.Group("MDHL", new BigDecimal("6"), new BigDecimal("18"))),
                List.of(new ScoreData.Indicator("ON_TIME_PROCESSING", "TDGQ", new BigDecimal("37"), new BigDecimal("40"),
                                new BigDecimal("0.925"), new BigDecimal("9.25"), new BigDecimal("10"), true),
                        new ScoreData.Indicator("PETITION_ON_TIME", "MDHL", BigDecimal.ZERO, BigDecimal.ZERO, null,
                                new BigDecimal("6"), new BigDecimal("6"), true),
                        new ScoreData.Indicator("PUBLIC_CONTENT_FULL", "CKMB", BigDecimal.ZERO, BigDecimal.ZERO, null,
                                new BigDecimal("2"), new BigDecimal("2"), false)),
                ancestors(unitCode).isEmpty() ? null : ancestors(unitCode).get(0), ancestors(unitCode));
    }

    static String score(ScoreData data) {
        return EventJson.write(CloudEvent.of(UUID.randomUUID().toString(), EventType.SCORE_CHANGED, "/dvc766/indicator",
                OffsetDateTime.now(ZoneOffset.UTC), key(data), data));
    }

    static String score(String unitCode, String period, long version, String total, String band) {
        return score(scoreData(unitCode, period, version, total, band));
    }

    static String key(ScoreData data) {
        return data.unitCode() + "/" + data.period() + "/" + data.ruleSet();
    }

    /** Sends the unit event; returns its event id. */
    static String sendUnit(String code, String name, String level, String parent, long revision) {
        String event = unit(code, name, level, parent, revision);
        Contracts.assertEventMatchesSchema(event);
        KafkaProbe.send(Topics.UNITS, code, event);
        return EventJson.read(event, UnitData.class).id();
    }

    /** Sends a score event, checked first against the contract's JSON Schema: the producer's view of the event. */
    static void sendScore(String unitCode, String period, long version, String total, String band) {
        String event = score(unitCode, period, version, total, band);
        Contracts.assertEventMatchesSchema(event);
        KafkaProbe.send(Topics.SCORES, unitCode + "/" + period + "/" + RULE_SET, event);
    }

    /** A valid score event as a record to send in a batch (checked against the contract like {@link #sendScore}). */
    static org.apache.kafka.clients.producer.ProducerRecord<String, String> valid(ScoreData data) {
        String event = score(data);
        Contracts.assertEventMatchesSchema(event);
        return new org.apache.kafka.clients.producer.ProducerRecord<>(Topics.SCORES, key(data), event);
    }
}
