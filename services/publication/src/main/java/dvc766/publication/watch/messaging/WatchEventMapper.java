package dvc766.publication.watch.messaging;

import dvc766.common.calendar.LegalTimeUnit;
import dvc766.contracts.events.CloudEvent;
import dvc766.contracts.events.DossierData;
import dvc766.contracts.events.EventType;
import dvc766.contracts.events.ProcedureData;
import dvc766.kit.events.EventJson;
import dvc766.publication.watch.domain.LegalTime;
import dvc766.publication.watch.domain.OpenDossier;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads dossier and procedure events into what the watch keeps, refusing every event that breaks the contract. */
public final class WatchEventMapper {

    /** Statuses after which a dossier is no longer open (index-766 §4: the first of these ends it). */
    static final Set<String> FINISHED = Set.of("PROCESSED", "RESULT_RETURNED", "REFUSED", "STOPPED", "WITHDRAWN");
    static final Set<String> STATUSES = Set.of("RECEIVED", "IN_PROGRESS", "AWAITING_SUPPLEMENT", "PROCESSED",
            "RESULT_RETURNED", "REFUSED", "STOPPED", "WITHDRAWN");

    private WatchEventMapper() {}

    /** An event's id and its mapped data. */
    public record Mapped<T>(String eventId, String key, T value) {}

    /** A procedure's legal time (absent when the catalogue gives none). */
    public record Procedure(String code, LegalTime legalTime, long revision, Instant updatedAt) {}

    public static Mapped<OpenDossier> dossier(String json) {
        CloudEvent<DossierData> e = read(json, DossierData.class, EventType.DOSSIER_UPSERTED);
        DossierData d = e.data();
        List<String> problems = new ArrayList<>();
        code("data.code", d.code(), problems);
        code("data.unitCode", d.unitCode(), problems);
        code("data.procedureCode", d.procedureCode(), problems);
        if (d.receivedAt() == null) problems.add("data.receivedAt is required");
        String status = d.status() == null ? null : d.status().trim().toUpperCase(Locale.ROOT);
        if (status == null || !STATUSES.contains(status)) problems.add("data.status must be one of " + STATUSES + ", got '" + d.status() + "'");
        if (d.revision() < 0) problems.add("data.revision must not be negative");
        List<OpenDossier.Supplement> supplements = new ArrayList<>();
        List<DossierData.Supplement> in = d.supplements() == null ? List.of() : d.supplements();
        for (int i = 0; i < in.size(); i++) {
            DossierData.Supplement s = in.get(i);
            if (s == null || s.requestedAt() == null) {
                problems.add("data.supplements[" + i + "].requestedAt is required");
                continue;
            }
            supplements.add(new OpenDossier.Supplement(s.requestedAt().toInstant(), instant(s.returnedAt())));
        }
        fail(problems);
        boolean finished = d.finishedAt() != null || FINISHED.contains(status);
        return new Mapped<>(e.id(), d.code().trim(), new OpenDossier(d.code().trim(), d.unitCode().trim(),
                d.procedureCode().trim(), d.receivedAt().toInstant(), instant(d.dueAt()), status, finished, supplements,
                d.revision()));
    }

    public static Mapped<Procedure> procedure(String json) {
        CloudEvent<ProcedureData> e = read(json, ProcedureData.class, EventType.PROCEDURE_UPSERTED);
        ProcedureData d = e.data();
        List<String> problems = new ArrayList<>();
        code("data.code", d.code(), problems);
        if (d.revision() < 0) problems.add("data.revision must not be negative");
        LegalTime legal = null;
        if (d.legalTime() != null) {
            LegalTimeUnit unit = null;
            try {
                unit = LegalTimeUnit.valueOf(String.valueOf(d.legalTime().unit()).trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException ex) {
                problems.add("data.legalTime.unit must be one of HOURS, DAYS, WORKING_DAYS, MONTHS");
            }
            if (d.legalTime().amount() < 0) problems.add("data.legalTime.amount must not be negative");
            if (unit != null && d.legalTime().amount() >= 0) legal = new LegalTime(d.legalTime().amount(), unit);
        }
        fail(problems);
        return new Mapped<>(e.id(), d.code().trim(), new Procedure(d.code().trim(), legal, d.revision(), instant(d.updatedAt())));
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private static <T> CloudEvent<T> read(String json, Class<T> type, EventType expected) {
        if (json == null) throw new InvalidWatchEvent("empty record (tombstone)");
        CloudEvent<T> e;
        try {
            e = EventJson.read(json, type);
        } catch (IllegalArgumentException ex) {
            throw new InvalidWatchEvent(ex.getMessage());
        }
        List<String> problems = new ArrayList<>();
        if (e.id() == null || e.id().isBlank()) problems.add("id is required");
        if (!expected.type().equals(e.type())) problems.add("type must be " + expected.type() + ", got '" + e.type() + "'");
        if (e.data() == null) problems.add("data is required");
        fail(problems);
        return e;
    }

    private static void fail(List<String> problems) {
        if (!problems.isEmpty()) throw new InvalidWatchEvent(String.join("; ", problems));
    }

    private static void code(String field, String value, List<String> problems) {
        if (value == null || value.isBlank()) problems.add(field + " is required");
        else if (value.chars().anyMatch(Character::isISOControl)) problems.add(field + " must not contain control characters");
    }
}
