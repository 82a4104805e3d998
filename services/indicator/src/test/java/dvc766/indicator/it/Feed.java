package dvc766.indicator.it;

import static io.restassured.RestAssured.given;

import dvc766.contracts.events.CloudEvent;
import dvc766.contracts.events.ComplaintData;
import dvc766.contracts.events.DossierData;
import dvc766.contracts.events.EventType;
import dvc766.contracts.events.ProcedureData;
import dvc766.contracts.events.PublishingDecisionData;
import dvc766.contracts.events.UnitData;
import dvc766.kit.events.EventJson;
import dvc766.testsupport.KafkaProbe;
import dvc766.testsupport.TestTokens;
import io.restassured.path.json.JsonPath;
import io.restassured.path.json.config.JsonPathConfig;
import io.restassured.response.Response;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;

/** Feeds the service as ingestion does (CloudEvents on the fact topics) and reads its scores back. */
final class Feed {

    static final String RULE_SET = "dvcqg-2026";

    private Feed() {}

    /** A fresh code prefix, so that tests sharing one database and one broker never see each other's units. */
    static String prefix() {
        return "T" + Long.toString(ThreadLocalRandom.current().nextLong(36L * 36 * 36 * 36 * 36, 36L * 36 * 36 * 36 * 36 * 36), 36).toUpperCase();
    }

    static OffsetDateTime t(String iso) {
        return OffsetDateTime.parse(iso);
    }

    record Sent(String id, String key, String json, EventType type) {}

    static Sent event(EventType type, String key, Object data) {
        String id = UUID.randomUUID().toString();
        String json = EventJson.write(CloudEvent.of(id, type, "/dvc766/ingestion", OffsetDateTime.now(ZoneOffset.UTC), key, data));
        return new Sent(id, key, json, type);
    }

    static Sent unit(String code, String level, String parent, long revision) {
        return event(EventType.UNIT_UPSERTED, code, new UnitData(code, "Đơn vị " + code, level, parent, LocalDate.of(2022, 1, 1), null, null,
                OffsetDateTime.now(ZoneOffset.UTC), revision));
    }

    static Sent procedure(String code, int amount, String unit, boolean paperResult, long revision) {
        return event(EventType.PROCEDURE_UPSERTED, code, new ProcedureData(code, "Thủ tục " + code, "Xây dựng", List.of(), List.of("CITIZEN"),
                "FULL", true, true, true, paperResult, new ProcedureData.LegalTime(amount, unit), List.of(), null,
                OffsetDateTime.now(ZoneOffset.UTC), revision));
    }

    static Sent unit(String code, String level, String parent, long revision, LocalDate eCertifiedCopySince) {
        return event(EventType.UNIT_UPSERTED, code, new UnitData(code, "Đơn vị " + code, level, parent, LocalDate.of(2022, 1, 1), null,
                eCertifiedCopySince, OffsetDateTime.now(ZoneOffset.UTC), revision));
    }

    /** A unit with its whole dated place in the tree; its parentCode is that of the newest edge when it is still open. */
    static Sent unit(String code, String level, long revision, List<UnitData.ParentEdge> edges) {
        UnitData.ParentEdge last = edges.isEmpty() ? null : edges.get(edges.size() - 1);
        String parent = last == null || last.validTo() != null ? null : last.parentCode();
        return event(EventType.UNIT_UPSERTED, code, new UnitData(code, "Đơn vị " + code, level, parent, last == null ? null : last.validFrom(),
                null, null, t("2025-01-01T00:00Z").plusMinutes(revision), revision, edges));
    }

    static UnitData.ParentEdge edge(String parent, String from, String to) {
        return new UnitData.ParentEdge(parent, from == null ? null : LocalDate.parse(from), to == null ? null : LocalDate.parse(to));
    }

    /** A procedure with its catalogue facts. */
    static Sent procedure(String code, List<String> unitCodes, String onlineLevel, boolean feeBearing, boolean paymentIntegrated,
            List<String> applicantTypes, OffsetDateTime madePublicAt, List<String> publicParts, long revision) {
        return event(EventType.PROCEDURE_UPSERTED, code, new ProcedureData(code, "Thủ tục " + code, "Xây dựng", unitCodes, applicantTypes,
                onlineLevel, true, feeBearing, paymentIntegrated, false, new ProcedureData.LegalTime(5, "WORKING_DAYS"), publicParts, madePublicAt,
                t("2025-01-01T00:00Z").plusMinutes(revision), revision));
    }

