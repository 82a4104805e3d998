package dvc766.publication.watch.domain;

import java.time.Instant;
import java.util.List;

/**
 * What the watch keeps of a dossier (index-766 §10): enough to know its deadline and whether it is still open.
 * {@code revision} is ingestion's counter per dossier and orders updates.
 */
public record OpenDossier(String code, String unitCode, String procedureCode, Instant receivedAt, Instant dueAt,
        String status, boolean finished, List<Supplement> supplements, long revision) {

    /** One request to supplement documents; {@code returnedAt} absent while still awaited. */
    public record Supplement(Instant requestedAt, Instant returnedAt) {}

    public OpenDossier {
        supplements = supplements == null ? List.of() : List.copyOf(supplements);
    }
}
