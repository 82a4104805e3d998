package dvc766.ingestion.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A unit as read from the request, before validation. */
public record UnitDraft(
        String code,
        String name,
        String level,
        String parentCode,
        LocalDate validFrom,
        LocalDate validTo,
        LocalDate eCertifiedCopySince,
        OffsetDateTime updatedAt) {}