    /** A publishing decision (source /dvc766/ingestion), key unitCode/number. */
    static Sent decision(String unit, String number, LocalDate signedOn, LocalDate effectiveOn, List<PublishingDecisionData.Procedure> items,
            long revision) {
        PublishingDecisionData d = new PublishingDecisionData(unit, number, signedOn, effectiveOn, items, t("2025-01-01T00:00Z").plusMinutes(revision),
                revision);
        return event(EventType.PUBLISHING_DECISION_UPSERTED, d.key(), d);
    }

    static void send(Sent... events) {
        send(List.of(events));
    }

    /** Sends in order, each on its own topic, keyed by the object's code. */
    static void send(List<Sent> events) {
        for (Sent e : events) KafkaProbe.send(e.type().topic(), e.key(), e.json());
    }

    /** A dossier state; build() gives the data, sent() the event. */
    static Dossier dossier(String code, String procedure, String unit, String receivedAt) {
        return new Dossier(code, procedure, unit, t(receivedAt));
    }

    static final class Dossier {
        final String code, procedure;
        String unit;
        final OffsetDateTime received;
        OffsetDateTime due, finished, synced, paid, updated = t("2025-01-01T00:00Z");
        String status = "IN_PROGRESS", finishKind, channel = "DIRECT", rating;
        final List<DossierData.Supplement> supplements = new ArrayList<>();
        boolean eResult, digitized, reused, personal, population;
        BigDecimal fee = BigDecimal.ZERO;
        long revision = 1;

        Dossier(String code, String procedure, String unit, OffsetDateTime received) {
            this.code = code;
            this.procedure = procedure;
            this.unit = unit;
            this.received = received;
        }

        Dossier due(String at) { due = t(at); return this; }
        Dossier due(OffsetDateTime at) { due = at; return this; }
        Dossier finished(String at) { finished = t(at); finishKind = "RESULT_RETURNED"; status = "RESULT_RETURNED"; return this; }
        Dossier withdrawn(String at) { finished = t(at); finishKind = "WITHDRAWN"; status = "WITHDRAWN"; return this; }
        Dossier supplement(String requested, String returned) {
            supplements.add(new DossierData.Supplement(t(requested), returned == null ? null : t(returned)));
            return this;
        }
        Dossier revision(long r) { revision = r; updated = t("2025-01-01T00:00Z").plusMinutes(r); return this; }
        Dossier unit(String u) { unit = u; return this; }
        Dossier online() { channel = "ONLINE"; return this; }
        Dossier synced(OffsetDateTime at) { synced = at; return this; }
        Dossier digitized(boolean v) { digitized = v; return this; }
        Dossier eResult(boolean v) { eResult = v; return this; }
        Dossier fee(long amount, OffsetDateTime paidAt) { fee = BigDecimal.valueOf(amount); paid = paidAt; return this; }
        Dossier rating(String r) { rating = r; return this; }
        Dossier population(boolean v) { population = v; return this; }
        Dossier finishedAt(OffsetDateTime at, String kind) { finished = at; finishKind = kind; status = kind; return this; }
        Dossier supplement(OffsetDateTime requested, OffsetDateTime returned) {
            supplements.add(new DossierData.Supplement(requested, returned));
            return this;
        }

        DossierData build() {
            return new DossierData(code, procedure, unit, channel, received, due, status, finished, finishKind, List.copyOf(supplements),
                    synced, eResult, digitized, reused, personal, population, fee, paid, rating, updated, revision);
        }

        Sent sent() {
            return event(EventType.DOSSIER_UPSERTED, code, build());
        }
    }

    /** A PAKN state; sent() gives the event (source /dvc766/complaint). */
    static Complaint complaint(String id, String unit, String receivedAt) {
        return new Complaint(id, unit, t(receivedAt));
    }

