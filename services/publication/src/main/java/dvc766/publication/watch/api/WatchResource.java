package dvc766.publication.watch.api;

import dvc766.common.period.Period;
import dvc766.kit.problem.FieldError;
import dvc766.kit.problem.Problem;
import dvc766.publication.config.PublicationConfig;
import dvc766.publication.domain.UnitLevel;
import dvc766.publication.watch.config.WatchCalendar;
import dvc766.publication.watch.domain.DossierClock;
import dvc766.publication.watch.store.DossierStore;
import dvc766.publication.watch.store.ScoreWatchStore;
import dvc766.publication.watch.store.UnitTree;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Internal views for the provincial office and the units: dossiers near their deadline, overdue dossiers, units
 * losing points. Read from the watch's dossier read model and the published scorecards; nothing here computes an
 * indicator. Scope: see {@link WatchAccess}.
 */
@Path("/api/v1/watch")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "watch", description = "Internal views and alerts for officials (OIDC)")
public class WatchResource {

    static final int MAX_SIZE = 200;
    static final int MAX_PAGE = 10_000;

    private final WatchAccess access;
    private final DossierStore dossiers;
    private final ScoreWatchStore scores;
    private final UnitTree tree;
    private final WatchCalendar calendar;
    private final PublicationConfig publication;
    private final Clock clock;

    public WatchResource(WatchAccess access, DossierStore dossiers, ScoreWatchStore scores, UnitTree tree,
            WatchCalendar calendar, PublicationConfig publication, Clock clock) {
        this.access = access;
        this.dossiers = dossiers;
        this.scores = scores;
        this.tree = tree;
        this.calendar = calendar;
        this.publication = publication;
        this.clock = clock;
    }

