package dvc766.complaint.api;

import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.regex.Pattern;

/**
 * {@code POST /api/v1/complaints:import} is also reached as {@code complaints%3Aimport}: some HTTP clients (REST
 * Assured among them) percent-encode the colon, and the JAX-RS router matches the raw path.
 */
@ApplicationScoped
public class CustomMethodPaths {

    private static final Pattern ENCODED = Pattern.compile("^/api/v1/[a-z]+%3[aA][a-z]+$");

    void install(@Observes Router router) {
        router.route().order(-4).handler(rc -> {
            String path = rc.request().path();
            if (path != null && ENCODED.matcher(path).matches()) {
                rc.reroute(path.replace("%3A", ":").replace("%3a", ":"));
            } else {
                rc.next();
            }
        });
    }
}