    static final class Complaint {
        final String id;
        String unit, category = "TTHC_REGULATION", dossier, rating;
        final OffsetDateTime received;
        OffsetDateTime refused, answered, published, withdrawn, updated = t("2025-01-01T00:00Z");
        final List<ComplaintData.Transfer> transfers = new ArrayList<>();
        final List<ComplaintData.InfoRequest> infos = new ArrayList<>();
        boolean raisedAgain;
        long revision = 1;

        Complaint(String id, String unit, OffsetDateTime received) {
            this.id = id;
            this.unit = unit;
            this.received = received;
        }

        Complaint dossier(String code) { dossier = code; return this; }
        Complaint answered(String at) { answered = t(at); return this; }
        Complaint published(String at) { published = t(at); return this; }
        Complaint refused(String at) { refused = t(at); return this; }
        Complaint rating(String r) { rating = r; return this; }
        Complaint conduct() { category = "OFFICIAL_CONDUCT"; return this; }
        Complaint transfer(String at, String to) { transfers.add(new ComplaintData.Transfer(t(at), unit, to)); unit = to; return this; }
        Complaint info(OffsetDateTime requested, OffsetDateTime returned) { infos.add(new ComplaintData.InfoRequest(requested, returned)); return this; }
        Complaint answered(OffsetDateTime at) { answered = at; return this; }
        Complaint published(OffsetDateTime at) { published = at; return this; }
        Complaint revision(long r) { revision = r; updated = t("2025-01-01T00:00Z").plusMinutes(r); return this; }

        ComplaintData build() {
            return new ComplaintData(id, "NATIONAL_PAKN", unit, category, null, dossier, received, List.copyOf(transfers), List.copyOf(infos),
                    refused, answered, published, withdrawn, rating, raisedAgain, answered == null ? "IN_PROGRESS" : "ANSWERED", updated, revision);
        }

        Sent sent() {
            String eventId = UUID.randomUUID().toString();
            String json = EventJson.write(CloudEvent.of(eventId, EventType.COMPLAINT_UPSERTED, "/dvc766/complaint",
                    OffsetDateTime.now(ZoneOffset.UTC), id, build()));
            return new Sent(eventId, id, json, EventType.COMPLAINT_UPSERTED);
        }
    }

    /** The current score, or null when there is none (404). */
    static JsonPath score(String unit, String period) {
        return score(unit, period, RULE_SET);
    }

    /** The current score under a rule set, or null when there is none (404). */
    static JsonPath score(String unit, String period, String ruleSet) {
        Response r = given().auth().oauth2(TestTokens.admin()).queryParam("period", period).queryParam("ruleSet", ruleSet)
                .get("/api/v1/scores/{unit}", unit);
        if (r.statusCode() == 404) return null;
        if (r.statusCode() != 200) throw new AssertionError("GET score " + unit + " " + period + " → " + r.statusCode() + " " + r.asString());
        return r.jsonPath(JsonPathConfig.jsonPathConfig().numberReturnType(JsonPathConfig.NumberReturnType.BIG_DECIMAL));
    }

    /** numerator/denominator of an indicator in a score, e.g. "3/5"; "none" when there is no score yet. */
    static String counts(String unit, String period, String indicator) {
        return counts(unit, period, indicator, RULE_SET);
    }

    /** numerator/denominator of an indicator in the score under a rule set; "none" when there is no score yet. */
    static String counts(String unit, String period, String indicator, String ruleSet) {
        JsonPath s = score(unit, period, ruleSet);
        if (s == null) return "none";
        Map<String, Object> i = s.getMap("indicators.find { it.code == '" + indicator + "' }");
        return new BigDecimal(i.get("numerator").toString()).stripTrailingZeros().toPlainString() + "/"
                + new BigDecimal(i.get("denominator").toString()).stripTrailingZeros().toPlainString();
    }

    /** A number of a score, as an exact decimal (JSON integers and fractions alike). */
    static BigDecimal decimal(JsonPath s, String path) {
        Object v = s.get(path);
        return v == null ? null : new BigDecimal(v.toString());
    }

    static String indicatorsJson(JsonPath s) {
        return s.getList("indicators").stream().map(Object::toString).collect(Collectors.joining("\n"));
    }
}
