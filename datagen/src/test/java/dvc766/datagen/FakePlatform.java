package dvc766.datagen;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Keycloak's token endpoint and the gateway's write API, in-process, strict like the real ones: expired or
 * unknown tokens get 401, the wrong role 403, a unit whose parent is unknown 422, a batch over 1000 items 400. It
 * records what it saw for the test to check.
 */
final class FakePlatform implements AutoCloseable {

    static final String TOKEN_PATH = "/realms/dvc/protocol/openid-connect/token";

    private final ObjectMapper m = Json.mapper();
    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);

    // behaviour knobs
    volatile long agencyExpiresIn = 300;
    volatile int dossierBatchFailures = 0; // how many dossier batches first get a 503
    volatile long dossierBatchDelayMillis = 0;
    final Set<String> rejectDossiers = ConcurrentHashMap.newKeySet();
    final Set<String> rejectUnits = ConcurrentHashMap.newKeySet();
    volatile boolean complaintsImport = false; // false: the import route answers 404, like a platform without it

    // what happened
    final List<String> unitOrder = Collections.synchronizedList(new ArrayList<>());
    final Map<String, JsonNode> unitBodies = new ConcurrentHashMap<>();
    final Set<String> procedures = ConcurrentHashMap.newKeySet();
    final Map<String, Integer> dossierCodes = new ConcurrentHashMap<>();
    final Map<String, Integer> decisionKeys = new ConcurrentHashMap<>();
    final Map<String, Integer> complaintIds = new ConcurrentHashMap<>();
    final AtomicInteger complaintPosts = new AtomicInteger();
    final List<Integer> procedureBatchSizes = Collections.synchronizedList(new ArrayList<>());
    final List<Integer> dossierBatchSizes = Collections.synchronizedList(new ArrayList<>());
    final List<String> problems = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger adminTokens = new AtomicInteger();
    final AtomicInteger agencyTokens = new AtomicInteger();
    final AtomicInteger dossierPosts = new AtomicInteger();
    final AtomicInteger unauthorized = new AtomicInteger();
    final AtomicInteger concurrentDossierPosts = new AtomicInteger();
    final AtomicInteger maxConcurrentDossierPosts = new AtomicInteger();

    private final Map<String, Issued> tokens = new ConcurrentHashMap<>();

    private record Issued(String role, Instant expires) {}

    FakePlatform() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(executor);
        server.createContext(TOKEN_PATH, this::token);
        server.createContext("/api/v1/admin/units/", this::unit);
        server.createContext("/api/v1/procedures:batch", this::procedureBatch);
        server.createContext("/api/v1/dossiers:batch", this::dossierBatch);
        server.createContext("/api/v1/publishing-decisions:batch", this::decisionBatch);
        server.createContext("/api/v1/complaints:import", this::complaintImport);
        server.start();
    }

    URI base() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    URI realm() {
        return URI.create(base() + "/realms/dvc");
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---------------------------------------------------------------------------------------------- Keycloak

    private void token(HttpExchange ex) throws IOException {
        if (!ex.getRequestMethod().equals("POST")
                || !String.valueOf(ex.getRequestHeaders().getFirst("Content-Type")).startsWith("application/x-www-form-urlencoded")) {
            send(ex, 400, "{\"error\":\"invalid_request\"}", "application/json");
            return;
        }
        Map<String, String> f = form(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        String role;
        long expiresIn;
        if ("password".equals(f.get("grant_type")) && "dvc-cli".equals(f.get("client_id"))
                && "admin".equals(f.get("username")) && "admin".equals(f.get("password")) && !f.containsKey("client_secret")) {
            role = "admin";
            expiresIn = 300;
            adminTokens.incrementAndGet();
        } else if ("client_credentials".equals(f.get("grant_type")) && "demo-agency".equals(f.get("client_id"))
                && "demo-agency-secret".equals(f.get("client_secret"))) {
            role = "agency";
            expiresIn = agencyExpiresIn;
            agencyTokens.incrementAndGet();
        } else {
            send(ex, 401, "{\"error\":\"invalid_client\",\"error_description\":\"Invalid client or user credentials\"}",
                    "application/json");
            return;
        }
        String t = role + "-" + UUID.randomUUID();
        tokens.put(t, new Issued(role, Instant.now().plusSeconds(expiresIn)));
        send(ex, 200, "{\"access_token\":\"" + t + "\",\"expires_in\":" + expiresIn + ",\"token_type\":\"Bearer\"}",
                "application/json");
    }

    /** null if the request carries a live token of {@code role}, else the status already sent. */
    private boolean authorized(HttpExchange ex, String role) throws IOException {
        String h = ex.getRequestHeaders().getFirst("Authorization");
        Issued i = h != null && h.startsWith("Bearer ") ? tokens.get(h.substring(7)) : null;
        if (i == null || Instant.now().isAfter(i.expires())) {
            unauthorized.incrementAndGet();
            send(ex, 401, "", "text/plain");
            return false;
        }
        if (!i.role().equals(role)) {
            problems.add(ex.getRequestURI() + " called with a " + i.role() + " token");
            problem(ex, 403, "forbidden", "needs role " + role);
            return false;
        }
        if (!String.valueOf(ex.getRequestHeaders().getFirst("Content-Type")).startsWith("application/json")) {
            problems.add(ex.getRequestURI() + " without JSON content type");
        }
        return true;
    }

    // --------------------------------------------------------------------------------------------- ingestion

    private void unit(HttpExchange ex) throws IOException {
        if (!ex.getRequestMethod().equals("PUT")) {
            send(ex, 405, "", "text/plain");
            return;
        }
        if (!authorized(ex, "admin")) return;
        String code = URLDecoder.decode(ex.getRequestURI().getRawPath().substring("/api/v1/admin/units/".length()),
                StandardCharsets.UTF_8);
        JsonNode body = m.readTree(ex.getRequestBody());
        if (body.has("code")) problems.add("unit body of " + code + " carries its code");
        String parent = body.path("parentCode").isNull() ? null : body.path("parentCode").asText();
        if (parent != null && !unitBodies.containsKey(parent)) {
            problems.add("unit " + code + " arrived before its parent " + parent);
            problem(ex, 422, "unknown parent", "parentCode " + parent + " is not a known unit");
            return;
        }
        if (rejectUnits.contains(code)) {
            problem(ex, 400, "validation", "bad unit");
            return;
        }
        boolean created = unitBodies.putIfAbsent(code, body) == null;
        unitOrder.add(code);
        accepted(ex, created ? 201 : 200, "UNIT", code, created ? "CREATED" : "UNCHANGED");
    }

    private void procedureBatch(HttpExchange ex) throws IOException {
        if (!authorized(ex, "agency")) return;
        JsonNode items = m.readTree(ex.getRequestBody()).path("items");
        if (!batchSizeOk(ex, items)) return;
        procedureBatchSizes.add(items.size());
        ArrayNode results = m.createArrayNode();
        for (int i = 0; i < items.size(); i++) {
            JsonNode it = items.get(i);
            String code = it.path("code").asText();
            List<String> missing = new ArrayList<>();
            it.path("unitCodes").forEach(u -> { if (!unitBodies.containsKey(u.asText())) missing.add(u.asText()); });
            if (missing.isEmpty()) {
                procedures.add(code);
                results.add(result(i, code, 201, "CREATED", null));
            } else {
                results.add(result(i, code, 422, null, "unknown units " + missing));
            }
        }
        send(ex, 200, m.writeValueAsString(m.createObjectNode().set("results", results)), "application/json");
    }

    private void decisionBatch(HttpExchange ex) throws IOException {
        if (!authorized(ex, "agency")) return;
        JsonNode items = m.readTree(ex.getRequestBody()).path("items");
        if (!batchSizeOk(ex, items)) return;
        ArrayNode results = m.createArrayNode();
        for (int i = 0; i < items.size(); i++) {
            JsonNode it = items.get(i);
            String key = it.path("unitCode").asText() + "/" + it.path("number").asText();
            List<String> missing = new ArrayList<>();
            it.path("procedures").forEach(e -> {
                if (!procedures.contains(e.path("procedureCode").asText())) missing.add(e.path("procedureCode").asText());
            });
            if (missing.isEmpty() && unitBodies.containsKey(it.path("unitCode").asText())) {
                decisionKeys.merge(key, 1, Integer::sum);
                results.add(result(i, key, 201, "CREATED", null));
            } else {
                results.add(result(i, key, 422, null, "unknown unit or procedures " + missing));
            }
        }
        send(ex, 200, m.writeValueAsString(m.createObjectNode().set("results", results)), "application/json");
    }

    private void complaintImport(HttpExchange ex) throws IOException {
        complaintPosts.incrementAndGet();
        if (!complaintsImport) {
            problem(ex, 404, "not found", "no such route");
            return;
        }
        if (!authorized(ex, "agency")) return;
        JsonNode items = m.readTree(ex.getRequestBody()).path("items");
        if (!batchSizeOk(ex, items)) return;
        ArrayNode results = m.createArrayNode();
        for (int i = 0; i < items.size(); i++) {
            String id = items.get(i).path("id").asText();
            complaintIds.merge(id, 1, Integer::sum);
            results.add(result(i, id, 201, "CREATED", null));
        }
        send(ex, 200, m.writeValueAsString(m.createObjectNode().set("results", results)), "application/json");
    }

    private void dossierBatch(HttpExchange ex) throws IOException {
        int now = concurrentDossierPosts.incrementAndGet();
        maxConcurrentDossierPosts.accumulateAndGet(now, Math::max);
        try {
            if (!authorized(ex, "agency")) return;
            int n = dossierPosts.incrementAndGet();
            JsonNode items = m.readTree(ex.getRequestBody()).path("items");
            if (n <= dossierBatchFailures) {
                send(ex, 503, "upstream not ready", "text/plain"); // like the gateway while ingestion restarts
                return;
            }
            if (!batchSizeOk(ex, items)) return;
            if (dossierBatchDelayMillis > 0) Thread.sleep(dossierBatchDelayMillis);
            dossierBatchSizes.add(items.size());
            ArrayNode results = m.createArrayNode();
            for (int i = 0; i < items.size(); i++) {
                JsonNode it = items.get(i);
                String code = it.path("code").asText();
                if (rejectDossiers.contains(code)) {
                    results.add(result(i, code, 400, null, "dueAt before receivedAt"));
                } else if (!procedures.contains(it.path("procedureCode").asText())
                        || !unitBodies.containsKey(it.path("unitCode").asText())) {
                    results.add(result(i, code, 422, null, "unknown unit or procedure"));
                } else {
                    dossierCodes.merge(code, 1, Integer::sum);
                    results.add(result(i, code, 201, "CREATED", null));
                }
            }
            send(ex, 200, m.writeValueAsString(m.createObjectNode().set("results", results)), "application/json");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            concurrentDossierPosts.decrementAndGet();
        }
    }

    private boolean batchSizeOk(HttpExchange ex, JsonNode items) throws IOException {
        if (!items.isArray() || items.isEmpty() || items.size() > 1000) {
            problems.add("batch of " + items.size() + " items");
            problem(ex, 400, "validation", "items must hold 1..1000 items");
            return false;
        }
        return true;
    }

    private ObjectNode result(int index, String key, int status, String effect, String error) {
        ObjectNode r = m.createObjectNode();
        r.put("index", index).put("key", key).put("status", status).put("submissionId", UUID.randomUUID().toString());
        r.put("effect", effect);
        ArrayNode errors = r.putArray("errors");
        if (error != null) errors.addObject().put("field", "items[" + index + "]").put("rule", "plausible").put("message", error);
        return r;
    }

    private void accepted(HttpExchange ex, int status, String kind, String key, String effect) throws IOException {
        ObjectNode b = m.createObjectNode().put("submissionId", UUID.randomUUID().toString()).put("kind", kind)
                .put("key", key).put("outcome", "ACCEPTED").put("effect", effect).put("receivedAt", Instant.now().toString());
        send(ex, status, m.writeValueAsString(b), "application/json");
    }

    private void problem(HttpExchange ex, int status, String title, String detail) throws IOException {
        ObjectNode b = m.createObjectNode().put("type", "urn:dvc766:problem:" + title.replace(' ', '-'))
                .put("title", title).put("status", status).put("detail", detail)
                .put("instance", "/api/v1/submissions/" + UUID.randomUUID());
        send(ex, status, m.writeValueAsString(b), "application/problem+json");
    }

    private static void send(HttpExchange ex, int status, String body, String type) throws IOException {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, b.length == 0 ? -1 : b.length);
        if (b.length > 0) {
            try (OutputStream os = ex.getResponseBody()) {
                os.write(b);
            }
        }
        ex.close();
    }

    private static Map<String, String> form(String body) {
        Map<String, String> f = new HashMap<>();
        for (String kv : body.split("&")) {
            int eq = kv.indexOf('=');
            if (eq > 0) {
                f.put(URLDecoder.decode(kv.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(kv.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return f;
    }
}
