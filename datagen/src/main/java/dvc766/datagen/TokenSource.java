package dvc766.datagen;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An OAuth2 access token from Keycloak's token endpoint, fetched again shortly before it expires (or when the
 * platform answers 401). Thread-safe.
 */
final class TokenSource {

    private final String name;
    private final URI endpoint;
    private final Map<String, String> form;
    private final RetryingHttp http;
    private final Duration timeout;
    private String token;
    private Instant renewAt = Instant.MIN;
    private int fetches;

    private TokenSource(String name, URI endpoint, Map<String, String> form, RetryingHttp http, Duration timeout) {
        this.name = name;
        this.endpoint = endpoint;
        this.form = form;
        this.http = http;
        this.timeout = timeout;
    }

    /** Resource-owner password grant (the admin through the public CLI client). */
    static TokenSource password(URI realm, String clientId, String user, String password, RetryingHttp http, Duration timeout) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("grant_type", "password");
        f.put("client_id", clientId);
        f.put("username", user);
        f.put("password", password);
        return new TokenSource("user " + user, tokenEndpoint(realm), f, http, timeout);
    }

    /** Client-credentials grant (an agency system). */
    static TokenSource clientCredentials(URI realm, String clientId, String secret, RetryingHttp http, Duration timeout) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("grant_type", "client_credentials");
        f.put("client_id", clientId);
        f.put("client_secret", secret);
        return new TokenSource("client " + clientId, tokenEndpoint(realm), f, http, timeout);
    }

    static URI tokenEndpoint(URI realm) {
        String s = realm.toString();
        return URI.create((s.endsWith("/") ? s : s + "/") + "protocol/openid-connect/token");
    }

    synchronized String get() {
        if (token == null || !Instant.now().isBefore(renewAt)) fetch();
        return token;
    }

    /** Forgets {@code used} if it is still the current token, so that the next {@link #get} fetches a new one. */
    synchronized void invalidate(String used) {
        if (used != null && used.equals(token)) token = null;
    }

    synchronized int fetches() {
        return fetches;
    }

    private void fetch() {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        Instant asked = Instant.now();
        HttpResponse<String> resp = http.send("token for " + name, null, ignored -> HttpRequest.newBuilder(endpoint)
                .timeout(timeout)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
        if (resp.statusCode() != 200) {
            throw new LoadException("could not get a token for " + name + " from " + endpoint + ": HTTP "
                    + resp.statusCode() + " " + DemoLoader.excerpt(resp.body()));
        }
        try {
            JsonNode json = Json.mapper().readTree(resp.body());
            String t = json.path("access_token").asText(null);
            if (t == null || t.isEmpty()) throw new LoadException("token response for " + name + " has no access_token");
            long expiresIn = json.path("expires_in").asLong(300);
            // renew a little early (a fifth of the lifetime, at most 30 s) so no request goes out with a dying token
            long margin = Math.min(30, expiresIn / 5);
            token = t;
            renewAt = asked.plusSeconds(Math.max(1, expiresIn - margin));
            fetches++;
        } catch (java.io.IOException e) {
            throw new LoadException("token response for " + name + " is not JSON: " + DemoLoader.excerpt(resp.body()), e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
