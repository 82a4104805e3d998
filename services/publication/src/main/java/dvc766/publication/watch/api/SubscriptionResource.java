package dvc766.publication.watch.api;

import dvc766.kit.problem.FieldError;
import dvc766.kit.problem.Problem;
import dvc766.kit.problem.ProblemException;
import dvc766.publication.watch.config.WatchConfig;
import dvc766.publication.watch.domain.AlertKind;
import dvc766.publication.watch.domain.WebhookSignature;
import dvc766.publication.watch.domain.WebhookUrls;
import dvc766.publication.watch.store.SubscriptionStore;
import dvc766.publication.watch.store.UnitTree;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.math.BigDecimal;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Webhook subscriptions to the watch's alerts. A subscription's unit scope lies within the caller's; a caller sees and
 * deletes the subscriptions whose scope lies within its own. The signing secret is shown once, in the creation's answer.
 */
@Path("/api/v1/watch/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "watch", description = "Internal views and alerts for officials (OIDC)")
public class SubscriptionResource {

    private static final int MAX_LISTED = 500;
    private static final BigDecimal MAX_FALL = new BigDecimal("100");

    private final WatchAccess access;
    private final SubscriptionStore subscriptions;
    private final UnitTree tree;
    private final WatchConfig config;

    public SubscriptionResource(WatchAccess access, SubscriptionStore subscriptions, UnitTree tree, WatchConfig config) {
        this.access = access;
        this.subscriptions = subscriptions;
        this.tree = tree;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Subscribe a webhook to alerts",
            description = "Alerts of the chosen kinds about the unit's subtree are POSTed to the URL as JSON, signed with "
                    + "HMAC-SHA256 over the body (`X-Watch-Signature: sha256=<hex>`, key = the returned `secret`), named by "
                    + "`X-Watch-Alert-Id` (the same on every retry: receivers drop repeats), retried with exponential "
                    + "backoff until a 2xx answer.")
    @RequestBody(required = true, content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = SubscriptionViews.SubscriptionRequest.class)))
    @APIResponse(responseCode = "201", description = "Created; the answer holds the secret, shown only this once.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriptionViews.SubscriptionView.class)))
    @APIResponse(responseCode = "400", description = "The body is not valid; every bad field is named.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "401", description = "No valid token.")
    @APIResponse(responseCode = "403", description = "Not an official, or the unit is outside the caller's.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "The unit already has the most subscriptions allowed.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(SubscriptionViews.SubscriptionRequest body) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null) throw ProblemException.validation(List.of(new FieldError("$", "required", "a body is required")));
        String url = body.url() == null ? null : body.url().trim();
        if (url == null || url.isEmpty()) errors.add(new FieldError("url", "required", "url is required"));
        else WebhookUrls.problem(url, config.allowLocalHttp()).ifPresent(m -> errors.add(new FieldError("url", "format", m)));
        Set<AlertKind> kinds = new LinkedHashSet<>();
        if (body.kinds() == null || body.kinds().isEmpty()) {
            errors.add(new FieldError("kinds", "required", "kinds must name at least one of " + AlertKind.names()));
        } else if (body.kinds().size() > 10) {
            errors.add(new FieldError("kinds", "maxItems", "kinds must have at most 10 items"));
        } else {
            for (int i = 0; i < body.kinds().size(); i++) {
                Optional<AlertKind> k = AlertKind.parse(body.kinds().get(i));
                if (k.isPresent()) kinds.add(k.get());
                else errors.add(new FieldError("kinds[" + i + "]", "enum", "kinds[" + i + "] must be one of " + AlertKind.names()));
            }
        }
        String unit = body.unitCode() == null || body.unitCode().isBlank() ? null : body.unitCode().trim();
        if (unit != null && (unit.length() > WatchParams.MAX_CODE || unit.chars().anyMatch(Character::isISOControl))) {
            errors.add(new FieldError("unitCode", "pattern", "unitCode must be at most " + WatchParams.MAX_CODE
                    + " characters without control characters"));
        }
        BigDecimal minFall = body.minFall() == null ? config.defaultMinFall() : body.minFall();
        if (minFall.signum() <= 0 || minFall.compareTo(MAX_FALL) > 0) {
            errors.add(new FieldError("minFall", "range", "minFall must be more than 0 and at most 100 points"));
        }
        if (!errors.isEmpty()) throw ProblemException.validation(errors);

        String root = access.callerRoot();
        String scope = unit != null ? unit : root;
        if (unit != null && root != null && !tree.within(unit, root)) {
            throw ProblemException.forbidden("unit " + unit + " is outside the caller's units (" + root + " and below)");
        }
        String secret = WebhookSignature.newSecret();
        String subject = access.subject();
        SubscriptionStore.Subscription s = QuarkusTransaction.requiringNew().call(() -> {
            if (subscriptions.countInScope(scope) >= config.maxSubscriptionsPerScope()) {
                throw ProblemException.conflict("unit " + (scope == null ? "(all)" : scope) + " already has "
                        + config.maxSubscriptionsPerScope() + " subscriptions");
            }
            return subscriptions.create(url, secret, List.copyOf(kinds), scope, minFall, subject);
        });
        return Response.created(URI.create("/api/v1/watch/subscriptions/" + s.id())).entity(view(s, secret)).build();
    }

    @GET
    @Operation(summary = "The caller's subscriptions",
            description = "Subscriptions whose unit scope lies within the caller's units (all of them for an administrator), newest first; secrets are not shown.")
    @APIResponse(responseCode = "200", description = "The subscriptions.",
            content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = SubscriptionViews.SubscriptionList.class)))
    @APIResponse(responseCode = "401", description = "No valid token.")
    @APIResponse(responseCode = "403", description = "Not an official.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public SubscriptionViews.SubscriptionList list() {
        String root = access.callerRoot();
        List<SubscriptionStore.Subscription> found = subscriptions.list(root == null ? null : tree.subtree(root), MAX_LISTED);
        return new SubscriptionViews.SubscriptionList(found.stream().map(s -> view(s, null)).toList());
    }

    @DELETE
    @Path("/{id}")
    @Operation(summary = "Remove a subscription", description = "Its pending deliveries are dropped.")
    @APIResponse(responseCode = "204", description = "Removed.")
    @APIResponse(responseCode = "401", description = "No valid token.")
    @APIResponse(responseCode = "403", description = "Not an official.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "404", description = "No such subscription among those the caller may see.",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response delete(@Parameter(description = "The subscription's id.", required = true) @PathParam("id") String id) {
        String root = access.callerRoot();
        UUID uuid;
        try {
            uuid = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw ProblemException.notFound("no subscription " + id);
        }
        Optional<SubscriptionStore.Subscription> s = subscriptions.find(uuid);
        if (s.isEmpty() || !access.sees(root, s.get().unitScope())) throw ProblemException.notFound("no subscription " + id);
        subscriptions.delete(uuid);
        return Response.noContent().build();
    }

    private static SubscriptionViews.SubscriptionView view(SubscriptionStore.Subscription s, String secret) {
        return new SubscriptionViews.SubscriptionView(s.id().toString(), s.url(), s.kinds().stream().map(Enum::name).toList(),
                s.unitScope(), s.minFall(), s.createdBy(), WatchResource.time(s.createdAt()), secret);
    }
}
