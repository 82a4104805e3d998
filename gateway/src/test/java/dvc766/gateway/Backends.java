package dvc766.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.eclipse.microprofile.config.ConfigProvider;

/** Direct access to the fake services (not through the gateway), for what they saw. */
final class Backends {

    static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Backends() {}

    static String url(String service) {
        return ConfigProvider.getConfig().getValue("dvc.gateway.backends." + service + ".url", String.class);
    }

    static String newMarker() {
        return UUID.randomUUID().toString();
    }

    /** How many requests carrying {@code marker} reached {@code service}. */
    static int seen(String service, String marker) {
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(url(service) + "/_control/seen?marker=" + marker))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            return Integer.parseInt(r.body());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Requests with {@code marker} that reached any service. */
    static int seenAnywhere(String marker) {
        return FakeBackends.SERVICES.stream().mapToInt(s -> seen(s, marker)).sum();
    }

    static int release(String streamId) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url("publication") + "/_control/release?id=" + streamId))
                .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
