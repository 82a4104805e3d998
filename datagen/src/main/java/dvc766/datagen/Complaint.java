package dvc766.datagen;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A feedback or petition (phản ánh, kiến nghị, PAKN), as an item of {@code POST /api/v1/complaints:import}. No personal
 * data: who sent it is not part of the index.
 */
@JsonPropertyOrder({"id", "channel", "unitCode", "category", "procedureCode", "dossierCode", "receivedAt", "transfers",
        "infoRequests", "refusedAt", "answeredAt", "publishedAt", "withdrawnAt", "rating", "raisedAgain", "updatedAt"})
public record Complaint(
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
        OffsetDateTime updatedAt) {

    public Complaint {
        transfers = List.copyOf(transfers);
        infoRequests = List.copyOf(infoRequests);
    }

    @JsonPropertyOrder({"at", "fromUnitCode", "toUnitCode"})
    public record Transfer(OffsetDateTime at, String fromUnitCode, String toUnitCode) {}

    @JsonPropertyOrder({"requestedAt", "returnedAt"})
    public record InfoRequest(OffsetDateTime requestedAt, OffsetDateTime returnedAt) {}
}
