package dvc766.publication.watch.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The response bodies of the watch views. */
public final class WatchViews {

    private WatchViews() {}

    @Schema(description = "An open dossier near or past its deadline.")
    public record DossierItem(
            String dossierCode,
            String unitCode,
            @Schema(nullable = true) String unitName,
            String procedureCode,
            OffsetDateTime receivedAt,
            @Schema(nullable = true, description = "The deadline as it stands (appointment date or legal time, moved by the ended waits for the applicant).")
            OffsetDateTime deadline,
            int supplementRequests,
            @Schema(nullable = true, description = "Due soon: working days from today to the deadline's day (0 = today).")
            Integer workingDaysLeft,
            @Schema(nullable = true, enumeration = {"DEADLINE_PASSED", "SECOND_SUPPLEMENT"}, description = "Overdue: why.")
            String overdueReason) {}

    @Schema(description = "Open dossiers whose deadline falls within the window, earliest first.")
    public record DueSoonView(OffsetDateTime asOf, @Schema(nullable = true) String unit, int withinWorkingDays,
            OffsetDateTime until, int page, int size, long total, List<DossierItem> items) {}

    @Schema(description = "Overdue dossiers of one unit.")
    public record UnitOverdue(String unitCode, @Schema(nullable = true) String unitName, long overdue,
            @Schema(nullable = true) OffsetDateTime oldestDeadline) {}

    @Schema(description = "Overdue open dossiers: listed (groupBy=dossier) or counted per unit (groupBy=unit).")
    public record OverdueView(OffsetDateTime asOf, @Schema(nullable = true) String unit,
            @Schema(enumeration = {"dossier", "unit"}) String groupBy, int page, int size, long total,
            @Schema(nullable = true) List<DossierItem> items, @Schema(nullable = true) List<UnitOverdue> units) {}

    @Schema(description = "A unit whose total fell against the reference.")
    public record FallingItem(String unitCode, @Schema(nullable = true) String name, @Schema(nullable = true) String level,
            BigDecimal total, @Schema(nullable = true) String band, BigDecimal reference, BigDecimal change) {}

    @Schema(description = "Units whose total fell most, largest fall first.")
    public record FallingView(String period, @Schema(enumeration = {"PREVIOUS_PERIOD", "PERIOD_START"}) String basis,
            @Schema(nullable = true) String referencePeriod, String ruleSet, @Schema(nullable = true) String level,
            @Schema(nullable = true) String unit, int limit, List<FallingItem> items) {}
}
