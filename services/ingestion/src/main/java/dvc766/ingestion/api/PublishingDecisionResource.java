package dvc766.ingestion.api;

import dvc766.ingestion.config.IngestionConfig;
import dvc766.ingestion.domain.Kind;
import dvc766.ingestion.domain.PublishingDecision;
import dvc766.ingestion.domain.PublishingDecisionDraft;
import dvc766.ingestion.domain.PublishingDecisionRules;
import dvc766.ingestion.store.Intake;
import dvc766.ingestion.store.Item;
import dvc766.ingestion.store.KeyClaim;
import dvc766.ingestion.store.PublishingDecisionWrites;
import dvc766.ingestion.store.SubmissionLog;
import dvc766.kit.problem.ProblemMappers;
import dvc766.kit.security.Callers;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
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
 * Publishing decisions (QĐCB) from agency systems. A decision's number holds slashes (1234/QĐ-UBND), so it is not a
 * path segment: the single write is a POST whose body carries the natural key, unit and number.
 */
@Path("/api/v1")
@Authenticated
@Tag(name = "Publishing decisions")
@SecurityRequirement(name = "SecurityScheme")
public class PublishingDecisionResource {

    static final String PATH = "/api/v1/publishing-decisions";

    private final PublishingDecisionWrites writes;
    private final SubmissionLog log;
    private final Callers callers;
    private final BodyLimit limit;
    private final Clock clock;
    private final IngestionConfig config;
    private final IdempotentRequests idempotent;

    public PublishingDecisionResource(PublishingDecisionWrites writes, SubmissionLog log, Callers callers, Clock clock,
            IngestionConfig config, BodyLimit limit, IdempotentRequests idempotent) {
        this.writes = writes;
        this.log = log;
        this.callers = callers;
        this.limit = limit;
        this.clock = clock;
        this.config = config;
        this.idempotent = idempotent;
    }

    @POST
    @Path("/publishing-decisions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or update a publishing decision",
            description = "Upsert by unitCode and number. Needs role agency and a unit_code in the token that is the "
                    + "decision's unit or above it on the day it was signed. A state older than the stored one "
                    + "(updatedAt) is recorded as STALE and changes nothing; an identical one is UNCHANGED.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PublishingDecisionRequest.class)))
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
    public Response post(@Parameter(ref = "Idempotency-Key") @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            byte[] body) {
        return idempotent.run(idempotencyKey, "POST", PATH, body, claim -> write(claim, body));
    }

    private Response write(KeyClaim claim, byte[] body) {
        limit.check(body);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Item<PublishingDecision> item = ItemReading.single(body, Readers::publishingDecision,
                PublishingDecisionDraft::key, PublishingDecisionRules::validate);
        return writes.apply(new Intake(callers.current(), now, null, claim), List.of(item),
                results -> Responses.single(Kind.PUBLISHING_DECISION, results.get(0), now));
    }

    @POST
    @Path("/publishing-decisions:batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or update many publishing decisions",
            description = "Up to 1000 decisions in one request and one transaction; one result per item, each with the "
                    + "status a single write would have had.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = PublishingDecisionBatchRequest.class)))
    @APIResponse(responseCode = "200", description = "One result per item; the accepted ones are committed.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = BatchResponse.class)))
    @APIResponse(responseCode = "400", ref = "Invalid")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "409", ref = "IdempotencyInFlight")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    @APIResponse(responseCode = "415", ref = "UnsupportedMediaType")
    @APIResponse(responseCode = "422", ref = "IdempotencyKeyReused")
    public Response batch(@Parameter(ref = "Idempotency-Key") @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            byte[] body) {
        return idempotent.run(idempotencyKey, "POST", PATH + ":batch", body, claim -> writeBatch(claim, body));
    }

    private Response writeBatch(KeyClaim claim, byte[] body) {
        limit.check(body);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Intake intake = new Intake(callers.current(), now, UUID.randomUUID(), claim);
        BatchEnvelope envelope = BatchEnvelope.read(body, config.batchMaxItems());
        if (!envelope.errors().isEmpty()) {
            UUID id = log.rejectRequest(Kind.PUBLISHING_DECISION, intake, envelope.payload(), envelope.errors());
            return ProblemMappers.respond(Responses.problem(400, envelope.errors(), id));
        }
        List<Item<PublishingDecision>> items = ItemReading.batch(envelope.items(), "decision", "number",
                Readers::publishingDecision, PublishingDecisionDraft::key, PublishingDecisionRules::validate);
        return writes.apply(intake, items, Responses::batch);
    }
}
