package dvc766.complaint.api;

import dvc766.complaint.config.ComplaintConfig;
import dvc766.complaint.domain.Action;
import dvc766.complaint.domain.IllegalTransitionException;
import dvc766.complaint.domain.Status;
import dvc766.complaint.store.ActionLog;
import dvc766.complaint.store.ComplaintStore;
import dvc766.complaint.store.ComplaintWrites;
import dvc766.complaint.store.ContactStore;
import dvc766.complaint.store.StoredComplaint;
import dvc766.complaint.store.UnitDirectory;
import dvc766.kit.events.EventJson;
import dvc766.kit.problem.Problem;
import dvc766.kit.problem.ProblemException;
import dvc766.kit.security.Caller;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.Authenticated;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The officials' side: the unit's work list, a PAKN in full, the actions on it, and the erasure of personal data. */
@Path("/api/v1/complaints")
@Authenticated
@Tag(name = "PAKN (officials)")
@SecurityRequirement(name = "SecurityScheme")
public class OfficialComplaintResource {

    private final ComplaintConfig config;
    private final ComplaintStore store;
    private final ComplaintWrites writes;
    private final ContactStore contacts;
    private final ActionLog log;
    private final OfficialAccess access;
    private final UnitDirectory units;

    public OfficialComplaintResource(ComplaintConfig config, ComplaintStore store, ComplaintWrites writes,
            ContactStore contacts, ActionLog log, OfficialAccess access, UnitDirectory units) {
        this.config = config;
        this.store = store;
        this.writes = writes;
        this.contacts = contacts;
        this.log = log;
        this.access = access;
        this.units = units;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The work list",
            description = "Officials (role official) see their own unit's PAKN; monitors their unit and every unit below "
                    + "(read only); administrators all. Nearest answer deadline first; size at most 100.")
    @APIResponse(responseCode = "200", description = "A page of PAKN.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OfficialPage.class)))
    @APIResponse(responseCode = "400", description = "Invalid parameters.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an official, monitor or administrator.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public OfficialPage list(@QueryParam("status") String status, @QueryParam("overdue") String overdue,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        Caller caller = access.caller();
        List<String> readable = access.readable(caller);
        Checks checks = new Checks();
        Status st = checks.oneOf("status", status, Status.class, false);
        Boolean od = null;
        if (overdue != null) {
            if (overdue.equals("true") || overdue.equals("false")) od = Boolean.valueOf(overdue);
            else checks.add("overdue", "boolean", "overdue must be true or false");
        }
        Paging p = Paging.of(page, size, config.pageMaxSize(), checks);
        checks.throwIfAny();
        ComplaintStore.Page result = store.list(new ComplaintStore.Filter(readable, st, od), p.page(), p.size(), true);
        return new OfficialPage(p.page(), p.size(), result.total(), result.items().stream().map(Views::item).toList());
    }

    @GET
    @Path("/{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A PAKN in full, with its audit trail",
            description = "The contact is shown only to officials of the unit currently competent.")
    @APIResponse(responseCode = "200", description = "The PAKN.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OfficialDetail.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Outside the caller's units.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such PAKN.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public OfficialDetail get(@PathParam("id") String id) {
        Caller caller = access.caller();
        StoredComplaint s = store.find(id).orElseThrow(() -> ProblemException.notFound("no PAKN " + id));
        access.checkRead(caller, s);
        return detail(caller, s);
    }

    @POST
    @Path("/{id}/actions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Act on a PAKN",
            description = "Role official of the unit currently competent. ACCEPT, TRANSFER (toUnitCode; the deadlines "
                    + "restart), REQUEST_INFO (note), RECORD_INFO (note: the citizen's reply), REFUSE (reason), ANSWER "
                    + "(answer), PUBLISH. An action the state does not allow is 409. Every action is audited.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ActionRequest.class)))
    @APIResponse(responseCode = "200", description = "Done and committed; the PAKN after the action.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = OfficialDetail.class)))
    @APIResponse(responseCode = "400", description = "Invalid fields.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an official of the competent unit.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such PAKN.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The PAKN's state does not allow this action.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Unknown unit to transfer to.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public OfficialDetail act(@PathParam("id") String id, ActionRequest body) {
        Caller caller = access.caller();
        Checks checks = new Checks();
        if (body == null) {
            checks.required("$", null);
            checks.throwIfAny();
        }
        Action action = checks.oneOf("action", body.action(), Action.class, true);
        int max = config.textMaxChars();
        String answer = checks.text("answer", body.answer(), max, action == Action.ANSWER);
        String reason = checks.text("reason", body.reason(), max, action == Action.REFUSE);
        String note = checks.text("note", body.note(), max, action == Action.REQUEST_INFO || action == Action.RECORD_INFO);
        checks.code("toUnitCode", body.toUnitCode(), action == Action.TRANSFER);
        checks.throwIfAny();
        if (action == Action.TRANSFER && !units.exists(body.toUnitCode())) {
            throw ProblemException.unprocessable("unknown-unit", "unit " + body.toUnitCode() + " is not known");
        }
        StoredComplaint after = QuarkusTransaction.requiringNew().call(() -> {
            StoredComplaint s = store.lock(id).orElseThrow(() -> ProblemException.notFound("no PAKN " + id));
            ActionLog.Actor actor = access.checkAct(caller, s);
            try {
                return writes.act(s, action, action == Action.TRANSFER ? body.toUnitCode() : null,
                        new ComplaintWrites.ActionTexts(answer, reason, note), actor);
            } catch (IllegalTransitionException e) {
                throw ProblemException.conflict(e.getMessage());
            }
        });
        return detail(caller, after);
    }

    @DELETE
    @Path("/{id}/personal-data")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Erase a citizen's personal data on request",
            description = "Role admin. Deletes the contact and the citizen's texts; the PAKN, its times and every "
                    + "statistic stay. Audited.")
    @APIResponse(responseCode = "200", description = "Erased and committed.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = ErasureResult.class)))
    @APIResponse(responseCode = "401", description = "No valid token.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Not an administrator.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such PAKN.", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ErasureResult erase(@PathParam("id") String id) {
        Caller caller = access.caller();
        if (!caller.hasRole(OfficialAccess.ADMIN)) throw ProblemException.forbidden("erasure needs the role admin");
        return QuarkusTransaction.requiringNew().call(() -> {
            StoredComplaint s = store.lock(id).orElseThrow(() -> ProblemException.notFound("no PAKN " + id));
            boolean contact = writes.erase(s, new ActionLog.Actor(ActionLog.ActorKind.ADMIN, caller.subject(),
                    caller.clientId(), caller.unitCode().orElse(null)));
            return new ErasureResult(id, contact, s.text() != null, Views.t(writes.now()));
        });
    }

    private OfficialDetail detail(Caller caller, StoredComplaint s) {
        ContactDto contact = access.seesContact(caller, s) ? contacts.get(s.id()).map(OfficialComplaintResource::contact).orElse(null) : null;
        return Views.detail(s, store.infoReply(s.id()), contact, log.of(s.id()));
    }

    private static ContactDto contact(String json) {
        try {
            return EventJson.mapper().readValue(json, ContactDto.class);
        } catch (Exception e) {
            throw new IllegalStateException("stored contact unreadable", e);
        }
    }
}
