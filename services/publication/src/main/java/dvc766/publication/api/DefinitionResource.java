package dvc766.publication.api;

import dvc766.kit.problem.Problem;
import dvc766.publication.config.DisplayNames;
import dvc766.publication.config.PublicationConfig;
import dvc766.publication.store.RuleSetStore;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Rule sets and indicator definitions as the published scores carry them (code, group, maximum), with Vietnamese
 * names. Publication learns them from score events and never asks the indicator service (see README).
 */
@Path("/public/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "public")
public class DefinitionResource {

    private final RuleSetStore ruleSets;
    private final DisplayNames names;
    private final PublicationConfig config;

    public DefinitionResource(RuleSetStore ruleSets, DisplayNames names, PublicationConfig config) {
        this.ruleSets = ruleSets;
        this.names = names;
        this.config = config;
    }

    @GET
    @Path("/rulesets")
    @Operation(summary = "The rule sets of the published scores",
            description = "Every rule set that published scores name, with its groups (code, Vietnamese name, maximum), "
                    + "the number of its indicators and its bands' names.")
    @APIResponse(responseCode = "200", description = "The rule sets, by id.",
            headers = @Header(name = "ETag", description = "Tag of this answer, for If-None-Match."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = RuleSetView.class)))
    @APIResponse(responseCode = "304", description = "The rule sets did not change since the ETag given in If-None-Match.")
    public Response ruleSets(@Parameter(description = "An ETag from an earlier answer: 304 Not Modified when it is still current.")
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        String etag = Etags.weak(ruleSets.fingerprint().tag("d"));
        Response notModified = Etags.notModified(ifNoneMatch, etag);
        if (notModified != null) return notModified;
        Map<String, List<RuleSetStore.Item>> byRuleSet = new LinkedHashMap<>();
        for (RuleSetStore.Item i : ruleSets.all()) byRuleSet.computeIfAbsent(i.ruleSet(), k -> new ArrayList<>()).add(i);
        List<RuleSetView.Band> bands = names.bands().entrySet().stream()
                .map(e -> new RuleSetView.Band(e.getKey(), e.getValue())).toList();
        List<RuleSetView> out = byRuleSet.entrySet().stream().map(e -> new RuleSetView(e.getKey(),
                        e.getKey().equals(config.defaultRuleSet()),
                        e.getValue().stream().filter(i -> "GROUP".equals(i.kind()))
                                .map(i -> new RuleSetView.Group(i.code(), names.group(i.code()), i.max())).toList(),
                        (int) e.getValue().stream().filter(i -> "INDICATOR".equals(i.kind())).count(),
                        bands))
                .toList();
        return Etags.ok(out, etag);
    }

    @GET
    @Path("/indicators")
    @Operation(summary = "The indicators of a rule set",
            description = "Every indicator that the rule set's published scores carry: code, group, Vietnamese name and "
                    + "maximum points (0 for an indicator shown without points), by group then code.")
    @APIResponse(responseCode = "200", description = "The indicators (empty when no score of the rule set is held).",
            headers = @Header(name = "ETag", description = "Tag of this answer, for If-None-Match."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = RuleSetView.Indicator.class)))
    @APIResponse(responseCode = "304", description = "The indicators did not change since the ETag given in If-None-Match.")
    @APIResponse(responseCode = "400", description = "`ruleSet` is malformed.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response indicators(
            @Parameter(description = "The rule set; the platform's current one (`dvcqg-2026`) when absent.")
            @QueryParam("ruleSet") String ruleSet,
            @Parameter(description = "An ETag from an earlier answer: 304 Not Modified when it is still current.")
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        PublicQueries q = new PublicQueries();
        String rs = q.ruleSet(ruleSet, config.defaultRuleSet());
        q.check();
        String etag = Etags.weak(ruleSets.fingerprint().tag("i"));
        Response notModified = Etags.notModified(ifNoneMatch, etag);
        if (notModified != null) return notModified;
        List<RuleSetView.Indicator> out = ruleSets.all().stream()
                .filter(i -> i.ruleSet().equals(rs) && "INDICATOR".equals(i.kind()))
                .sorted(java.util.Comparator.comparing((RuleSetStore.Item i) -> i.groupCode() == null ? "" : i.groupCode())
                        .thenComparing(RuleSetStore.Item::code))
                .map(i -> new RuleSetView.Indicator(rs, i.code(), i.groupCode(), names.indicator(i.code()), i.max()))
                .toList();
        return Etags.ok(out, etag);
    }
}
