package dvc766.ingestion.api;

import dvc766.kit.events.EventJson;
import dvc766.kit.problem.Problem;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Answers an oversized body with problem+json. Quarkus enforces {@code quarkus.http.limits.max-body-size} itself
 * but with an empty 413; this route runs just before its check (order -2) and answers the same requests first.
 */
@ApplicationScoped
public class BodyLimit {

    private final Optional<MemorySize> max;

    public BodyLimit(@ConfigProperty(name = "quarkus.http.limits.max-body-size") Optional<MemorySize> max) {
        this.max = max;
    }

    void install(@Observes Router router) {
        if (max.isEmpty()) return;
        long limit = max.get().asLongValue();
        String body = EventJson.write(Problem.of(413, "too-large", "Content too large",
                "the body exceeds " + limit + " bytes; send fewer items per request"));
        router.route().order(-3).handler(rc -> {
            String length = rc.request().getHeader("Content-Length");
            long size;
            try {
                size = length == null ? -1 : Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                size = -1;
            }
            if (size > limit) {
                rc.response().setStatusCode(413)
                        .putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .putHeader("Connection", "close")
                        .end(body);
            } else {
                rc.next();
            }
        });
    }
}
