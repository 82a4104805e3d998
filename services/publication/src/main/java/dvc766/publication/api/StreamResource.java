package dvc766.publication.api;

import dvc766.kit.problem.Problem;
import dvc766.publication.domain.ScoreChange;
import io.smallrye.mutiny.Multi;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.function.Predicate;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Server-sent events of committed score changes, for live pages. */
@Path("/public/v1/stream")
@Tag(name = "public")
public class StreamResource {

    private final LiveScores live;

    public StreamResource(LiveScores live) {
        this.live = live;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Live score changes",
            description = "A `text/event-stream`: one event `score` per committed score change (data: `{\"id\",\"unitCode\","
                    + "\"period\",\"ruleSet\",\"version\",\"total\",\"band\",\"asOf\"}`, id: the change's number), "
                    + "optionally only of one unit and/or one rule set; a comment line at least every 15 s keeps the "
                    + "connection open. A client reconnecting with `Last-Event-ID` first gets the changes it missed (of its "
                    + "filter, oldest first); when it missed more than 1000, or the id is not one of ours, an event `reset` "
                    + "(data `{\"reason\"}`, id: the latest change) tells it to re-read the API. A bounded number of "
                    + "clients per instance: beyond it, 503 with Retry-After.")
    @APIResponse(responseCode = "200", description = "The stream.",
            content = @Content(mediaType = MediaType.SERVER_SENT_EVENTS, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "A parameter is malformed.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "503", description = "The instance has its maximum of live clients; retry after the time given.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Multi<OutboundSseEvent> stream(
            @Parameter(description = "Only changes of this unit (its code).") @QueryParam("unit") String unit,
            @Parameter(description = "Only changes under this rule set.") @QueryParam("ruleSet") String ruleSet,
            @Context HttpHeaders headers,
            @Context Sse sse) {
        // part of the SSE protocol (EventSource sends it when it reconnects), described in the operation, not a parameter
        String lastEventId = headers.getHeaderString("Last-Event-ID");
        PublicQueries q = new PublicQueries();
        String unitCode = q.code("unit", unit);
        String rs = ruleSet == null || ruleSet.isBlank() ? null : q.ruleSet(ruleSet, null);
        q.check();
        Predicate<ScoreChange> wants = c -> (unitCode == null || unitCode.equals(c.unitCode()))
                && (rs == null || rs.equals(c.ruleSet()));
        return live.subscribe(wants, sse, new LiveScores.Replay(lastEventId, unitCode, rs));
    }
}
