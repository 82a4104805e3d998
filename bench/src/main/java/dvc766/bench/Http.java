package dvc766.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** One HTTP/1.1 client for all phases, and a token from Keycloak (an agency's client credentials, or a user's password), renewed every minute. */
public final class Http {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TOKEN_AGE = Duration.ofSeconds(60);

    private final HttpClient client;
    private final ExecutorService executor;
    private final URI tokenEndpoint;
    private final String grant;
    private String token;
    private long tokenAt;

    /** An agency system's client: client credentials. */
    public Http(String issuer, String clientId, String secret) {
        this(issuer, "grant_type=client_credentials&client_id=" + enc(clientId) + "&client_secret=" + enc(secret));
    }

    /** A user's token (password grant, e.g. the administrator through client dvc-cli). */
    public static Http user(String issuer, String clientId, String username, String password) {
        return new Http(issuer, "grant_type=password&client_id=" + enc(clientId) + "&username=" + enc(username) + "&password=" + enc(password));
    }

    private Http(String issuer, String grant) {
        this.grant = grant;
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "bench-http");
            t.setDaemon(true);
            return t;
        });
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(executor).build();
        this.tokenEndpoint = issuer == null ? null : URI.create(issuer + "/protocol/openid-connect/token");
    }

    public HttpClient client() {
        return client;
    }

    /** A bearer token, fetched again when older than a minute (Keycloak's lifespan here is 10 minutes). */
    public synchronized String token() {
        if (token == null || System.nanoTime() - tokenAt > TOKEN_AGE.toNanos()) {
            HttpResponse<String> r = send(HttpRequest.newBuilder(tokenEndpoint)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(grant)).build());
            if (r.statusCode() != 200) throw new IllegalStateException("token: HTTP " + r.statusCode() + " " + r.body());
            try {
                token = JSON.readTree(r.body()).path("access_token").asText();
            } catch (IOException e) {
                throw new IllegalStateException("token response is not JSON", e);
            }
            tokenAt = System.nanoTime();
        }
        return token;
    }

    public HttpResponse<String> send(HttpRequest req) {
        try {
            return client.send(req, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(req.method() + " " + req.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public JsonNode getJson(String url) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(url)).header("Accept", "application/json").build());
        if (r.statusCode() != 200) throw new IllegalStateException("GET " + url + ": HTTP " + r.statusCode() + " " + r.body());
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new IllegalStateException("GET " + url + ": not JSON", e);
        }
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
