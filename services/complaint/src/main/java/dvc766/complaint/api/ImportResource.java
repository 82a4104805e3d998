package dvc766.complaint.api;

import dvc766.complaint.config.ComplaintConfig;
import dvc766.complaint.domain.Complaint;
import dvc766.complaint.store.ActionLog;
import dvc766.complaint.store.ComplaintStore;
import dvc766.complaint.store.ComplaintWrites;
import dvc766.complaint.store.StoredComplaint;
import dvc766.complaint.store.UnitDirectory;
import dvc766.kit.problem.FieldError;
import dvc766.kit.problem.Problem;
import dvc766.kit.problem.ProblemException;
import dvc766.kit.security.Caller;
import dvc766.kit.security.Callers;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * PAKN received in other channels (national PAKN system, provincial portal, hotline), with their original times and
 * states. They count exactly as the PAKN handled here: the same table, deadlines and event.
 */
@Path("/api/v1")
@Authenticated
@Tag(name = "PAKN import")
@SecurityRequirement(name = "SecurityScheme")
public class ImportResource {

    private final ComplaintConfig config;
    private final ComplaintStore store;
    private final ComplaintWrites writes;
    private final UnitDirectory units;
    private final Callers callers;

    public ImportResource(ComplaintConfig config, ComplaintStore store, ComplaintWrites writes, UnitDirectory units,
            Callers callers) {
        this.config = config;
        this.store = store;
        this.writes = writes;
        this.units = units;
        this.callers = callers;
    }

    @POST
    @Path("/complaints:import")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import PAKN from other channels",
            description = "Role agency; each item's unitCode inside the caller's subtree. Idempotent on (channel, id): a "
                    + "state with an updatedAt not newer than the held one is UNCHANGED (same) or STALE (different). "
                    + "Each item is accepted or rejected on its own; at most 1000 items.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ImportRequest.class)))
    @APIResponse(responseCode = "200", description = "One result per item; the accepted ones are committed.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ImportResponse.class)))
    @APIResponse(responseCode = "400", description = "Not a batch (no items, too many, malformed).", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an agency with a unit.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ImportResponse importBatch(ImportRequest body) {
        Caller caller = callers.current();
        if (!caller.hasRole("agency")) throw ProblemException.forbidden("imports need the role agency");
        String scope = caller.unitCode().orElseThrow(() -> ProblemException.forbidden("the token carries no unit_code"));
        if (body == null || body.items() == null || body.items().isEmpty()) {
            throw ProblemException.validation(List.of(new FieldError("items", "required", "items must hold 1 to "
                    + config.importMaxItems() + " PAKN")));
        }
        if (body.items().size() > config.importMaxItems()) {
            throw ProblemException.validation(List.of(new FieldError("items", "max-items", "at most "
                    + config.importMaxItems() + " items per request")));
        }
        Instant latest = writes.now().plus(config.futureSkew());
        List<ImportResult> results = new ArrayList<>();
        List<Integer> valid = new ArrayList<>();
        List<Complaint> read = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < body.items().size(); i++) {
            ImportItem it = body.items().get(i);
            Checks checks = new Checks();
            Complaint c = it == null ? null : ImportReading.read(it, "items[" + i + "].", checks, latest);
            if (it == null) checks.required("items[" + i + "]", null);
            results.add(c == null ? new ImportResult(i, it == null ? null : it.id(), 400, null, checks.errors) : null);
            read.add(c);
            if (c != null) {
                valid.add(i);
                codes.add(c.unitCode());
            }
        }
        Set<String> known = units.known(codes);
        Set<String> inScope = units.within(scope, known);
        ActionLog.Actor actor = new ActionLog.Actor(ActionLog.ActorKind.AGENCY, caller.subject(), caller.clientId(), scope);
        QuarkusTransaction.requiringNew().run(() -> {
            Set<String> seen = new HashSet<>();
            for (int i : valid) {
                Complaint c = read.get(i);
                ImportItem it = body.items().get(i);
                results.set(i, one(i, c, it, known, inScope, seen, actor));
            }
        });
        return new ImportResponse(results);
    }

    private ImportResult one(int i, Complaint c, ImportItem it, Set<String> known, Set<String> inScope, Set<String> seen,
            ActionLog.Actor actor) {
        if (!known.contains(c.unitCode())) {
            return rejected(i, c.id(), 422, "items[" + i + "].unitCode", "known-unit", "unit " + c.unitCode() + " is not known");
        }
        if (!inScope.contains(c.unitCode())) {
            return rejected(i, c.id(), 403, "items[" + i + "].unitCode", "scope",
                    "unit " + c.unitCode() + " is outside the units this client writes for");
        }
        if (!seen.add(c.id())) {
            return rejected(i, c.id(), 409, "items[" + i + "].id", "unique", "the batch holds PAKN " + c.id() + " twice");
        }
        Instant sourceUpdatedAt = it.updatedAt().toInstant().truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        Optional<StoredComplaint> held = store.lock(c.id());
        if (held.isPresent()) {
            StoredComplaint h = held.get();
            if (h.complaint().channel() != c.channel()) {
                return rejected(i, c.id(), 409, "items[" + i + "].id", "unique",
                        "id " + c.id() + " is held for channel " + h.complaint().channel());
            }
            if (h.complaint().equals(c)) return new ImportResult(i, c.id(), 200, "UNCHANGED", List.of());
            if (h.sourceUpdatedAt() != null && !sourceUpdatedAt.isAfter(h.sourceUpdatedAt())) {
                return new ImportResult(i, c.id(), 200, "STALE", List.of());
            }
            writes.importState(held, c, sourceUpdatedAt, actor);
            return new ImportResult(i, c.id(), 200, "UPDATED", List.of());
        }
        writes.importState(Optional.empty(), c, sourceUpdatedAt, actor);
        return new ImportResult(i, c.id(), 201, "CREATED", List.of());
    }

    private static ImportResult rejected(int i, String key, int status, String field, String rule, String message) {
        return new ImportResult(i, key, status, null, List.of(new FieldError(field, rule, message)));
    }
}
