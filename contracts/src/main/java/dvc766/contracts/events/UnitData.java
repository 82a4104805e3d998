package dvc766.contracts.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A unit of the administrative tree as ingestion holds it (index-766 §10). Levels: PROVINCE, DEPARTMENT, SERVICE_CENTER, DISTRICT, COMMUNE. */
public record UnitData(
        String code,
        String name,
        String level,
        String parentCode,
        LocalDate validFrom,
        LocalDate validTo,
        LocalDate eCertifiedCopySince,
        OffsetDateTime updatedAt,
        long revision) {}
