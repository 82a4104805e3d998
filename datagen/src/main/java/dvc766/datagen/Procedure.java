package dvc766.datagen;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dvc766.common.calendar.LegalTimeUnit;
import java.time.OffsetDateTime;
import java.util.List;

/** A TTHC of the catalogue, as an item of {@code POST /api/v1/procedures:batch}. */
@JsonPropertyOrder({"code", "name", "field", "unitCodes", "applicantTypes", "onlineLevel", "eligibleForFullOnline",
        "feeBearing", "paymentIntegrated", "paperResult", "legalTime", "publicParts", "madePublicAt", "updatedAt"})
public record Procedure(
        String code,
        String name,
        String field,
        List<String> unitCodes,
        List<ApplicantType> applicantTypes,
        OnlineLevel onlineLevel,
        boolean eligibleForFullOnline,
        boolean feeBearing,
        boolean paymentIntegrated,
        boolean paperResult,
        LegalTime legalTime,
        List<PublicPart> publicParts,
        OffsetDateTime madePublicAt,
        OffsetDateTime updatedAt) {

    public Procedure {
        unitCodes = List.copyOf(unitCodes);
        applicantTypes = List.copyOf(applicantTypes);
        publicParts = List.copyOf(publicParts);
    }

    /** The legal processing time. */
    @JsonPropertyOrder({"amount", "unit"})
    public record LegalTime(int amount, LegalTimeUnit unit) {}
}
