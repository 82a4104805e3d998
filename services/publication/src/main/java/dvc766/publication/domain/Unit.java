package dvc766.publication.domain;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/** A unit of the tree as the publication service holds it; {@code revision} orders its versions. */
public record Unit(
        String code,
        String name,
        UnitLevel level,
        String parentCode,
        LocalDate validFrom,
        LocalDate validTo,
        OffsetDateTime updatedAt,
        long revision) {}
