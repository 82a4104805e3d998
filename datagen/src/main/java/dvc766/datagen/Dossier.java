package dvc766.datagen;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.time.OffsetDateTime;
import java.util.List;

/** A dossier's current state, as an item of {@code POST /api/v1/dossiers:batch}. */
@JsonPropertyOrder({"code", "procedureCode", "unitCode", "channel", "receivedAt", "dueAt", "status", "finishedAt",
        "finishKind", "supplements", "syncedAt", "eResult", "inputsDigitized", "reusedData", "personalStoreLinked",
        "populationDataUsed", "feeAmount", "paidOnlineAt", "rating", "updatedAt"})
public record Dossier(
        String code,
        String procedureCode,
        String unitCode,
        Channel channel,
        OffsetDateTime receivedAt,
        OffsetDateTime dueAt,
        DossierStatus status,
        OffsetDateTime finishedAt,
        FinishKind finishKind,
        List<Supplement> supplements,
        OffsetDateTime syncedAt,
        // explicit: bean naming would give "eresult"
        @JsonProperty("eResult") boolean eResult,
        boolean inputsDigitized,
        boolean reusedData,
        boolean personalStoreLinked,
        boolean populationDataUsed,
        long feeAmount,
        OffsetDateTime paidOnlineAt,
        Rating rating,
        OffsetDateTime updatedAt) {

    public Dossier {
        supplements = List.copyOf(supplements);
    }

    /** One request to supplement documents; {@code returnedAt} is null while the applicant has not answered. */
    @JsonPropertyOrder({"requestedAt", "returnedAt"})
    public record Supplement(OffsetDateTime requestedAt, OffsetDateTime returnedAt) {}
}
