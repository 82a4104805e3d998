package dvc766.ingestion.domain;

import java.time.OffsetDateTime;
import java.util.List;

/** A procedure as read from the request, before validation; any field may be null. */
public record ProcedureDraft(
        String code,
        String name,
        String field,
        List<String> unitCodes,
        List<String> applicantTypes,
        String onlineLevel,
        Boolean eligibleForFullOnline,
        Boolean feeBearing,
        Boolean paymentIntegrated,
        Boolean paperResult,
        LegalTimeDraft legalTime,
        List<String> publicParts,
        OffsetDateTime madePublicAt,
        OffsetDateTime updatedAt) {

    public record LegalTimeDraft(Integer amount, String unit) {}
}
