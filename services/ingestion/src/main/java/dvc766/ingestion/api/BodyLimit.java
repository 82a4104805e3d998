package dvc766.ingestion.api;

import dvc766.ingestion.config.IngestionConfig;
import dvc766.kit.events.EventJson;
import dvc766.kit.problem.Problem;
import dvc766.kit.problem.ProblemException;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Answers a body over {@code dvc.ingestion.max-body-size} with a 413 problem. A declared Content-Length is checked
 * before the body is read (this route runs before Quarkus's own check, order -2); a streamed (chunked) body is
 * checked once read, by {@link #check(byte[])}. Quarkus's {@code quarkus.http.limits.max-body-size}, set higher, stays
 * the hard stop for streams, answered by Quarkus with a bare 413.
 */
@ApplicationScoped
public class BodyLimit {

    private final long limit;

    public BodyLimit(IngestionConfig config) {
        this.limit = config.maxBodySize().asLongValue();
    }

    void install(@Observes Router router) {
        String body = EventJson.write(problem());
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

    /** Refuses a body that arrived without a Content-Length and turned out too large. */
    public void check(byte[] body) {
        if (body != null && body.length > limit) throw new ProblemException(problem());
    }

    private Problem problem() {
        return Problem.of(413, "too-large", "Content too large",
                "the body exceeds " + limit + " bytes; send fewer items per request");
    }
}
