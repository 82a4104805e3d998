package dvc766.indicator.api;

import dvc766.indicator.config.RuleSetCatalog;
import dvc766.indicator.domain.RuleSet;
import dvc766.kit.problem.Problem;
import dvc766.kit.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The rule sets this instance scores under. */
@Path("/api/v1/rulesets")
@Produces(MediaType.APPLICATION_JSON)
public class RuleSetResource {

    private final RuleSetCatalog ruleSets;

    public RuleSetResource(RuleSetCatalog ruleSets) {
        this.ruleSets = ruleSets;
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"monitor", "admin", "agency", "official"})
    @Operation(summary = "An active rule set: groups, indicators, points, rules, applicability, bands, deadline parameters")
    @APIResponse(responseCode = "200", description = "The rule set",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = RuleSetResponse.class)))
    @APIResponse(responseCode = "401", description = "No valid token",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "403", description = "Role monitor, admin, agency or official required",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such active rule set",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RuleSetResponse ruleSet(@PathParam("id") String id) {
        ruleSets.refreshIfChanged();
        RuleSet rs = ruleSets.find(id).orElseThrow(() -> ProblemException.notFound("no active rule set " + id));
        Set<String> computed = RuleSetCatalog.computed(rs);
        return RuleSetResponse.of(rs, rs.indicators().stream().map(RuleSet.IndicatorDef::code).filter(computed::contains).toList());
    }
}
