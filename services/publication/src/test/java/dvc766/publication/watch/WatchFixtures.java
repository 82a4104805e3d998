package dvc766.publication.watch;

import dvc766.contracts.events.CloudEvent;
import dvc766.contracts.events.DossierData;
import dvc766.contracts.events.EventType;
import dvc766.contracts.events.HolidayYearData;
import dvc766.contracts.events.ProcedureData;
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

/** Events as the producers send them (contract records, CloudEvents envelope, checked against the JSON Schemas). */
final class WatchFixtures {

    static final String RULE_SET = "dvcqg-2026";

    private WatchFixtures() {}

    /** A code prefix no other test uses: each test builds its own small tree. */
    static String uniquePrefix() {
        return "W" + Long.toString(ThreadLocalRandom.current().nextLong(1L << 40), 36).toUpperCase();
    }

    static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }

    static void unit(String code, String name, String level, String parent) {
        UnitData data = new UnitData(code, name, level, parent, LocalDate.of(2025, 7, 1), null, null, now(), 1);
        send(Topics.UNITS, code, CloudEvent.of(UUID.randomUUID().toString(), EventType.UNIT_UPSERTED, "/dvc766/ingestion",
                now(), code, data));
    }

    static void procedure(String code, String unitCode, int amount, String unit, long revision) {
        ProcedureData data = new ProcedureData(code, "Cấp giấy phép xây dựng", "Xây dựng", List.of(unitCode),
                List.of("CITIZEN"), "FULL", true, false, false, false, new ProcedureData.LegalTime(amount, unit),
                List.of("NAME"), null, now(), revision);
        send(Topics.PROCEDURES, code, CloudEvent.of(UUID.randomUUID().toString(), EventType.PROCEDURE_UPSERTED,
                "/dvc766/ingestion", now(), code, data));
    }

    /** A dossier with the given state; {@code supplements} as (requestedAt, returnedAt) pairs. */
    static DossierData dossier(String code, String procedure, String unit, OffsetDateTime receivedAt, OffsetDateTime dueAt,
            String status, long revision, DossierData.Supplement... supplements) {
        boolean finished = List.of("PROCESSED", "RESULT_RETURNED", "REFUSED", "STOPPED", "WITHDRAWN").contains(status);
        return new DossierData(code, procedure, unit, "ONLINE", receivedAt, dueAt, status,
                finished ? receivedAt.plusHours(1) : null, finished ? status : null, List.of(supplements), null,
                false, false, false, false, false, BigDecimal.ZERO, null, null, now(), revision);
    }

    static void send(DossierData d) {
        send(Topics.DOSSIERS, d.code(), CloudEvent.of(UUID.randomUUID().toString(), EventType.DOSSIER_UPSERTED,
                "/dvc766/ingestion", now(), d.code(), d));
    }

    static void score(String unitCode, String period, long version, String total) {
        ScoreData data = new ScoreData(unitCode, period, RULE_SET, now(), now(), version, new BigDecimal(total),
                new BigDecimal("100"), "KHA", List.of(new ScoreData.Group("TDGQ", new BigDecimal("10"), new BigDecimal("20"))),
                List.of());
        send(Topics.SCORES, unitCode + "/" + period + "/" + RULE_SET, CloudEvent.of(UUID.randomUUID().toString(),
                EventType.SCORE_CHANGED, "/dvc766/indicator", now(), unitCode + "/" + period + "/" + RULE_SET, data));
    }

    /** A replaced calendar year whose only day off is {@code dayOff} (a weekday). */
    static void calendarYear(int year, LocalDate dayOff, long revision) {
        HolidayYearData data = new HolidayYearData(year, "official", "test", List.of(
                new HolidayYearData.DayOff(dayOff, "Ngày nghỉ thử", "COMPENSATING")), List.of(), revision);
        send(Topics.CALENDAR, Integer.toString(year), CloudEvent.of(UUID.randomUUID().toString(),
                EventType.HOLIDAY_YEAR_REPLACED, "/dvc766/indicator", now(), Integer.toString(year), data));
    }

    private static void send(String topic, String key, Object event) {
        String json = EventJson.write(event);
        Contracts.assertEventMatchesSchema(json);
        KafkaProbe.send(topic, key, json);
    }
}
