package dvc766.ingestion.api;

import dvc766.kit.security.Callers;
import dvc766.ingestion.domain.Kind;
import dvc766.ingestion.domain.Unit;
import dvc766.ingestion.domain.UnitRules;
import dvc766.ingestion.store.Intake;
import dvc766.ingestion.store.Item;
import dvc766.ingestion.store.KeyClaim;
import dvc766.ingestion.store.UnitWrites;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The unit tree, maintained by administrators. Nothing is seeded: units arrive through this route. */
@Path("/api/v1/admin")
@RolesAllowed("admin")
@Tag(name = "Units")
@SecurityRequirement(name = "SecurityScheme")
public class UnitResource {

    private final UnitWrites writes;
    private final Callers callers;
    private final BodyLimit limit;
    private final Clock clock;
    private final IdempotentRequests idempotent;

    public UnitResource(UnitWrites writes, Callers callers, Clock clock, BodyLimit limit, IdempotentRequests idempotent) {
        this.idempotent = idempotent;
        this.writes = writes;
        this.callers = callers;
        this.limit = limit;
        this.clock = clock;
    }

    @PUT
    @Path("/units/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create or update a unit",
            description = "Role admin. Places the unit under its parent from validFrom on; for earlier days the tree keeps "
                    + "the parent it had, so a reorganisation (districts abolished) keeps its history.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = UnitRequest.class)))
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
    public Response put(@Parameter(description = "The unit's code, e.g. 38, 38.SNV, 380.") @PathParam("code") String code,
            @Parameter(ref = "Idempotency-Key") @HeaderParam(IdempotentRequests.HEADER) String idempotencyKey,
            byte[] body) {
        return idempotent.run(idempotencyKey, "PUT", "/api/v1/admin/units/" + code, body, claim -> write(claim, code, body));
    }

    private Response write(KeyClaim claim, String code, byte[] body) {
        limit.check(body);
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Item<Unit> item = ItemReading.single(body, code, Readers::unit, (draft, prefix, v) -> UnitRules.validate(draft, now, v));
        return writes.apply(new Intake(callers.current(), now, null, claim), item, r -> Responses.single(Kind.UNIT, r, now));
    }
}
