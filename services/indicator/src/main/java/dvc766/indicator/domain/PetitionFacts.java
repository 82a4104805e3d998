package dvc766.indicator.domain;

import java.time.Instant;
import java.util.List;

/**
 * What the formulas need to know about one PAKN (phản ánh, kiến nghị; index-766 §10, §11): the unit currently
 * competent for it and the times of its steps.
 */
public record PetitionFacts(
        String id,
        String unitCode,
        String category,
        String dossierCode,
        Instant receivedAt,
        List<Instant> transfers,
        List<Wait> infoRequests,
        Instant refusedAt,
        Instant answeredAt,
        Instant publishedAt,
        Instant withdrawnAt,
        String rating,
        boolean raisedAgain) {

    public PetitionFacts {
        transfers = transfers == null ? List.of() : List.copyOf(transfers);
        infoRequests = infoRequests == null ? List.of() : List.copyOf(infoRequests);
    }

    /** A request for more information; {@code returnedAt} absent while it is awaited. */
    public record Wait(Instant requestedAt, Instant returnedAt) {}
}
