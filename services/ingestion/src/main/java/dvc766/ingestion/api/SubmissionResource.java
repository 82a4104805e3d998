package dvc766.ingestion.api;

import dvc766.kit.security.Callers;
import dvc766.ingestion.store.SubmissionLog;
import dvc766.ingestion.store.SubmissionRecord;
import dvc766.kit.problem.ProblemException;
import dvc766.kit.security.Caller;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Objects;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Lets an agency read back what became of its submissions, and why one was rejected; fails closed on roles. */
@Path("/api/v1/submissions")
@RolesAllowed({"agency", "admin"})
@Tag(name = "Submissions")
@SecurityRequirement(name = "SecurityScheme")
public class SubmissionResource {

    private final SubmissionLog log;
    private final Callers callers;

    public SubmissionResource(SubmissionLog log, Callers callers) {
        this.log = log;
        this.callers = callers;
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Read a submission",
            description = "Role agency or admin. A client reads only its own submissions (an administrator reads any); "
                    + "others answer 404.")
    @APIResponse(responseCode = "200", description = "The submission.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubmissionView.class)))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    public SubmissionView get(@Parameter(description = "The submission's id, as in the write's answer or problem instance.")
            @PathParam("id") String id) {
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw notFound(id);
        }
        SubmissionRecord r = log.find(uuid).orElseThrow(() -> notFound(id));
        Caller caller = callers.current();
        String me = caller.clientId() != null ? caller.clientId() : caller.subject();
        // someone else's submission is answered like a missing one: its existence is not disclosed
        if (!caller.hasRole("admin") && !Objects.equals(me, r.clientId())) throw notFound(id);
        return new SubmissionView(r.id(), r.kind(), r.key(), r.clientId(), r.callerUnit(), Responses.utc(r.receivedAt()),
                r.payloadSha256(), r.outcome(), r.effect(), Responses.fieldErrors(r.errors()));
    }

    private static ProblemException notFound(String id) {
        return ProblemException.notFound("no submission " + id + " of this client");
    }
}
