package dvc766.ingestion.api;

import dvc766.kit.security.Callers;
import dvc766.ingestion.config.IngestionConfig;
import dvc766.ingestion.domain.Kind;
import dvc766.ingestion.domain.Procedure;
import dvc766.ingestion.domain.ProcedureDraft;
import dvc766.ingestion.domain.ProcedureRules;
import dvc766.ingestion.store.Intake;
import dvc766.ingestion.store.Item;
import dvc766.ingestion.store.KeyClaim;
import dvc766.ingestion.store.ProcedureWrites;
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

/** The procedure (TTHC) catalogue, from agency systems; bodies are read as bytes like dossiers. */
@Path("/api/v1")
@Authenticated
@Tag(name = "Procedures")
@SecurityRequirement(name = "SecurityScheme")
public class ProcedureResource {

    private final ProcedureWrites writes;
    private final SubmissionLog log;
    private final Callers callers;
    private final BodyLimit limit;
    private final Clock clock;
    private final IngestionConfig config;
    private final IdempotentRequests idempotent;

    public ProcedureResource(ProcedureWrites writes, SubmissionLog log, Callers callers, Clock clock,
            IngestionConfig config, BodyLimit limit, IdempotentRequests idempotent) {
        this.idempotent = idempotent;
        this.writes = writes;
        this.log = log;
        this.callers = callers;
        this.limit = limit;
        this.clock = clock;
        this.config = config;
    }

    @PUT
    @Path("/procedures/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or update a procedure",
            description = "Upsert by code. Every unit in unitCodes, and every unit that implemented the procedure "
                    + "before, must be the caller's unit or below it.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProcedureRequest.class)))
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
    public Response put(@Parameter(description = "The procedure's code (mã TTHC).") @PathParam("code") String code,
            @Parameter(ref = "Idempotency-Key") @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            byte[] body) {
        return idempotent.run(idempotencyKey, "PUT", "/api/v1/procedures/" + code, body, claim -> write(claim, code, body));
    }

    private Response write(KeyClaim claim, String code, byte[] body) {
        limit.check(body);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Item<Procedure> item = ItemReading.single(body, code, Readers::procedure, ProcedureRules::validate);
        return writes.apply(new Intake(callers.current(), now, null, claim), List.of(item),
                results -> Responses.single(Kind.PROCEDURE, results.get(0), now));
    }

    @POST
    @Path("/procedures:batch")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or update many procedures",
            description = "Up to 1000 procedures in one request and one transaction; one result per item.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ProcedureBatchRequest.class)))
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
        return idempotent.run(idempotencyKey, "POST", "/api/v1/procedures:batch", body, claim -> writeBatch(claim, body));
    }

    private Response writeBatch(KeyClaim claim, byte[] body) {
        limit.check(body);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Intake intake = new Intake(callers.current(), now, UUID.randomUUID(), claim);
        BatchEnvelope envelope = BatchEnvelope.read(body, config.batchMaxItems());
        if (!envelope.errors().isEmpty()) {
            UUID id = log.rejectRequest(Kind.PROCEDURE, intake, envelope.payload(), envelope.errors());
            return ProblemMappers.respond(Responses.problem(400, envelope.errors(), id));
        }
        List<Item<Procedure>> items = ItemReading.batch(envelope.items(), "procedure", Readers::procedure, ProcedureDraft::code,
                ProcedureRules::validate);
        return writes.apply(intake, items, Responses::batch);
    }
}
