package dvc766.publication.watch.api;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Request and response bodies of the subscriptions. */
public final class SubscriptionViews {

    private SubscriptionViews() {}

    @Schema(description = "A new webhook subscription.")
    public record SubscriptionRequest(
            @Schema(required = true, description = "https URL that receives the alerts by POST.") String url,
            @Schema(required = true, description = "Alert kinds: DUE_SOON, OVERDUE, SCORE_FALL.") List<String> kinds,
            @Schema(nullable = true, description = "Only alerts about this unit and the units below it; the caller's unit when absent.")
            String unitCode,
            @Schema(nullable = true, description = "SCORE_FALL: the smallest fall in points that is alerted (default 1).")
            BigDecimal minFall) {}

    @Schema(description = "A webhook subscription.")
    public record SubscriptionView(
            String id,
            String url,
            List<String> kinds,
            @Schema(nullable = true, description = "null: every unit.") String unitCode,
            BigDecimal minFall,
            String createdBy,
            OffsetDateTime createdAt,
            @Schema(nullable = true, description = "The HMAC-SHA256 key of the X-Watch-Signature header; shown only in the answer to the creation.")
            String secret) {}

    @Schema(description = "Subscriptions the caller may see, newest first.")
    public record SubscriptionList(List<SubscriptionView> items) {}
}
