package dvc766.complaint.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import dvc766.complaint.config.ComplaintConfig;
import dvc766.complaint.domain.Category;
import dvc766.complaint.domain.Complaint;
import dvc766.complaint.domain.IllegalTransitionException;
import dvc766.complaint.domain.ProofOfWork;
import dvc766.complaint.domain.Rating;
import dvc766.complaint.domain.Status;
import dvc766.complaint.domain.Texts;
import dvc766.complaint.domain.TrackingCodes;
import dvc766.complaint.store.ChallengeStore;
import dvc766.complaint.store.ComplaintStore;
import dvc766.complaint.store.ComplaintWrites;
import dvc766.complaint.store.StoredComplaint;
import dvc766.complaint.store.UnitDirectory;
import dvc766.kit.events.EventJson;
import dvc766.kit.problem.Problem;
import dvc766.kit.problem.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * The citizens' side, anonymous: ask for a challenge, submit a PAKN, follow it with its secret, rate the answer; and
 * the open-data list. No personal data is ever answered here.
 */
@Path("/public/v1/complaints")
@Tag(name = "PAKN (public)")
public class PublicComplaintResource {

    /** The header that carries the secret given at submission. */
    public static final String SECRET_HEADER = "X-Tracking-Secret";

    private final ComplaintConfig config;
    private final ProofOfWork pow;
    private final ChallengeStore challenges;
    private final ComplaintStore store;
    private final ComplaintWrites writes;
    private final UnitDirectory units;

    public PublicComplaintResource(ComplaintConfig config, ProofOfWork pow, ChallengeStore challenges,
            ComplaintStore store, ComplaintWrites writes, UnitDirectory units) {
        this.config = config;
        this.pow = pow;
        this.challenges = challenges;
        this.store = store;
        this.writes = writes;
        this.units = units;
    }

