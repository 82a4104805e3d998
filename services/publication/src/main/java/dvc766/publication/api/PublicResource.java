package dvc766.publication.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dvc766.common.period.Period;
import dvc766.kit.problem.Problem;
import dvc766.kit.problem.ProblemException;
import dvc766.publication.config.DisplayNames;
import dvc766.publication.config.PublicationConfig;
import dvc766.publication.domain.Score;
import dvc766.publication.domain.Rankings;
import dvc766.publication.domain.UnitLevel;
import dvc766.publication.domain.VietnameseNames;
import dvc766.publication.store.ScorecardStore;
import dvc766.publication.store.ScorecardStore.PastScorecard;
import dvc766.publication.store.ScorecardStore.RankingQuery;
import dvc766.publication.store.ScorecardStore.SeriesRow;
import dvc766.publication.store.ScorecardStore.StoredScorecard;
import dvc766.publication.store.UnitStore;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
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
 * Ranking pages, the most requested answer, are also kept serialised until the read models change ({@link RankingAnswers}).
 */
@Path("/public/v1")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "public", description = "Anonymous read access to the published index")
public class PublicResource {

    private static final String IF_NONE_MATCH_DOC = "An ETag from an earlier answer: 304 Not Modified when it is still current.";
    private static final String PERIOD_DOC = "The period: `2026-11` (month), `2026-Q4` (quarter), `2026` (year) or "
            + "`2026-01-05..2026-02-10` (dates).";
    private static final String RULE_SET_DOC = "The rule set; the platform's current one (`dvcqg-2026`) when absent.";
    private static final String FORMAT_DOC = "`csv` or `xlsx` for a file (else `Accept: text/csv` or the XLSX media type); "
            + "`json` by default.";

    private final UnitStore units;
    private final ScorecardStore scorecards;
    private final PublicationConfig config;
    private final DisplayNames names;
    private final Clock clock;
    private final RankingAnswers rankingAnswers;
    private final ObjectMapper mapper;

