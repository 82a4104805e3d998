package dvc766.publication.api;

import dvc766.publication.domain.UnitLevel;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Unit", description = "A unit of the administrative tree.")
public record UnitView(
        @Schema(required = true, description = "The unit's code, e.g. `38` (the province) or `38.SNV`.") String code,
        @Schema(required = true, description = "The unit's name in Vietnamese (Unicode NFC).") String name,
        @Schema(required = true, description = "The unit's level.") UnitLevel level,
        @Schema(nullable = true, description = "The code of the unit directly above; absent for a root.") String parentCode) {}
