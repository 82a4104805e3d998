package dvc766.ingestion.api;

import dvc766.ingestion.domain.UnitLevel;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Body of {@code PUT /api/v1/admin/units/{code}}; documents the API (the body is read by {@link Readers}). */
@Schema(name = "UnitRequest", description = "A unit of the administrative tree, as the administrator defines it.")
public record UnitRequest(
        @Schema(description = "Optional; when present it must equal the code in the path.") String code,
        @Schema(required = true, description = "Official name, e.g. Huyện Đông Sơn (stored in Unicode NFC).") String name,
        @Schema(required = true) UnitLevel level,
        @Schema(description = "Code of the parent unit, absent for a root (a province, a ministry). The parent must "
                + "already be known and the unit must not become its own ancestor (422).") String parentCode,
        @Schema(description = "First day the unit holds this place in the tree; absent means since always.") LocalDate validFrom,
        @Schema(description = "Day the unit stops holding this place (exclusive); absent means still valid.") LocalDate validTo,
        @Schema(description = "Communes only (else 400): the day electronic certification of copies (chứng thực bản "
                + "sao điện tử) began; not after the day it is sent (else 422). Absent: not offered.") LocalDate eCertifiedCopySince,
        @Schema(description = "Time of this state at the source; orders updates. Absent means the time of receipt.")
        OffsetDateTime updatedAt) {}
