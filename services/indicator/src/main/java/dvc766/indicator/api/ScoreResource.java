package dvc766.indicator.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import dvc766.common.period.Period;
import dvc766.contracts.events.ScoreData;
import dvc766.indicator.config.RuleSetCatalog;
import dvc766.indicator.store.ScoreKey;
import dvc766.indicator.store.ScoreStore;
import dvc766.kit.events.EventJson;
import dvc766.kit.problem.FieldError;
import dvc766.kit.problem.Problem;
import dvc766.kit.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Internal read of the scores the engine published (the public read path is the publication service's). */
@Path("/api/v1/scores")
@Produces(MediaType.APPLICATION_JSON)
public class ScoreResource {

    private final ScoreStore scores;
    private final RuleSetCatalog ruleSets;
    private final RangeScores rangeScores;
    private final Clock clock;

    public ScoreResource(ScoreStore scores, RuleSetCatalog ruleSets, RangeScores rangeScores, Clock clock) {
        this.scores = scores;
        this.ruleSets = ruleSets;
        this.rangeScores = rangeScores;
        this.clock = clock;
    }

    @GET
    @Path("/{unitCode}")
    @RolesAllowed({"monitor", "admin", "agency"})
    @Operation(summary = "A unit's score for a period under a rule set, as last published or as published at an instant (asOf)")
    @APIResponse(responseCode = "200", description = "The score as last published, or as published at asOf",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScoreData.class)))
    @APIResponse(responseCode = "400", description = "Bad period, rule set or asOf",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role monitor, admin or agency required",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No score for this unit, period and rule set (published by asOf)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A date range over a subtree holding more dossiers than are computed on demand",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ScoreData score(
            @PathParam("unitCode") String unitCode,
            @Parameter(description = "2026-11 (month), 2026-Q4 (quarter) or 2026 (year); or give from/to") @QueryParam("period") String period,
            @Parameter(description = "Rule set id; the default rule set when absent") @QueryParam("ruleSet") String ruleSet,
            @Parameter(description = "An instant (ISO 8601 with offset): the score exactly as published then, from the history")
            @QueryParam("asOf") String asOf,
            @Parameter(description = "First day of a date range (2026-01-01), with to; instead of period. A range that is not exactly a month, quarter or year is computed on demand (at most 366 days)") @QueryParam("from") String from,
            @Parameter(description = "Last day of a date range, included (2026-03-31), with from") @QueryParam("to") String to) {
        List<FieldError> errors = new ArrayList<>();
        String periodKey = null;
        boolean range = (from != null && !from.isBlank()) || (to != null && !to.isBlank());
        Period p = null;
        if (range) {
            if (period != null && !period.isBlank()) errors.add(new FieldError("period", "exclusive", "give either period or from/to, not both"));
            LocalDate f = date("from", from, errors), t = date("to", to, errors);
            if (f != null && t != null) {
                if (t.isBefore(f)) errors.add(new FieldError("to", "after-from", "to must not be before from"));
                else p = Period.range(f, t);
            }
        } else if (period == null || period.isBlank()) {
            errors.add(new FieldError("period", "required", "period is required: 2026-11, 2026-Q4 or 2026 (or from/to dates)"));
        } else {
            try {
                p = Period.parse(period);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("period", "format", e.getMessage()));
            }
        }
        Period onDemand = null;
        if (p != null) {
            Period standard = standard(p);
            if (standard != null) {
                periodKey = standard.key();
            } else {
                // summing month counters is not exact for a range (see README, Periods): computed from the facts instead
                onDemand = p;
                if (p.lengthInDays() > RangeScores.MAX_DAYS) {
                    errors.add(new FieldError("to", "max-length", "a date range is at most " + RangeScores.MAX_DAYS + " days long"));
                }
                if (p.start().isAfter(clock.instant())) errors.add(new FieldError("from", "past", "from must not be in the future"));
                if (asOf != null && !asOf.isBlank()) {
                    errors.add(new FieldError("asOf", "stored-periods-only", "asOf is for months, quarters and years (published scores); "
                            + "a date range is computed now from the facts"));
                }
            }
        }
        ruleSets.refreshIfChanged();
        String ruleSetId = ruleSet == null || ruleSet.isBlank() ? ruleSets.defaultRuleSet().id() : ruleSet;
        if (ruleSets.find(ruleSetId).isEmpty()) {
            errors.add(new FieldError("ruleSet", "known", "unknown rule set " + ruleSetId + "; active: "
                    + ruleSets.active().stream().map(r -> r.id()).toList()));
        }
        Instant asOfInstant = null;
        if (asOf != null && !asOf.isBlank()) {
            try {
                asOfInstant = OffsetDateTime.parse(asOf.trim()).toInstant();
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("asOf", "format", "asOf must be an instant with offset, e.g. 2026-11-29T10:00:00+07:00"));
            }
        }
        if (!errors.isEmpty()) throw ProblemException.validation(errors);
        if (onDemand != null) return rangeScores.score(unitCode, onDemand, ruleSetId);
        ScoreKey key = new ScoreKey(unitCode, periodKey, ruleSetId);
        Instant at = asOfInstant;
        String json = (at == null ? scores.current(key) : scores.asOf(key, at)).orElseThrow(() -> ProblemException.notFound(
                "no score for unit " + unitCode + ", period " + key.period() + ", rule set " + ruleSetId
                        + (at == null ? "" : " was published by " + at)));
        try {
            return EventJson.mapper().readValue(json, ScoreData.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored score is unreadable", e);
        }
    }

    /** The month, quarter or year that is exactly this period, if any. */
    static Period standard(Period p) {
        if (p.kind() != Period.Kind.RANGE) return p;
        for (Period.Kind kind : List.of(Period.Kind.MONTH, Period.Kind.QUARTER, Period.Kind.YEAR)) {
            Period s = Period.containing(p.start(), kind);
            if (s.firstDay().equals(p.firstDay()) && s.endDayExclusive().equals(p.endDayExclusive())) return s;
        }
        return null;
    }

    private static LocalDate date(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "required", "a date range needs both from and to (2026-01-01)"));
            return null;
        }
        try {
            return LocalDate.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "format", field + " must be a date, e.g. 2026-01-01"));
            return null;
        }
    }
}
