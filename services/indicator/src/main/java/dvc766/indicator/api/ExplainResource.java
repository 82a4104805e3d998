package dvc766.indicator.api;

import static dvc766.indicator.domain.Indicators.*;

import dvc766.common.calendar.WorkingDayCalendar;
import dvc766.common.period.Period;
import dvc766.indicator.config.CalendarHolder;
import dvc766.indicator.config.RuleSetCatalog;
import dvc766.indicator.domain.DecisionContributions;
import dvc766.indicator.domain.DecisionDeadlines;
import dvc766.indicator.domain.DecisionFacts;
import dvc766.indicator.domain.DeadlineProfile;
import dvc766.indicator.domain.DossierFacts;
import dvc766.indicator.domain.DossierTiming;
import dvc766.indicator.domain.Indicators;
import dvc766.indicator.domain.PetitionDeadlines;
import dvc766.indicator.domain.PetitionFacts;
import dvc766.indicator.domain.PetitionTiming;
import dvc766.indicator.domain.RuleSet;
import dvc766.indicator.store.DecisionStore;
import dvc766.indicator.store.ExplainStore;
import dvc766.indicator.store.FactStore;
import dvc766.indicator.store.PetitionStore;
import dvc766.kit.problem.FieldError;
import dvc766.kit.problem.Problem;
import dvc766.kit.problem.ProblemException;
import dvc766.kit.security.Caller;
import dvc766.kit.security.Callers;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Internal: the objects behind the points a unit lost on one indicator, paged. Roles monitor and admin see every unit;
 * any other caller only units at or below its own {@code unit_code}.
 */
@Path("/api/v1/scores")
@Produces(MediaType.APPLICATION_JSON)
public class ExplainResource {

    public static final int MAX_SIZE = 200;
    static final int DEFAULT_SIZE = 50;

    private final ExplainStore explain;
    private final FactStore facts;
    private final PetitionStore petitions;
    private final DecisionStore decisions;
    private final Callers callers;
    private final CalendarHolder calendars;
    private final RuleSetCatalog ruleSets;
    private final Clock clock;

    public ExplainResource(ExplainStore explain, FactStore facts, PetitionStore petitions, DecisionStore decisions, Callers callers,
            CalendarHolder calendars, RuleSetCatalog ruleSets, Clock clock) {
        this.explain = explain;
        this.facts = facts;
        this.petitions = petitions;
        this.decisions = decisions;
        this.callers = callers;
        this.calendars = calendars;
        this.ruleSets = ruleSets;
        this.clock = clock;
    }

