package dvc766.ingestion.domain;

import dvc766.common.calendar.LegalTimeUnit;
import java.time.Instant;
import java.util.List;

/** A valid procedure (TTHC) state. Lists are sorted and free of duplicates, so equal content compares equal. */
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
        Instant madePublicAt,
        Instant updatedAt) {

    public Procedure {
        unitCodes = List.copyOf(unitCodes);
        applicantTypes = List.copyOf(applicantTypes);
        publicParts = List.copyOf(publicParts);
    }

    public record LegalTime(int amount, LegalTimeUnit unit) {}

    public boolean sameContentAs(Procedure other) {
        return other != null && withUpdatedAt(other.updatedAt).equals(other);
    }

    public Procedure withUpdatedAt(Instant t) {
        return new Procedure(code, name, field, unitCodes, applicantTypes, onlineLevel, eligibleForFullOnline, feeBearing,
                paymentIntegrated, paperResult, legalTime, publicParts, madePublicAt, t);
    }
}