    @GET
    @Path("/challenge")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A proof-of-work challenge to solve before submitting a PAKN")
    @APIResponse(responseCode = "200", description = "A fresh challenge.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ChallengeResponse.class)))
    public ChallengeResponse challenge() {
        ProofOfWork.Challenge c = pow.issue(config.challenge().difficulty(), writes.now().plus(config.challenge().ttl()));
        return new ChallengeResponse(c.nonce(), c.difficulty(), "SHA-256", Views.t(c.expiresAt()));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Submit a PAKN, anonymously",
            description = "Needs a solved challenge. Answers the tracking code and the secret (shown once). The same "
                    + "text for the same unit within the duplicate window is refused (409). Limited per client IP (429).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SubmitRequest.class)))
    @APIResponse(responseCode = "201", description = "Received and committed.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmitResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields or challenge.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "A duplicate of a PAKN received recently.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "Body too large.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown unit.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many submissions from this address.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response submit(SubmitRequest body) {
        if (body == null) throw ProblemException.validation(List.of(new dvc766.kit.problem.FieldError("$", "required", "a body is required")));
        Checks checks = new Checks();
        checks.code("unitCode", body.unitCode(), true);
        Category category = checks.oneOf("category", body.category(), Category.class, true);
        checks.code("procedureCode", body.procedureCode(), false);
        checks.code("dossierCode", body.dossierCode(), false);
        String text = checks.text("text", body.text(), config.textMaxChars(), true);
        String contactJson = contact(body.contact(), checks);
        ChallengeSolution solution = body.challenge();
        Instant now = writes.now();
        if (checks.required("challenge", solution)) {
            pow.check(solution.nonce(), solution.solution(), config.challenge().difficulty(), now)
                    .ifPresent(why -> checks.add("challenge", "proof-of-work", why));
        }
        checks.throwIfAny();
        if (!units.exists(body.unitCode())) {
            throw ProblemException.unprocessable("unknown-unit", "unit " + body.unitCode() + " is not known");
        }
        String fingerprint = Texts.fingerprint(body.unitCode(), text);
        Complaint c = Complaint.received(TrackingCodes.newCode(), body.unitCode(), category, body.procedureCode(),
                body.dossierCode(), now);
        ComplaintWrites.Created created = QuarkusTransaction.requiringNew().call(() -> {
            if (!challenges.spend(solution.nonce(), ProofOfWork.expiry(solution.nonce()))) {
                throw ProblemException.validation(List.of(new dvc766.kit.problem.FieldError("challenge", "proof-of-work",
                        "the challenge was used already; ask for a new one")));
            }
            Optional<String> duplicate = store.duplicateOf(fingerprint, now.minus(config.duplicateWindow()));
            if (duplicate.isPresent()) {
                throw new ProblemException(Problem.of(409, "duplicate", "Duplicate PAKN", "the same text about unit "
                        + body.unitCode() + " was received recently and is being handled; follow that PAKN instead"));
            }
            return writes.submit(new ComplaintWrites.Submission(c, text, fingerprint, contactJson), now);
        });
        StoredComplaint s = created.stored();
        return Response.created(URI.create("/public/v1/complaints/" + created.trackingCode()))
                .entity(new SubmitResponse(created.trackingCode(), created.secret(), s.complaint().status().name(),
                        s.complaint().unitCode(), s.complaint().category().name(), Views.t(s.complaint().receivedAt()),
                        Views.t(s.answerDueAt())))
                .build();
    }

    @GET
    @Path("/{trackingCode}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Follow a PAKN", description = "Needs the secret given at submission in the X-Tracking-Secret header; "
            + "an unknown code and a wrong secret are both 404.")
    @APIResponse(responseCode = "200", description = "The PAKN.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CitizenView.class)))
    @APIResponse(responseCode = "404", description = "No PAKN with this code and secret.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CitizenView follow(@PathParam("trackingCode") String trackingCode, @HeaderParam(SECRET_HEADER) String secret) {
        return Views.citizen(owned(trackingCode, secret, store.find(trackingCode)));
    }

    @POST
    @Path("/{trackingCode}/rating")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rate the answer (once) and possibly raise the PAKN again",
            description = "Needs the secret in the X-Tracking-Secret header. Allowed once the PAKN is answered; one rating per PAKN.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = RatingRequest.class)))
    @APIResponse(responseCode = "200", description = "Rated and committed.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = CitizenView.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No PAKN with this code and secret.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Not answered yet, or rated already.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "429", description = "Too many writes from this address.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CitizenView rate(@PathParam("trackingCode") String trackingCode, @HeaderParam(SECRET_HEADER) String secret,
            RatingRequest body) {
        Checks checks = new Checks();
        if (body == null) checks.required("$", null);
        Rating rating = body == null ? null : checks.oneOf("rating", body.rating(), Rating.class, true);
        String text = body == null ? null : checks.text("text", body.text(), config.textMaxChars(), false);
        checks.throwIfAny();
        boolean again = Boolean.TRUE.equals(body.raisedAgain());
        return QuarkusTransaction.requiringNew().call(() -> {
            StoredComplaint s = owned(trackingCode, secret, store.lock(trackingCode));
            try {
                return Views.citizen(writes.rate(s, rating, again, text));
            } catch (IllegalTransitionException e) {
                throw ProblemException.conflict(e.getMessage());
            }
        });
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open data: PAKN and their published answers",
            description = "Open311-style. Category, unit, channel, dates, status and the published answer; never the "
                    + "citizen's text, contact or tracking code. Newest first; size at most 100.")
    @APIResponse(responseCode = "200", description = "A page of PAKN.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OpenDataPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid parameters.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public OpenDataPage list(@QueryParam("unit") String unit, @QueryParam("status") String status,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        Checks checks = new Checks();
        checks.code("unit", unit, false);
        Status st = checks.oneOf("status", status, Status.class, false);
        Paging p = Paging.of(page, size, config.pageMaxSize(), checks);
        checks.throwIfAny();
        ComplaintStore.Page result = store.list(new ComplaintStore.Filter(unit == null ? null : List.of(unit), st, null),
                p.page(), p.size(), false);
        return new OpenDataPage(p.page(), p.size(), result.total(), result.items().stream().map(Views::open).toList());
    }

    /** The PAKN if the secret is its own; else 404, the same for an unknown code (nothing to probe). */
    private static StoredComplaint owned(String code, String secret, Optional<StoredComplaint> found) {
        return found.filter(s -> TrackingCodes.matches(secret, s.secretHash()))
                .orElseThrow(() -> ProblemException.notFound("no PAKN with this tracking code and secret"));
    }

    private static String contact(ContactDto c, Checks checks) {
        if (c == null) return null;
        Map<String, String> m = new LinkedHashMap<>();
        put(m, "name", checks.text("contact.name", c.name(), 200, false));
        put(m, "phone", checks.phone("contact.phone", c.phone()));
        put(m, "email", checks.email("contact.email", c.email()));
        put(m, "address", checks.text("contact.address", c.address(), 500, false));
        if (m.isEmpty()) return null;
        try {
            return EventJson.mapper().writeValueAsString(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void put(Map<String, String> m, String k, String v) {
        if (v != null) m.put(k, v);
    }
}
