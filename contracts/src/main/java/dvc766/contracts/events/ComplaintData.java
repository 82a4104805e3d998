package dvc766.contracts.events;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The whole current state of a PAKN (phản ánh, kiến nghị), index-766 §10 and §11, as the indicator needs it: times of
 * every step, never the citizen's text or contact. {@code unitCode} is the unit currently competent.
 */
public record ComplaintData(
        String id,
        String channel,
        String unitCode,
        String category,
        String procedureCode,
        String dossierCode,
        OffsetDateTime receivedAt,
        List<Transfer> transfers,
        List<InfoRequest> infoRequests,
        OffsetDateTime refusedAt,
        OffsetDateTime answeredAt,
        OffsetDateTime publishedAt,
        OffsetDateTime withdrawnAt,
        String rating,
        boolean raisedAgain,
        String status,
        OffsetDateTime updatedAt,
        long revision) {

    /** A transfer to the competent unit; the deadlines are counted again from {@code at}. */
    public record Transfer(OffsetDateTime at, String fromUnitCode, String toUnitCode) {}

    /** A request for more information; {@code returnedAt} absent while still awaited. */
    public record InfoRequest(OffsetDateTime requestedAt, OffsetDateTime returnedAt) {}
}
