package dvc766.contracts.events;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * A unit of the administrative tree as ingestion holds it (index-766 §10). Levels: PROVINCE, DEPARTMENT, SERVICE_CENTER, DISTRICT, COMMUNE.
 * {@code parentEdges} is the unit's whole dated parent history (ordered by {@code validFrom}, non-overlapping; a day
 * without an edge is a day the unit is a root), so a consumer applies the newest state without having seen earlier ones.
 */
public record UnitData(
        String code,
        String name,
        String level,
        String parentCode,
        LocalDate validFrom,
        LocalDate validTo,
        LocalDate eCertifiedCopySince,
        OffsetDateTime updatedAt,
        long revision,
        List<ParentEdge> parentEdges) {

    /** The unit sits under {@code parentCode} over [{@code validFrom}, {@code validTo}); null bounds are open. */
    public record ParentEdge(String parentCode, LocalDate validFrom, LocalDate validTo) {}

    public UnitData {
        parentEdges = parentEdges == null ? null : List.copyOf(parentEdges);
    }

    /**
     * A state without an explicit history: one edge under {@code parentCode} from {@code validFrom} on (none for a
     * root). Kept so producers of single-place units compile unchanged.
     */
    public UnitData(String code, String name, String level, String parentCode, LocalDate validFrom, LocalDate validTo,
            LocalDate eCertifiedCopySince, OffsetDateTime updatedAt, long revision) {
        this(code, name, level, parentCode, validFrom, validTo, eCertifiedCopySince, updatedAt, revision,
                parentCode == null ? List.of() : List.of(new ParentEdge(parentCode, validFrom, validTo)));
    }

    /** The dated edges, or for a state that carried none (an event written before edges existed) its one place. */
    public List<ParentEdge> edges() {
        if (parentEdges != null) return parentEdges;
        return parentCode == null ? List.of() : List.of(new ParentEdge(parentCode, validFrom, validTo));
    }
}
