package dvc766.indicator.api;

import dvc766.common.calendar.HolidayYear;
import dvc766.common.calendar.InvalidHolidayYearException;
import dvc766.indicator.config.CalendarHolder;
import dvc766.indicator.messaging.HolidayAdmin;
import dvc766.kit.problem.FieldError;
import dvc766.kit.problem.Problem;
import dvc766.kit.problem.ProblemException;
import dvc766.kit.security.Callers;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The working-day calendar, one year at a time: read the year in force, or replace it (administrators). */
@Path("/api/v1/admin/holidays")
@Produces(MediaType.APPLICATION_JSON)
public class AdminHolidayResource {

    static final int MAX_DOCUMENT_CHARS = 64 * 1024;

    private final HolidayAdmin admin;
    private final CalendarHolder calendar;
    private final Callers callers;

    public AdminHolidayResource(HolidayAdmin admin, CalendarHolder calendar, Callers callers) {
        this.admin = admin;
        this.calendar = calendar;
        this.callers = callers;
    }

    @PUT
    @Path("/{year}")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed("admin")
    @Operation(summary = "Replace a year of the working-day calendar; deadlines it can move are re-evaluated and the scores follow")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = HolidayYearDocument.class)))
    @APIResponse(responseCode = "201", description = "The first administrator's version of the year, in force",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HolidayReplacedResponse.class)))
    @APIResponse(responseCode = "200", description = "A new version of the year, in force",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HolidayReplacedResponse.class)))
    @APIResponse(responseCode = "400", description = "The document breaks rules; `errors` names every one",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role admin required",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response replace(@PathParam("year") String year, String body) {
        int y = year(year);
        if (body == null || body.isBlank()) throw ProblemException.validation(List.of(new FieldError("$", "required", "a holiday-year document is required")));
        if (body.length() > MAX_DOCUMENT_CHARS) {
            throw ProblemException.validation(List.of(new FieldError("$", "size", "a holiday-year document has at most " + MAX_DOCUMENT_CHARS + " characters")));
        }
        HolidayYear doc;
        try {
            doc = HolidayYear.fromJson(body, y);
        } catch (InvalidHolidayYearException e) {
            throw ProblemException.validation(e.violations().stream().map(v -> new FieldError(v.field(), v.rule(), v.message())).toList());
        }
        HolidayAdmin.Replaced r = admin.replace(doc, callers.current().subject());
        return Response.status(r.revision() == 1 ? 201 : 200).entity(new HolidayReplacedResponse(y, r.revision(), r.madeDue())).build();
    }

    @GET
    @Path("/{year}")
    @RolesAllowed({"admin", "monitor"})
    @Operation(summary = "The year of the working-day calendar in force: an administrator's version, else the bundled one")
    @APIResponse(responseCode = "200", description = "The year in force",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = HolidayYearDocument.class)))
    @APIResponse(responseCode = "400", description = "Bad year",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role admin or monitor required",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public HolidayYearDocument inForce(@PathParam("year") String year) {
        int y = year(year);
        HolidayYear doc = calendar.inForce(y);
        return HolidayYearDocument.of(doc, calendar.revision(y));
    }

    private static int year(String year) {
        try {
            int y = Integer.parseInt(year);
            if (y >= 2000 && y <= 2100) return y;
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ProblemException.validation(List.of(new FieldError("year", "range", "year must be a number between 2000 and 2100, got " + year)));
    }
}
