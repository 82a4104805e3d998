package dvc766.gateway.api;

import io.vertx.core.Future;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.json.JsonObject;

/** RFC 9457 problem details written straight on a Vert.x response (the gateway has no JAX-RS). */
public final class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {}

    public static JsonObject body(int status, String kind, String title, String detail, String instance) {
        JsonObject p = new JsonObject()
                .put("type", "urn:dvc766:problem:" + kind)
                .put("title", title)
                .put("status", status)
                .put("detail", detail);
        if (instance != null) {
            p.put("instance", instance);
        }
        return p;
    }

    /** Writes the problem unless the response already started (then there is nothing left to say). */
    public static Future<Void> send(HttpServerResponse response, int status, String kind, String title, String detail,
            String instance) {
        if (response.headWritten() || response.ended() || response.closed()) {
            return Future.succeededFuture();
        }
        response.setStatusCode(status)
                .putHeader("Content-Type", MEDIA_TYPE)
                .putHeader("Cache-Control", "no-store");
        return response.end(body(status, kind, title, detail, instance).encode());
    }
}