    public PublicResource(UnitStore units, ScorecardStore scorecards, PublicationConfig config, DisplayNames names, Clock clock,
            RankingAnswers rankingAnswers, ObjectMapper mapper) {
        this.units = units;
        this.scorecards = scorecards;
        this.config = config;
        this.names = names;
        this.clock = clock;
        this.rankingAnswers = rankingAnswers;
        this.mapper = mapper;
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
    @Produces({MediaType.APPLICATION_JSON, Exports.CSV, Exports.XLSX})
    @Operation(summary = "A unit's scorecard",
            description = "The unit's current score for the period under the rule set: total, band, every group and every "
                    + "indicator with numerator, denominator, ratio, points and maximum. Numbers are exact JSON numbers. "
                    + "With `asOf`, the scorecard exactly as it was published at that instant (from the append-only "
                    + "history). As CSV or XLSX with `Accept` or `format`.")
    @APIResponse(responseCode = "200", description = "The scorecard.",
            headers = @Header(name = "ETag", description = "Tag of this answer, for If-None-Match."),
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ScorecardView.class)),
                    @Content(mediaType = Exports.CSV, schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = Exports.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "304", description = "The scorecard did not change since the ETag given in If-None-Match.")
    @APIResponse(responseCode = "400", description = "A parameter is missing or malformed; every bad one is named.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No score is published for this unit, period and rule set (at `asOf`).",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response scorecard(
            @Parameter(description = "The unit's code.", required = true) @PathParam("code") String code,
            @Parameter(description = PERIOD_DOC, required = true) @QueryParam("period") String period,
            @Parameter(description = RULE_SET_DOC) @QueryParam("ruleSet") String ruleSet,
            @Parameter(description = "An instant with offset (`2026-11-29T10:00:00+07:00`): the scorecard as published then.")
            @QueryParam("asOf") String asOf,
            @Parameter(description = FORMAT_DOC, schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "csv", "xlsx"}))
            @QueryParam("format") String format,
            @Parameter(description = IF_NONE_MATCH_DOC) @HeaderParam("If-None-Match") String ifNoneMatch,
            @Context HttpHeaders headers) {
        PublicQueries q = new PublicQueries();
        Period p = q.period(period);
        String rs = q.ruleSet(ruleSet, config.defaultRuleSet());
        OffsetDateTime at = q.instant("asOf", asOf);
        Exports.Format f = Exports.negotiate(format, headers, q.errors());
        q.check();
        ScorecardView view;
        String tag;
        if (at == null) {
            StoredScorecard stored = scorecards.find(code, p.key(), rs).orElseThrow(() -> ProblemException.notFound(
                    "no score is published for unit " + code + ", period " + p.key() + ", rule set " + rs));
            tag = "s-" + stored.changeSeq();
            if (Etags.matches(ifNoneMatch, Exports.etag(tag, f))) return Etags.notModified(ifNoneMatch, Exports.etag(tag, f));
            view = ScorecardView.of(stored.score(), stored.name(), stored.level());
        } else {
            PastScorecard past = scorecards.asOf(code, p.key(), rs, at).orElseThrow(() -> ProblemException.notFound(
                    "no score was published for unit " + code + ", period " + p.key() + ", rule set " + rs + " at or before " + at));
            tag = "a-" + past.historyId() + "-" + past.unitChangeSeq();
            if (Etags.matches(ifNoneMatch, Exports.etag(tag, f))) return Etags.notModified(ifNoneMatch, Exports.etag(tag, f));
            view = ScorecardView.of(past.score(), past.name(), past.level());
        }
        String etag = Exports.etag(tag, f);
        if (f == Exports.Format.JSON) return Etags.ok(view, etag);
        return Exports.file(ExportTables.scorecard(view, names), f,
                "bang-diem_" + code + "_" + p.key() + "_" + rs + (at == null ? "" : "_asof-" + at.toInstant().getEpochSecond()), etag);
    }

    @GET
    @Path("/units/{code}/history")
    @Produces({MediaType.APPLICATION_JSON, Exports.CSV, Exports.XLSX})
    @Operation(summary = "A unit's score over time",
            description = "The unit's current score in every month, quarter or year from `from` to `to` (both included), "
                    + "oldest first; a period without a score has a null total (no data is not 0). Defaults: monthly, the "
                    + "last 12 months (8 quarters, 5 years) up to the current period. As CSV or XLSX with `Accept` or `format`.")
    @APIResponse(responseCode = "200", description = "The series.",
            headers = @Header(name = "ETag", description = "Tag of this answer, for If-None-Match."),
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HistoryView.class)),
                    @Content(mediaType = Exports.CSV, schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = Exports.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "304", description = "The series did not change since the ETag given in If-None-Match.")
    @APIResponse(responseCode = "400", description = "A parameter is malformed, `from` is after `to`, or the series is too long.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response history(
            @Parameter(description = "The unit's code.", required = true) @PathParam("code") String code,
            @Parameter(description = "First period (`2026-01`, `2026-Q1`, `2026`) or date (`2026-01-15`).") @QueryParam("from") String from,
            @Parameter(description = "Last period or date; the current period when absent.") @QueryParam("to") String to,
            @Parameter(description = "`month` (default), `quarter` or `year`.",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"month", "quarter", "year"}))
            @QueryParam("granularity") String granularity,
            @Parameter(description = RULE_SET_DOC) @QueryParam("ruleSet") String ruleSet,
            @Parameter(description = FORMAT_DOC, schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "csv", "xlsx"}))
            @QueryParam("format") String format,
            @Parameter(description = IF_NONE_MATCH_DOC) @HeaderParam("If-None-Match") String ifNoneMatch,
            @Context HttpHeaders headers) {
        PublicQueries q = new PublicQueries();
        Period fromBound = q.bound("from", from);
        Period toBound = q.bound("to", to);
        Period.Kind kind = q.granularity(granularity);
        String rs = q.ruleSet(ruleSet, config.defaultRuleSet());
        Exports.Format f = Exports.negotiate(format, headers, q.errors());
        q.check();
        List<Period> periods = Series.periods(fromBound, toBound, kind, clock.instant(), config.limits().historyPoints(), q);
        q.check();
        List<String> keys = periods.stream().map(Period::key).toList();
        Map<String, SeriesRow> rows = new HashMap<>();
        long changeSum = 0;
        for (SeriesRow r : scorecards.series(code, rs, keys)) {
            rows.put(r.period(), r);
            changeSum += r.changeSeq();
        }
        String tag = "h-" + rows.size() + "-" + changeSum + "-" + units.changeSeq(code);
        String etag = Exports.etag(tag, f);
        Response notModified = Etags.notModified(ifNoneMatch, etag);
        if (notModified != null) return notModified;
        List<HistoryView.Point> points = new ArrayList<>();
        for (String key : keys) {
            SeriesRow r = rows.get(key);
            points.add(r == null ? new HistoryView.Point(key, null, null, null, null, List.of())
                    : new HistoryView.Point(key, r.total(), r.max(), r.band(), r.asOf(), ScorecardView.groups(r.groups())));
        }
        String name = units.name(code).orElse(null);
        HistoryView view = new HistoryView(code, name, rs, kind.name().toLowerCase(Locale.ROOT), keys.get(0),
                keys.get(keys.size() - 1), points);
        if (f == Exports.Format.JSON) return Etags.ok(view, etag);
        return Exports.file(ExportTables.history(view, names), f,
                "lich-su_" + code + "_" + view.from() + "_" + view.to() + "_" + view.granularity() + "_" + rs, etag);
    }

    @GET
    @Path("/rankings")
    @Produces({MediaType.APPLICATION_JSON, Exports.CSV, Exports.XLSX})
    @Operation(summary = "A ranking of units",
            description = "The units scored for the period, optionally only those of a level and/or within a unit "
                    + "(at any depth, in the tree as it stood for the period's evaluation), ranked by total (highest first; equal totals share a rank; ties listed in Vietnamese "
                    + "alphabetical order of names), each with its group points. `change` compares with the previous "
                    + "period of the same kind. Units under the filter without a score are listed in `noData`. Pages "
                    + "with `limit` (clamped to 1000) and `offset`. As CSV or XLSX (every ranked unit) with `Accept` or `format`.")
    @APIResponse(responseCode = "200", description = "The ranking.",
            headers = @Header(name = "ETag", description = "Tag of this answer, for If-None-Match."),
            content = {@Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RankingView.class)),
                    @Content(mediaType = Exports.CSV, schema = @Schema(type = SchemaType.STRING)),
                    @Content(mediaType = Exports.XLSX, schema = @Schema(type = SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "304", description = "The ranking did not change since the ETag given in If-None-Match.")
    @APIResponse(responseCode = "400", description = "A parameter is missing or malformed; every bad one is named.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<Response> rankings(
            @Parameter(description = PERIOD_DOC, required = true) @QueryParam("period") String period,
            @Parameter(description = "Only units of this level.",
                    schema = @Schema(type = SchemaType.STRING, enumeration = {"PROVINCE", "DEPARTMENT", "SERVICE_CENTER", "DISTRICT", "COMMUNE"}))
            @QueryParam("level") String level,
            @Parameter(description = "Only units within this unit (its code), at any depth, in the period's tree.") @QueryParam("parent") String parent,
            @Parameter(description = RULE_SET_DOC) @QueryParam("ruleSet") String ruleSet,
            @Parameter(description = "Most items on the page (1 to 1000; larger values are clamped to 1000). Default 1000.",
                    schema = @Schema(type = SchemaType.INTEGER)) @QueryParam("limit") String limit,
            @Parameter(description = "Ranked items to skip (default 0).", schema = @Schema(type = SchemaType.INTEGER))
            @QueryParam("offset") String offset,
            @Parameter(description = FORMAT_DOC, schema = @Schema(type = SchemaType.STRING, enumeration = {"json", "csv", "xlsx"}))
            @QueryParam("format") String format,
            @Parameter(description = IF_NONE_MATCH_DOC) @HeaderParam("If-None-Match") String ifNoneMatch,
            @Context HttpHeaders headers) {
        PublicQueries q = new PublicQueries();
        Period p = q.period(period);
        UnitLevel l = q.level(level);
        String parentCode = q.code("parent", parent);
        String rs = q.ruleSet(ruleSet, config.defaultRuleSet());
        int max = config.limits().rankingPageSize();
        int pageSize = q.limit(limit, max, max);
        int skip = q.offset(offset);
        Exports.Format f = Exports.negotiate(format, headers, q.errors());
        q.check();
        RankingQuery query = new RankingQuery(p.key(), p.previous().key(), rs, l, parentCode);
        if (f != Exports.Format.JSON) return onWorker(() -> rankingFile(query, p, l, parentCode, rs, f, ifNoneMatch));
        // a page already built since the last change is answered here, on the event loop, without the database
        RankingAnswers.Key key = new RankingAnswers.Key(query, skip, pageSize);
        RankingAnswers.Answer kept = rankingAnswers.current(key);
        if (kept != null) return Uni.createFrom().item(rankingAnswer(kept, ifNoneMatch));
        return onWorker(() -> {
            long generation = rankingAnswers.generation();     // before reading: a change meanwhile outdates the answer
            String etag = Etags.weak(rankingTag(query));
            Response notModified = Etags.notModified(ifNoneMatch, etag);
            if (notModified != null) return notModified;
            List<RankingView.Item> all = rank(query);
            List<RankingView.Item> page = all.subList(Math.min(skip, all.size()), (int) Math.min(all.size(), (long) skip + pageSize));
            RankingView view = new RankingView(p.key(), l, parentCode, rs, all.size(), skip, pageSize, page, noData(query));
            RankingAnswers.Answer built = new RankingAnswers.Answer(generation, etag, json(view));
            rankingAnswers.keep(key, built);
            return rankingAnswer(built, null);
        });
    }

    private Response rankingFile(RankingQuery query, Period p, UnitLevel l, String parentCode, String rs, Exports.Format f,
            String ifNoneMatch) {
        String etag = Exports.etag(rankingTag(query), f);
        Response notModified = Etags.notModified(ifNoneMatch, etag);
        if (notModified != null) return notModified;
        List<RankingView.Item> all = rank(query);
        RankingView whole = new RankingView(p.key(), l, parentCode, rs, all.size(), 0, all.size(), all, noData(query));
        return Exports.file(ExportTables.ranking(whole, names), f, "xep-hang_" + (l == null ? "tat-ca" : l.name())
                + (parentCode == null ? "" : "_" + parentCode) + "_" + p.key() + "_" + rs, etag);
    }

    /** The ranking's rows and the tree (for names and "no data") are all it shows: summarised before anything is read. */
    private String rankingTag(RankingQuery query) {
        return scorecards.rankingFingerprint(query).tag("r") + "-" + units.fingerprint().tag("u");
    }

    private static Response rankingAnswer(RankingAnswers.Answer a, String ifNoneMatch) {
        Response notModified = Etags.notModified(ifNoneMatch, a.etag());
        return notModified != null ? notModified : Etags.okJson(a.json(), a.etag());
    }

    private List<RankingView.NoData> noData(RankingQuery query) {
        Comparator<String> vietnamese = VietnameseNames.comparator();
        return scorecards.unscored(query).stream()
                .sorted(Comparator.comparing(ScorecardStore.Unscored::name, vietnamese).thenComparing(ScorecardStore.Unscored::unitCode))
                .map(u -> new RankingView.NoData(u.unitCode(), u.name()))
                .toList();
    }

    private byte[] json(Object view) {
        try {
            return mapper.writeValueAsBytes(view);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a ranking as JSON", e);
        }
    }

    /** Work that reads the database leaves the event loop. */
    private static Uni<Response> onWorker(Supplier<Response> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    private List<RankingView.Item> rank(RankingQuery query) {
        List<ScorecardStore.RankingRow> rows = scorecards.ranking(query);
        Map<String, List<Score.GroupScore>> groups = new HashMap<>();
        for (ScorecardStore.RankingRow r : rows) groups.put(r.unitCode(), r.groups());
        return Rankings.rank(rows.stream()
                        .map(r -> new Rankings.Candidate(r.unitCode(), r.name(), r.total(), r.band(), r.previousTotal()))
                        .toList())
                .stream()
                .map(r -> new RankingView.Item(r.rank(), r.unitCode(), r.name(), r.total(), r.band(), r.change(),
                        ScorecardView.groups(groups.get(r.unitCode()))))
                .toList();
    }
}
