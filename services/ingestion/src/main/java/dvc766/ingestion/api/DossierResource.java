package dvc766.ingestion.api;

import dvc766.kit.security.Callers;
import dvc766.ingestion.config.IngestionConfig;
import dvc766.ingestion.domain.Dossier;
import dvc766.ingestion.domain.DossierDraft;
import dvc766.ingestion.domain.DossierRules;
import dvc766.ingestion.domain.Kind;
import dvc766.ingestion.store.DossierWrites;
import dvc766.ingestion.store.Intake;
import dvc766.ingestion.store.Item;
import dvc766.ingestion.store.KeyClaim;
import dvc766.ingestion.store.SubmissionLog;
import dvc766.kit.problem.ProblemMappers;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Dossiers from agency systems. The body is taken as bytes, not bound by JAX-RS, so that whatever arrives (even
 * malformed JSON) is hashed and recorded, and every bad field is reported at once.
 */
@Path("/api/v1")
@Authenticated
@Tag(name = "Dossiers")
@SecurityRequirement(name = "SecurityScheme")
public class DossierResource {

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(DossierResource.class);

    private final DossierWrites writes;
    private final SubmissionLog log;
    private final Callers callers;
    private final BodyLimit limit;
    private final Clock clock;
    private final IngestionConfig config;
    private final IdempotentRequests idempotent;

    public DossierResource(DossierWrites writes, SubmissionLog log, Callers callers, Clock clock, IngestionConfig config,
            BodyLimit limit, IdempotentRequests idempotent) {
        this.idempotent = idempotent;
        this.writes = writes;
        this.log = log;
        this.callers = callers;
        this.limit = limit;
        this.clock = clock;
        this.config = config;
    }

    @PUT
    @Path("/dossiers/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or update a dossier",
            description = "Upsert by code. Needs role agency and a unit_code in the token that is the dossier's unit or above it. "
                    + "A state older than the stored one (updatedAt) is recorded as STALE and changes nothing; "
                    + "an identical one is UNCHANGED and emits no event.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DossierRequest.class)))
    @APIResponse(responseCode = "201", description = "Created and committed.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmissionReceipt.class)))
    @APIResponse(responseCode = "200", description = "Updated, unchanged or stale; committed.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmissionReceipt.class)))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "409", ref = "IdempotencyInFlight")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "Implausible")
    public Response put(@Parameter(description = "The dossier's code (mã hồ sơ).") @PathParam("code") String code,
            @Parameter(ref = "Idempotency-Key") @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            byte[] body) {
        return idempotent.run(idempotencyKey, "PUT", "/api/v1/dossiers/" + code, body, claim -> write(claim, code, body));
    }

    private Response write(KeyClaim claim, String code, byte[] body) {
        limit.check(body);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Item<Dossier> item = ItemReading.single(body, code, Readers::dossier, DossierRules::validate);
        return writes.apply(new Intake(callers.current(), now, null, claim), List.of(item),
                results -> Responses.single(Kind.DOSSIER, results.get(0), now));
    }

    @POST
    @Path("/dossiers:batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or update many dossiers",
            description = "Up to 1000 dossiers in one request, applied in one transaction; each item is accepted or "
                    + "rejected on its own, with the status a single write would have had. 400 only when the request "
                    + "as a whole cannot be read (not JSON, no items, too many).")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = DossierBatchRequest.class)))
    @APIResponse(responseCode = "200", description = "One result per item; the accepted ones are committed.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BatchResponse.class)))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "409", ref = "IdempotencyInFlight")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "IdempotencyKeyReused")
    public Response batch(
            @Parameter(ref = "Idempotency-Key") @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            byte[] body) {
        return idempotent.run(idempotencyKey, "POST", "/api/v1/dossiers:batch", body, claim -> writeBatch(claim, body));
    }

    private Response writeBatch(KeyClaim claim, byte[] body) {
        long start = System.nanoTime();
        limit.check(body);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Intake intake = new Intake(callers.current(), now, UUID.randomUUID(), claim);
        BatchEnvelope envelope = BatchEnvelope.read(body, config.batchMaxItems());
        if (!envelope.errors().isEmpty()) {
            UUID id = log.rejectRequest(Kind.DOSSIER, intake, envelope.payload(), envelope.errors());
            return ProblemMappers.respond(Responses.problem(400, envelope.errors(), id));
        }
        List<Item<Dossier>> items = ItemReading.batch(envelope.items(), "dossier", Readers::dossier, DossierDraft::code,
                DossierRules::validate);
        long read = System.nanoTime();
        Response answer = writes.apply(intake, items, Responses::batch);
        LOG.debugf("batch of %d dossiers: read and validated in %d ms, applied and committed in %d ms", items.size(),
                (read - start) / 1_000_000, (System.nanoTime() - read) / 1_000_000);
        return answer;
    }
}
