package dvc766.publication.api;

import dvc766.common.period.Period;
import dvc766.kit.problem.Problem;
import dvc766.kit.problem.ProblemException;
import dvc766.publication.config.PublicationConfig;
import dvc766.publication.domain.Rankings;
import dvc766.publication.domain.UnitLevel;
import dvc766.publication.domain.VietnameseNames;
import dvc766.publication.store.ScorecardStore;
import dvc766.publication.store.ScorecardStore.RankingQuery;
import dvc766.publication.store.ScorecardStore.StoredScorecard;
import dvc766.publication.store.UnitStore;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The public, anonymous read API. Every answer is read from precomputed read models (one indexed query); nothing
 * here aggregates facts or computes an indicator. Answers carry an ETag and a matching If-None-Match gets 304.
 */
@Path("/public/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "public", description = "Anonymous read access to the published index")
public class PublicResource {

    private static final String IF_NONE_MATCH_DOC = "An ETag from an earlier answer: 304 Not Modified when it is still current.";

    private final UnitStore units;
    private final ScorecardStore scorecards;
    private final PublicationConfig config;

    public PublicResource(UnitStore units, ScorecardStore scorecards, PublicationConfig config) {
        this.units = units;
        this.scorecards = scorecards;
        this.config = config;
    }

    @GET
    @Path("/units")
    @Operation(summary = "The unit tree",
            description = "Every unit known to the platform with its level and direct parent, ordered by level, then by "
                    + "name in Vietnamese alphabetical order.")
    @APIResponse(responseCode = "200", description = "The units.",
            headers = @Header(name = "ETag", description = "Tag of this answer, for If-None-Match."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON,
                    schema = @Schema(type = SchemaType.ARRAY, implementation = UnitView.class)))
    @APIResponse(responseCode = "304", description = "The units did not change since the ETag given in If-None-Match.")
    public Response units(@Parameter(description = IF_NONE_MATCH_DOC) @HeaderParam("If-None-Match") String ifNoneMatch) {
        String etag = Etags.weak(units.fingerprint().tag("u"));
        Response notModified = Etags.notModified(ifNoneMatch, etag);
        if (notModified != null) return notModified;
        Comparator<String> names = VietnameseNames.comparator();
        List<UnitView> list = units.all().stream()
                .sorted(Comparator.comparing(UnitStore.UnitRow::level)
                        .thenComparing(UnitStore.UnitRow::name, names)
                        .thenComparing(UnitStore.UnitRow::code))
                .map(u -> new UnitView(u.code(), u.name(), u.level(), u.parentCode()))
                .toList();
        return Etags.ok(list, etag);
    }

    @GET
    @Path("/units/{code}/scorecard")
    @Operation(summary = "A unit's scorecard",
            description = "The unit's current score for the period under the rule set: total, band, every group and every "
                    + "indicator with numerator, denominator, ratio, points and maximum. Numbers are exact JSON numbers.")
    @APIResponse(responseCode = "200", description = "The scorecard.",
            headers = @Header(name = "ETag", description = "Tag of this answer, for If-None-Match."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScorecardView.class)))
    @APIResponse(responseCode = "304", description = "The scorecard did not change since the ETag given in If-None-Match.")
    @APIResponse(responseCode = "400", description = "A parameter is missing or malformed; every bad one is named.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No score is published for this unit, period and rule set.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response scorecard(
            @Parameter(description = "The unit's code.", required = true) @PathParam("code") String code,
            @Parameter(description = "The period: `2026-11` (month), `2026-Q4` (quarter), `2026` (year) or "
                    + "`2026-01-05..2026-02-10` (dates).", required = true) @QueryParam("period") String period,
            @Parameter(description = "The rule set; the platform's current one (`dvcqg-2026`) when absent.")
            @QueryParam("ruleSet") String ruleSet,
            @Parameter(description = IF_NONE_MATCH_DOC) @HeaderParam("If-None-Match") String ifNoneMatch) {
        PublicQueries q = new PublicQueries();
        Period p = q.period(period);
        String rs = q.ruleSet(ruleSet, config.defaultRuleSet());
        q.check();
        StoredScorecard stored = scorecards.find(code, p.key(), rs).orElseThrow(() -> ProblemException.notFound(
                "no score is published for unit " + code + ", period " + p.key() + ", rule set " + rs));
        String etag = Etags.weak("s-" + stored.changeSeq());
        Response notModified = Etags.notModified(ifNoneMatch, etag);
        if (notModified != null) return notModified;
        return Etags.ok(ScorecardView.of(stored.score(), stored.name(), stored.level()), etag);
    }

    @GET
    @Path("/rankings")
    @Operation(summary = "A ranking of units",
            description = "The units scored for the period, optionally only those of a level and/or directly under a "
                    + "parent, ranked by total (highest first; equal totals share a rank; ties listed in Vietnamese "
                    + "alphabetical order of names). `change` compares with the previous period of the same kind.")
    @APIResponse(responseCode = "200", description = "The ranking.",
            headers = @Header(name = "ETag", description = "Tag of this answer, for If-None-Match."),
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RankingView.class)))
    @APIResponse(responseCode = "304", description = "The ranking did not change since the ETag given in If-None-Match.")
    @APIResponse(responseCode = "400", description = "A parameter is missing or malformed; every bad one is named.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response rankings(
            @Parameter(description = "The period: `2026-11` (month), `2026-Q4` (quarter), `2026` (year) or "
                    + "`2026-01-05..2026-02-10` (dates).", required = true) @QueryParam("period") String period,
            @Parameter(description = "Only units of this level.",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"PROVINCE", "DEPARTMENT", "SERVICE_CENTER", "DISTRICT", "COMMUNE"}))
            @QueryParam("level") String level,
            @Parameter(description = "Only units directly under this unit (its code).") @QueryParam("parent") String parent,
            @Parameter(description = "The rule set; the platform's current one (`dvcqg-2026`) when absent.")
            @QueryParam("ruleSet") String ruleSet,
            @Parameter(description = IF_NONE_MATCH_DOC) @HeaderParam("If-None-Match") String ifNoneMatch) {
        PublicQueries q = new PublicQueries();
        Period p = q.period(period);
        UnitLevel l = q.level(level);
        String parentCode = q.code("parent", parent);
        String rs = q.ruleSet(ruleSet, config.defaultRuleSet());
        q.check();
        RankingQuery query = new RankingQuery(p.key(), p.previous().key(), rs, l, parentCode);
        String etag = Etags.weak(scorecards.rankingFingerprint(query).tag("r"));
        Response notModified = Etags.notModified(ifNoneMatch, etag);
        if (notModified != null) return notModified;
        List<RankingView.Item> items = Rankings.rank(scorecards.ranking(query).stream()
                        .map(r -> new Rankings.Candidate(r.unitCode(), r.name(), r.total(), r.band(), r.previousTotal()))
                        .toList())
                .stream()
                .map(r -> new RankingView.Item(r.rank(), r.unitCode(), r.name(), r.total(), r.band(), r.change()))
                .toList();
        return Etags.ok(new RankingView(p.key(), l, parentCode, rs, items), etag);
    }

}
