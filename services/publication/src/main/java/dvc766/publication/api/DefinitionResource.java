package dvc766.publication.api;

import dvc766.kit.problem.Problem;
import dvc766.publication.config.DisplayNames;
import dvc766.publication.config.PublicationConfig;
import dvc766.publication.domain.RuleSetDocument;
import dvc766.publication.store.RuleSetDocuments;
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
import java.util.TreeMap;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Rule sets and indicator definitions, with Vietnamese names. The rule set documents the indicator service announces
 * on dvc.rulesets.v1 give everything (thresholds, rules, levels, bands, deadlines); a rule set whose document has not
 * arrived is still listed as its published scores carry it (code, group, maximum). Publication never asks the
 * indicator service (see README).
 */
@Path("/public/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "public")
public class DefinitionResource {

    private final RuleSetStore ruleSets;
    private final RuleSetDocuments documents;
    private final DisplayNames names;
    private final RuleSetDefinitions definitions;
    private final PublicationConfig config;

    public DefinitionResource(RuleSetStore ruleSets, RuleSetDocuments documents, DisplayNames names, PublicationConfig config) {
        this.ruleSets = ruleSets;
        this.documents = documents;
        this.names = names;
        this.definitions = new RuleSetDefinitions(names);
        this.config = config;
    }

    /** Changes when a score brings a new definition or a newer document arrives. */
    private String etag(String prefix) {
        return Etags.weak(ruleSets.fingerprint().tag(prefix) + documents.fingerprint().tag(""));
    }

    private Map<String, RuleSetDocument> documentsById() {
        Map<String, RuleSetDocument> out = new LinkedHashMap<>();
        for (RuleSetDocument d : documents.all()) out.put(d.id(), d);
        return out;
    }

    @GET
    @Path("/rulesets")
    @Operation(summary = "The rule sets of the published scores",
            description = "Every rule set the indicator service announced or published scores name, with its groups (code, "
                    + "Vietnamese name, maximum), the number of its indicators, its bands and, once its document has "
                    + "arrived, its version, levels, whenEmpty/notApplicable policies, band cut-offs and deadlines.")
    @APIResponse(responseCode = "200", description = "The rule sets, by id.",
            headers = @Header(name = "ETag", description = "Tag of this answer, for If-None-Match."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = RuleSetView.class)))
    @APIResponse(responseCode = "304", description = "The rule sets did not change since the ETag given in If-None-Match.")
    public Response ruleSets(@Parameter(description = "An ETag from an earlier answer: 304 Not Modified when it is still current.")
            @HeaderParam("If-None-Match") String ifNoneMatch) {
        String etag = etag("d");
        Response notModified = Etags.notModified(ifNoneMatch, etag);
        if (notModified != null) return notModified;
        Map<String, RuleSetDocument> docs = documentsById();
        Map<String, List<RuleSetStore.Item>> byRuleSet = new TreeMap<>();
        docs.keySet().forEach(id -> byRuleSet.put(id, List.of()));
        for (RuleSetStore.Item i : ruleSets.all()) {
            if (!docs.containsKey(i.ruleSet())) byRuleSet.computeIfAbsent(i.ruleSet(), k -> new ArrayList<>()).add(i);
        }
        List<RuleSetView.Band> bands = names.bands().entrySet().stream()
                .map(e -> new RuleSetView.Band(e.getKey(), e.getValue(), null)).toList();
        List<RuleSetView> out = byRuleSet.entrySet().stream().map(e -> {
                    boolean isDefault = e.getKey().equals(config.defaultRuleSet());
                    RuleSetDocument d = docs.get(e.getKey());
                    if (d != null) return definitions.ruleSet(d, isDefault);
                    return new RuleSetView(e.getKey(), isDefault,
                            e.getValue().stream().filter(i -> "GROUP".equals(i.kind()))
                                    .map(i -> new RuleSetView.Group(i.code(), names.group(i.code()), i.max())).toList(),
                            (int) e.getValue().stream().filter(i -> "INDICATOR".equals(i.kind())).count(),
                            bands, null, null, null, null, null, null, null, null, null);
                })
                .toList();
        return Etags.ok(out, etag);
    }

    @GET
    @Path("/indicators")
    @Operation(summary = "The indicators of a rule set",
            description = "Every indicator of the rule set: code, group, Vietnamese name, maximum points (0 for an indicator "
                    + "shown without points) and, once the rule set's document has arrived, its scoring rule, threshold, "
                    + "levels where it applies, measure and ratioTimes; by group then code. Before the document arrives, "
                    + "the indicators its published scores carry, without the scoring fields.")
    @APIResponse(responseCode = "200", description = "The indicators (empty when neither a document nor a score of the rule set is held).",
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
        String etag = etag("i");
        Response notModified = Etags.notModified(ifNoneMatch, etag);
        if (notModified != null) return notModified;
        RuleSetDocument d = documentsById().get(rs);
        if (d != null) return Etags.ok(definitions.indicators(d), etag);
        List<RuleSetView.Indicator> out = ruleSets.all().stream()
                .filter(i -> i.ruleSet().equals(rs) && "INDICATOR".equals(i.kind()))
                .sorted(java.util.Comparator.comparing((RuleSetStore.Item i) -> i.groupCode() == null ? "" : i.groupCode())
                        .thenComparing(RuleSetStore.Item::code))
                .map(i -> RuleSetView.Indicator.fromScores(rs, i.code(), i.groupCode(), names.indicator(i.code()), i.max()))
                .toList();
        return Etags.ok(out, etag);
    }
}
