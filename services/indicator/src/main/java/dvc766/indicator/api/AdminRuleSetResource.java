package dvc766.indicator.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import dvc766.common.period.Period;
import dvc766.indicator.config.RuleSetCatalog;
import dvc766.indicator.domain.RuleSet;
import dvc766.indicator.domain.RuleSetValidator;
import dvc766.indicator.messaging.FactRecompute;
import dvc766.indicator.messaging.RuleSetAdmin;
import dvc766.indicator.store.UnitStore;
import dvc766.kit.problem.FieldError;
import dvc766.kit.problem.Problem;
import dvc766.kit.problem.ProblemException;
import dvc766.kit.security.Callers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Administration of rule sets: store one (and recompute the history under it); recompute scores on request, from the
 * counters or from the stored facts, and see what is still pending.
 */
@Path("/api/v1/admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class AdminRuleSetResource {

    /** A rule set document is a few kilobytes; far larger is a mistake or an attack. */
    static final int MAX_DOCUMENT_CHARS = 256 * 1024;
    static final int MAX_LIST = 1000;

    private final RuleSetAdmin admin;
    private final RuleSetCatalog ruleSets;
    private final Callers callers;
    private final FactRecompute recompute;
    private final UnitStore unitStore;

    public AdminRuleSetResource(RuleSetAdmin admin, RuleSetCatalog ruleSets, Callers callers, FactRecompute recompute, UnitStore unitStore) {
        this.recompute = recompute;
        this.unitStore = unitStore;
        this.admin = admin;
        this.ruleSets = ruleSets;
        this.callers = callers;
    }

    @PUT
    @Path("/rulesets/{id}")
    @RolesAllowed("admin")
    @Operation(summary = "Store a rule set (new, or a higher version) and recompute the history of scores under it")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleSet.class)))
    @APIResponse(responseCode = "201", description = "A new rule set, stored; every score of the history is queued for recomputation under it",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleSetStoredResponse.class)))
    @APIResponse(responseCode = "200", description = "A new version stored (history queued for recomputation), or the same document again (unchanged)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleSetStoredResponse.class)))
    @APIResponse(responseCode = "400", description = "The document breaks rules; `errors` names every one (JSON path, rule, message)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role admin required",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response put(@PathParam("id") String id, String body) {
        if (body == null || body.isBlank()) throw ProblemException.validation(List.of(new FieldError("$", "required", "a rule set document is required")));
        if (body.length() > MAX_DOCUMENT_CHARS) {
            throw ProblemException.validation(List.of(new FieldError("$", "size", "a rule set document has at most " + MAX_DOCUMENT_CHARS + " characters")));
        }
        RuleSet rs;
        try {
            rs = RuleSetCatalog.parse(body);
        } catch (JsonMappingException e) {
            // a wrong type or an unknown property: named by its JSON path
            String path = e.getPath().stream().map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining()).replaceFirst("^\\.", "");
            throw ProblemException.validation(List.of(new FieldError(path.isEmpty() ? "$" : path, "type", firstLine(e.getOriginalMessage()))));
        } catch (JsonProcessingException e) {
            throw ProblemException.validation(List.of(new FieldError("$", "json", firstLine(e.getOriginalMessage()))));
        }
        List<FieldError> errors = new ArrayList<>();
        if (rs == null) throw ProblemException.validation(List.of(new FieldError("$", "required", "a rule set document is required")));
        if (rs.id() != null && !rs.id().equals(id)) errors.add(new FieldError("id", "matches-path", "id " + rs.id() + " differs from the path's " + id));
        RuleSetValidator.violations(rs).forEach(v -> errors.add(new FieldError(v.field(), v.rule(), v.message())));
        if (!errors.isEmpty()) throw ProblemException.validation(errors);
        RuleSetAdmin.Stored stored;
        try {
            stored = admin.store(rs, callers.current().subject());
        } catch (RuleSetAdmin.VersionNotIncreased e) {
            throw ProblemException.validation(List.of(new FieldError("version", "increases", e.getMessage())));
        }
        RuleSetStoredResponse out = new RuleSetStoredResponse(rs.id(), rs.version(), stored.effect().name(), stored.queued());
        return Response.status(stored.effect() == RuleSetAdmin.Effect.CREATED ? 201 : 200).entity(out).build();
    }

    @POST
    @Path("/recompute")
    @RolesAllowed("admin")
    @Operation(summary = "Recompute scores from the counters, or (facts: true) every stored object from its facts, for all or some periods and units")
    @APIResponse(responseCode = "202", description = "Queued; the scheduler works it off in batches and publishes each score that changes (see GET)",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecomputeResponse.class)))
    @APIResponse(responseCode = "400", description = "Unknown rule set or unit, bad periods, too many entries; `errors` names each",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role admin required",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response recompute(RecomputeRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request == null) throw ProblemException.validation(List.of(new FieldError("$", "required", "a body {\"ruleSet\": ...} or {\"facts\": true} is required")));
        boolean facts = Boolean.TRUE.equals(request.facts());
        ruleSets.refreshIfChanged();
        if (request.ruleSet() == null || request.ruleSet().isBlank()) {
            // from facts, the changed scores are published under every active rule set; a rule set is then optional
            if (!facts) errors.add(new FieldError("ruleSet", "required", "ruleSet is required unless facts is true"));
        } else if (ruleSets.find(request.ruleSet()).isEmpty()) {
            errors.add(new FieldError("ruleSet", "known", "unknown rule set " + request.ruleSet() + "; active: "
                    + ruleSets.active().stream().map(RuleSet::id).toList()));
        }
        List<String> periods = new ArrayList<>();
        List<String> given = request.periods() == null ? List.of() : request.periods();
        if (given.size() > MAX_LIST) errors.add(new FieldError("periods", "size", "at most " + MAX_LIST + " periods"));
        for (int i = 0; i < given.size() && i < MAX_LIST; i++) {
            try {
                Period p = Period.parse(given.get(i));
                if (p.kind() == Period.Kind.RANGE) errors.add(new FieldError("periods[" + i + "]", "standard", "scores are kept per month, quarter and year"));
                else periods.add(p.key());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("periods[" + i + "]", "format", e.getMessage()));
            }
        }
        List<String> units = request.units() == null ? List.of() : request.units();
        if (units.size() > MAX_LIST) errors.add(new FieldError("units", "size", "at most " + MAX_LIST + " units"));
        List<String> named = new ArrayList<>();
        for (int i = 0; i < units.size() && i < MAX_LIST; i++) {
            if (units.get(i) == null || units.get(i).isBlank()) errors.add(new FieldError("units[" + i + "]", "required", "a unit code is required"));
            else named.add(units.get(i));
        }
        if (facts && !named.isEmpty()) {
            // fail closed: a misspelt unit would silently recompute nothing
            Map<String, String> known = unitStore.levels(named);
            for (int i = 0; i < units.size() && i < MAX_LIST; i++) {
                if (units.get(i) != null && !units.get(i).isBlank() && !known.containsKey(units.get(i))) {
                    errors.add(new FieldError("units[" + i + "]", "known", "unknown unit " + units.get(i)));
                }
            }
        }
        if (!errors.isEmpty()) throw ProblemException.validation(errors);
        String ruleSet = request.ruleSet() == null || request.ruleSet().isBlank() ? null : request.ruleSet();
        FactRecompute.Ordered ordered = recompute.order(ruleSet, periods, named, facts, callers.current().subject());
        return Response.status(202).entity(new RecomputeResponse(ruleSet, ordered.scores(), facts ? ordered.objects() : null)).build();
    }

    @GET
    @Path("/recompute")
    @RolesAllowed("admin")
    @Operation(summary = "The recompute work still pending (objects by kind, counters to reconcile, scores queued) and the last order's times")
    @APIResponse(responseCode = "200", description = "`pending` is false once every order is done",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RecomputeStatus.class)))
    @APIResponse(responseCode = "401", description = "No valid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role admin required",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RecomputeStatus recomputeStatus() {
        FactRecompute.Status s = recompute.status();
        return new RecomputeStatus(s.pending(), s.objects(), s.reconciling(), s.scores(), utc(s.lastOrderedAt()), utc(s.lastFinishedAt()));
    }

    private static OffsetDateTime utc(Instant t) {
        return t == null ? null : t.atOffset(ZoneOffset.UTC);
    }

    private static String firstLine(String s) {
        if (s == null) return "malformed JSON";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