    @GET
    @Path("/due-soon")
    @Operation(summary = "Dossiers due soon",
            description = "Open, on-time dossiers of the unit's subtree whose deadline falls within the given number of "
                    + "working days (by the end of the n-th working day after today; 0 = by the end of today), earliest "
                    + "deadline first. Dossiers waiting for the applicant's supplement are left out: their deadline moves "
                    + "with the wait.")
    @APIResponse(responseCode = "200", description = "A page of dossiers.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WatchViews.DueSoonView.class)))
    @APIResponse(responseCode = "400", description = "A parameter is malformed; every bad one is named.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.")
    @APIResponse(responseCode = "403", description = "Not an official, or the unit is outside the caller's.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public WatchViews.DueSoonView dueSoon(
            @Parameter(description = "Only this unit and the units below it (inside the caller's).") @QueryParam("unit") String unit,
            @Parameter(description = "The window in working days, 0 to 30 (default 3).", schema = @Schema(type = SchemaType.INTEGER))
            @QueryParam("withinWorkingDays") String within,
            @Parameter(description = "Page number from 0.", schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 200 (larger is lowered to 200; default 50).", schema = @Schema(type = SchemaType.INTEGER))
            @QueryParam("size") String size) {
        WatchParams q = new WatchParams();
        String u = q.code("unit", unit);
        Integer n = q.integer("withinWorkingDays", within, 3, 0, 30, null);
        Integer p = q.integer("page", page, 0, 0, MAX_PAGE, null);
        Integer s = q.integer("size", size, 50, 1, MAX_SIZE, MAX_SIZE);
        q.check();
        WatchAccess.Scope scope = access.scope(u);
        Instant now = Instant.now(clock);
        Instant until = calendar.current().endOfWorkingDaysAfter(now, n);
        DossierStore.Page<DossierStore.Row> rows = dossiers.dueSoon(scope.units(), now, until, p, s);
        Map<String, String> names = tree.names(rows.items().stream().map(DossierStore.Row::unitCode).distinct().toList());
        List<WatchViews.DossierItem> items = rows.items().stream().map(r -> item(r, names, now, true)).toList();
        return new WatchViews.DueSoonView(time(now), scope.root(), n, time(until), p, s, rows.total(), items);
    }

    @GET
    @Path("/overdue")
    @Operation(summary = "Overdue dossiers",
            description = "Open dossiers of the unit's subtree that are overdue now (deadline passed, or a second request "
                    + "to supplement): listed longest overdue first (groupBy=dossier, the default), or counted per unit, "
                    + "most first (groupBy=unit; a dossier counts for the unit that must resolve it).")
    @APIResponse(responseCode = "200", description = "A page of dossiers or of units.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WatchViews.OverdueView.class)))
    @APIResponse(responseCode = "400", description = "A parameter is malformed; every bad one is named.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.")
    @APIResponse(responseCode = "403", description = "Not an official, or the unit is outside the caller's.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public WatchViews.OverdueView overdue(
            @Parameter(description = "Only this unit and the units below it (inside the caller's).") @QueryParam("unit") String unit,
            @Parameter(description = "`dossier` (default) or `unit`.", schema = @Schema(type = SchemaType.STRING, enumeration = {"dossier", "unit"}))
            @QueryParam("groupBy") String groupBy,
            @Parameter(description = "Page number from 0.", schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("page") String page,
            @Parameter(description = "Page size, 1 to 200 (larger is lowered to 200; default 50).", schema = @Schema(type = SchemaType.INTEGER))
            @QueryParam("size") String size) {
        WatchParams q = new WatchParams();
        String u = q.code("unit", unit);
        String g = q.oneOf("groupBy", groupBy, "DOSSIER", List.of("DOSSIER", "UNIT"));
        Integer p = q.integer("page", page, 0, 0, MAX_PAGE, null);
        Integer s = q.integer("size", size, 50, 1, MAX_SIZE, MAX_SIZE);
        q.check();
        WatchAccess.Scope scope = access.scope(u);
        Instant now = Instant.now(clock);
        if (g.equals("UNIT")) {
            DossierStore.Page<DossierStore.UnitCount> counts = dossiers.overdueByUnit(scope.units(), now, p, s);
            Map<String, String> names = tree.names(counts.items().stream().map(DossierStore.UnitCount::unitCode).toList());
            return new WatchViews.OverdueView(time(now), scope.root(), "unit", p, s, counts.total(), null,
                    counts.items().stream().map(c -> new WatchViews.UnitOverdue(c.unitCode(), names.get(c.unitCode()),
                            c.overdue(), time(c.oldestDeadline()))).toList());
        }
        DossierStore.Page<DossierStore.Row> rows = dossiers.overdue(scope.units(), now, p, s);
        Map<String, String> names = tree.names(rows.items().stream().map(DossierStore.Row::unitCode).distinct().toList());
        return new WatchViews.OverdueView(time(now), scope.root(), "dossier", p, s, rows.total(),
                rows.items().stream().map(r -> item(r, names, now, false)).toList(), null);
    }

    @GET
    @Path("/falling")
    @Operation(summary = "Units losing points",
            description = "Units of the caller's subtree whose published total for the period is below a reference, the "
                    + "largest fall first. basis=PREVIOUS_PERIOD (default): the reference is the unit's total for the "
                    + "previous period of the same kind (a month against the month before). basis=PERIOD_START: the "
                    + "reference is the first total published for this period, so the fall is what the unit lost since. "
                    + "Units without a reference, or not below it, are not listed.")
    @APIResponse(responseCode = "200", description = "The falling units.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = WatchViews.FallingView.class)))
    @APIResponse(responseCode = "400", description = "A parameter is malformed; every bad one is named.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.")
    @APIResponse(responseCode = "403", description = "Not an official, or the unit is outside the caller's.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public WatchViews.FallingView falling(
            @Parameter(description = "The period (`2026-11`, `2026-Q4`, `2026`, dates); the current month when absent.")
            @QueryParam("period") String period,
            @Parameter(description = "Only units of this level.",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"PROVINCE", "DEPARTMENT", "SERVICE_CENTER", "DISTRICT", "COMMUNE"}))
            @QueryParam("level") String level,
            @Parameter(description = "At most this many units, 1 to 100 (larger is lowered to 100; default 10).",
                    schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("limit") String limit,
            @Parameter(description = "`PREVIOUS_PERIOD` (default) or `PERIOD_START`.",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"PREVIOUS_PERIOD", "PERIOD_START"}))
            @QueryParam("basis") String basis,
            @Parameter(description = "The rule set; the platform's current one when absent.") @QueryParam("ruleSet") String ruleSet,
            @Parameter(description = "Only this unit and the units below it (inside the caller's).") @QueryParam("unit") String unit) {
        WatchParams q = new WatchParams();
        Period pd = null;
        if (period == null || period.isBlank()) {
            pd = Period.containing(Instant.now(clock), Period.Kind.MONTH);
        } else {
            try {
                pd = Period.parse(period);
            } catch (IllegalArgumentException e) {
                q.add(new FieldError("period", "format", e.getMessage()));
            }
        }
        UnitLevel l = null;
        if (level != null && !level.isBlank()) {
            l = UnitLevel.parse(level).orElse(null);
            if (l == null) q.add(new FieldError("level", "enum", "level must be one of " + UnitLevel.names()));
        }
        Integer n = q.integer("limit", limit, 10, 1, 100, 100);
        String b = q.oneOf("basis", basis, "PREVIOUS_PERIOD", List.of("PREVIOUS_PERIOD", "PERIOD_START"));
        String rs = q.ruleSet(ruleSet, publication.defaultRuleSet());
        String u = q.code("unit", unit);
        q.check();
        WatchAccess.Scope scope = access.scope(u);
        ScoreWatchStore.Basis basisValue = ScoreWatchStore.Basis.valueOf(b);
        String reference = basisValue == ScoreWatchStore.Basis.PREVIOUS_PERIOD ? pd.previous().key() : null;
        List<WatchViews.FallingItem> items = scores.falling(pd.key(), reference, rs, basisValue,
                        l == null ? null : l.name(), scope.units(), n).stream()
                .map(f -> new WatchViews.FallingItem(f.unitCode(), f.name(), f.level(), f.total(), f.band(), f.reference(), f.change()))
                .toList();
        return new WatchViews.FallingView(pd.key(), b, reference, rs, l == null ? null : l.name(), scope.root(), n, items);
    }

    private WatchViews.DossierItem item(DossierStore.Row r, Map<String, String> names, Instant now, boolean dueSoon) {
        DossierClock c = r.clock();
        DossierClock.OverdueReason reason = c.overdueAt(now);
        return new WatchViews.DossierItem(r.code(), r.unitCode(), names.get(r.unitCode()), r.procedureCode(),
                time(r.receivedAt()), time(r.deadline()), r.supplementRequests(),
                dueSoon && r.deadline() != null ? DossierClock.workingDaysLeft(now, r.deadline(), calendar.current()) : null,
                reason == null ? null : reason.name());
    }

    static OffsetDateTime time(Instant t) {
        return t == null ? null : OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }
}
