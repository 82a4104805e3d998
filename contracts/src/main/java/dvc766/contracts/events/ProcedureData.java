package dvc766.contracts.events;

import java.time.OffsetDateTime;
import java.util.List;

/** A TTHC of the catalogue (index-766 §10). */
public record ProcedureData(
        String code,
        String name,
        String field,
        List<String> unitCodes,
        List<String> applicantTypes,
        String onlineLevel,
        boolean eligibleForFullOnline,
        boolean feeBearing,
        boolean paymentIntegrated,
        boolean paperResult,
        LegalTime legalTime,
        List<String> publicParts,
        OffsetDateTime madePublicAt,
        OffsetDateTime updatedAt,
        long revision) {

    /** Legal processing time; unit is HOURS, DAYS, WORKING_DAYS or MONTHS. */
    public record LegalTime(int amount, String unit) {}
}