    @GET
    @Path("/{unitCode}/explain")
    @Authenticated
    @Operation(summary = "The objects behind a unit's lost points on one indicator for a period (dossiers, PAKN, procedures, communes), paged")
    @APIResponse(responseCode = "200", description = "One page, ordered by key",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ExplainPage.class)))
    @APIResponse(responseCode = "400", description = "Bad period, indicator, rule set, page or size",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Neither monitor nor admin, and the unit is not at or below the caller's unit",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ExplainPage explain(
            @PathParam("unitCode") String unitCode,
            @Parameter(description = "2026-11 (month), 2026-Q4 (quarter) or 2026 (year)", required = true) @QueryParam("period") String period,
            @Parameter(description = "Indicator code, e.g. ON_TIME_PROCESSING", required = true) @QueryParam("indicator") String indicator,
            @Parameter(description = "Rule set id, whose deadline parameters judge PAKN and publishing decisions; the default rule set when absent")
            @QueryParam("ruleSet") String ruleSet,
            @Parameter(description = "Page number from 0") @QueryParam("page") Integer page,
            @Parameter(description = "Page size, 1 to 200 (larger sizes are clamped to 200); 50 when absent") @QueryParam("size") Integer size) {
        List<FieldError> errors = new ArrayList<>();
        Period p = null;
        if (period == null || period.isBlank()) {
            errors.add(new FieldError("period", "required", "period is required: 2026-11, 2026-Q4 or 2026"));
        } else {
            try {
                p = Period.parse(period);
                if (p.kind() == Period.Kind.RANGE) {
                    errors.add(new FieldError("period", "standard", "counts are kept per month, quarter and year, not for date ranges"));
                }
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("period", "format", e.getMessage()));
            }
        }
        if (indicator == null || indicator.isBlank()) {
            errors.add(new FieldError("indicator", "required", "indicator is required"));
        } else if (!Indicators.COMPUTED.contains(indicator) || AVG_PROCESSING_TIME.equals(indicator)) {
            errors.add(new FieldError("indicator", "known", "not an indicator with countable objects: " + indicator));
        }
        ruleSets.refreshIfChanged();
        RuleSet rs = ruleSet == null || ruleSet.isBlank() ? ruleSets.defaultRuleSet() : ruleSets.find(ruleSet).orElse(null);
        if (rs == null) {
            errors.add(new FieldError("ruleSet", "known", "unknown rule set " + ruleSet + "; active: "
                    + ruleSets.active().stream().map(RuleSet::id).toList()));
        }
        if (page != null && page < 0) errors.add(new FieldError("page", "min", "page must be 0 or more"));
        if (size != null && size < 1) errors.add(new FieldError("size", "min", "size must be at least 1"));
        if (!errors.isEmpty()) throw ProblemException.validation(errors);
        authorize(unitCode);
        int n = size == null ? DEFAULT_SIZE : Math.min(size, MAX_SIZE);
        int pg = page == null ? 0 : page;
        long offsetLong = (long) pg * n;
        if (offsetLong > Integer.MAX_VALUE) throw ProblemException.validation(List.of(new FieldError("page", "max", "page is too large")));
        int offset = (int) offsetLong;
        Instant now = clock.instant();
        Instant te = p.end().isBefore(now) ? p.end() : now;
        return new ExplainPage(unitCode, p.key(), indicator, pg, n, items(unitCode, p, te, indicator, DeadlineProfile.of(rs), offset, n));
    }

    /** Fail closed: monitor or admin, or a caller whose unit_code is the unit or one of its ancestors. */
    void authorize(String unitCode) {
        Caller caller = callers.current();
        if (caller.hasRole("monitor") || caller.hasRole("admin")) return;
        String own = caller.unitCode().orElseThrow(() -> ProblemException.forbidden("the token carries no unit_code"));
        if (!explain.within(own, unitCode)) throw ProblemException.forbidden("unit " + unitCode + " is not at or below " + own);
    }

    /** The lost objects; the deadline-dependent indicators are read from the rule set's deadline profile. */
    List<ExplainItem> items(String unit, Period p, Instant te, String indicator, DeadlineProfile profile, int offset, int limit) {
        WorkingDayCalendar cal = calendars.current();
        if (Indicators.DOSSIER.contains(indicator) || Indicators.PETITION.contains(indicator)) {
            List<ExplainStore.Lost> lost = explain.summable(unit, p.key(), profile.counterCode(indicator), offset, limit);
            Map<String, FactStore.LoadedDossier> ds = facts.load(lost.stream().filter(l -> l.kind().equals("DOSSIER")).map(ExplainStore.Lost::key).toList());
            Map<String, PetitionFacts> ps = petitions.load(lost.stream().filter(l -> l.kind().equals("PETITION")).map(ExplainStore.Lost::key).toList());
            PetitionDeadlines pdl = profile.petition();
            List<ExplainItem> out = new ArrayList<>();
            for (ExplainStore.Lost l : lost) {
                FactStore.LoadedDossier d = ds.get(l.key());
                PetitionFacts k = ps.get(l.key());
                if (d != null) {
                    DossierFacts f = d.facts();
                    out.add(new ExplainItem(l.kind(), l.key(), l.unitCode(), f.procedureCode(), utc(f.receivedAt()),
                            utc(DossierTiming.deadline(f, d.procedure(), te, cal)), dossierWhy(indicator, d, te, cal)));
                } else if (k != null) {
                    out.add(new ExplainItem(l.kind(), l.key(), l.unitCode(), null, utc(k.receivedAt()),
                            utc(PetitionTiming.answerDeadline(k, te, pdl, cal)), petitionWhy(indicator, k, te, pdl, cal)));
                } else {
                    out.add(new ExplainItem(l.kind(), l.key(), l.unitCode(), null, null, null, null));
                }
            }
            return out;
        }
        if (Indicators.DECISION.contains(indicator)) {
            List<ExplainStore.Lost> lost = explain.failedItems(unit, p.key(), profile.counterCode(indicator), offset, limit);
            Map<String, DecisionFacts> ds = decisions.load(lost.stream().map(ExplainStore.Lost::key).toList());
            DecisionDeadlines dl = profile.decision();
            List<ExplainItem> out = new ArrayList<>();
            for (ExplainStore.Lost l : lost) {
                DecisionFacts d = ds.get(l.key());
                OffsetDateTime deadline = null;
                String why;
                if (PUBLISH_ON_TIME.equals(indicator)) {
                    why = "decision " + l.key() + " signed on " + (d == null ? "?" : d.signedOn()) + ", later than " + dl.publishBefore()
                            + " working days before the legal document takes effect" + (d == null || d.legalEffectiveOn() == null ? "" : " (" + d.legalEffectiveOn() + ")");
                } else {
                    deadline = d == null ? null : utc(DecisionContributions.updateDeadline(d, dl, cal));
                    why = "decision " + l.key() + ": procedure not made public within " + dl.updateAfter() + " working days of signing";
                }
                out.add(new ExplainItem("DECISION", l.key(), l.unitCode(), l.procedureCode(),
                        d == null ? null : utc(DecisionContributions.signedAt(d)), deadline, why));
            }
            return out;
        }
        if (E_CERTIFIED_COPY.equals(indicator)) {
            return explain.communesWithout(unit, te.atZone(Period.ZONE).toLocalDate(), offset, limit).stream()
                    .map(l -> new ExplainItem("UNIT", l.key(), l.unitCode(), null, null, null, "commune without electronic certified copies")).toList();
        }
        String condition;
        String why;
        switch (indicator) {
            case ONLINE_SERVICE_PROVISION -> { condition = "NOT pc.online"; why = "no online service"; }
            case PAYMENT_INTEGRATION -> { condition = "pc.fee_bearing AND NOT pc.payment_integrated"; why = "fee-bearing, not integrated for online payment"; }
            case PUBLIC_CONTENT_FULL -> { condition = "pc.made_public_at <= now() AND NOT pc.public_full"; why = "public record lacks required parts"; }
            case ONLINE_SERVICE_USAGE -> { condition = "pc.online"; why = "online service without an online dossier in the period"; }
            case PAYMENT_USAGE -> { condition = "pc.fee_bearing"; why = "fee-bearing, no dossier paid online in the period"; }
            case CITIZEN_DATA_FORMALITY -> { condition = "pc.citizen"; why = "for citizens, no dossier using population data in the period"; }
            default -> throw new IllegalStateException("no explanation for " + indicator);
        }
        String usage = Indicators.USAGE.contains(indicator) ? indicator : null;
        return explain.procedures(unit, condition, usage, p.key(), offset, limit).stream()
                .map(l -> new ExplainItem("PROCEDURE", l.key(), null, l.key(), null, null, why)).toList();
    }

    static String dossierWhy(String indicator, FactStore.LoadedDossier d, Instant te, WorkingDayCalendar cal) {
        DossierFacts f = d.facts();
        return switch (indicator) {
            case ON_TIME_PROCESSING, DOSSIER_SATISFACTION, EARLY_PROCESSING -> {
                if (DossierTiming.supplementRequests(f, te) > 1) yield "second request to supplement";
                DossierTiming.Verdict v = DossierTiming.verdict(f, d.procedure(), te, cal);
                if (v == DossierTiming.Verdict.OVERDUE) yield DossierTiming.finishedBy(f, te) ? "finished after its deadline" : "unfinished past its deadline";
                if (indicator.equals(EARLY_PROCESSING)) yield "not finished before the deadline's day";
                if ("DISSATISFIED".equals(f.rating())) yield "rated dissatisfied";
                yield "named by a PAKN";
            }
            case DOSSIER_SYNC -> "not synchronised to the national portal";
            case ONLINE_DOSSIER_RATE -> "not submitted online";
            case ONLINE_PAYMENT_DOSSIER -> "fee not paid online";
            case E_RESULT -> "no electronic result";
            case DIGITIZATION -> "inputs or result not digitised";
            case DATA_REUSE -> "no reused data";
            case PERSONAL_STORAGE -> "not linked to the personal data store";
            case CITIZEN_DATA_DOSSIER -> "no population data used";
            default -> null;
        };
    }

    static String petitionWhy(String indicator, PetitionFacts k, Instant te, PetitionDeadlines dl, WorkingDayCalendar cal) {
        if (PETITION_CLASSIFICATION.equals(indicator)) return "about officials' conduct";
        String late = PetitionTiming.lateBecause(k, te, dl, cal);
        if (late != null) return late;
        if ("DISSATISFIED".equals(k.rating())) return "rated dissatisfied";
        return k.raisedAgain() ? "raised again about the answer" : null;
    }

    static OffsetDateTime utc(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }
}
