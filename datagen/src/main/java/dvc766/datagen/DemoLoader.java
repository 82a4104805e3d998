package dvc766.datagen;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Loads the demo province into a running platform through the gateway: units as the admin ({@code PUT
 * /api/v1/admin/units/{code}}, parents first), then procedures, publishing decisions, dossiers and PAKN as the demo
 * agency ({@code POST /api/v1/procedures:batch}, {@code /publishing-decisions:batch}, {@code /dossiers:batch},
 * {@code /complaints:import}, batches of up to 1000, a few in flight). Fails loudly: any rejected item makes the exit
 * code 1 and its reasons are printed. Only PAKN may be skipped, when the platform answers its import route with 404.
 */
public final class DemoLoader {

    private static final int SHOWN_ERRORS = 10;

    private final LoaderOptions options;
    private final PrintStream out;
    private final ObjectMapper mapper = Json.mapper();
    private final RetryingHttp http;
    private final HttpClient client;

    private final ConcurrentLinkedQueue<Rejection> rejections = new ConcurrentLinkedQueue<>();
    private final AtomicLong rejected = new AtomicLong();
    private final Map<String, AtomicLong> effects = new TreeMap<>();

    /** One item the platform did not accept, with its reasons. */
    public record Rejection(String kind, String key, int status, String reason) {}

    /** What a load did. */
    public record Summary(int exitCode, long units, long procedures, long decisions, long dossiers, long complaints,
                          long rejected, long retries, Duration elapsed, Map<String, Long> effects,
                          List<Rejection> firstRejections) {}

    /** The platform does not offer a route yet (404): an optional part of the load is skipped. */
    static final class RouteMissing extends LoadException {
        RouteMissing(String message) {
            super(message);
        }
    }

    private static final String COMPLAINTS_IMPORT = "/api/v1/complaints:import";

    public DemoLoader(LoaderOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .build();
        this.http = new RetryingHttp(client, options.maxAttempts(), options.retryBase(), out);
    }

    public static void main(String[] args) {
        LoaderOptions options;
        try {
            options = LoaderOptions.parse(args);
        } catch (IllegalArgumentException e) {
            boolean help = "help".equals(e.getMessage());
            if (!help) System.err.println("error: " + e.getMessage());
            System.err.print(LoaderOptions.USAGE);
            System.exit(help ? 0 : 2);
            return;
        }
        System.exit(new DemoLoader(options, System.out).run().exitCode());
    }

    /** Generates and loads; never calls System.exit. */
    public Summary run() {
        Instant started = Instant.now();
        DemoParams params = options.params(OffsetDateTime.now(DemoParams.ZONE));
        out.printf("dvc766 demo loader: seed=%d now=%s communes-per-district=%d dossiers-per-month=%d months=%d%n",
                params.seed(), java.time.format.DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(params.now()), params.communesPerDistrict(), params.dossiersPerMonth(), params.months());
        DemoStructure s = DemoStructure.build(params);
        long total = params.totalDossiers();
        List<PublishingDecision> decisions = s.publishingDecisions();
        List<Complaint> complaints = s.complaints();
        out.printf("province: %d units, %d procedures, %d publishing decisions, %d dossiers, %d PAKN%n", s.units().size(),
                s.procedures().size(), decisions.size(), total, complaints.size());
        long[] loaded = new long[5];
        try {
            if (options.dryRun()) {
                dryRun(s);
                return summary(0, started, loaded);
            }
            out.printf("gateway %s, keycloak %s%n", options.gateway(), options.keycloak());
            TokenSource admin = TokenSource.password(options.keycloak(), options.cliClientId(), options.adminUser(),
                    options.adminPassword(), http, options.requestTimeout());
            TokenSource agency = TokenSource.clientCredentials(options.keycloak(), options.agencyClientId(),
                    options.agencyClientSecret(), http, options.requestTimeout());

            loaded[0] = loadUnits(s.units(), admin);
            if (rejected.get() > 0) return summary(1, started, loaded);
            loaded[1] = loadBatches("procedures", "PROCEDURE", "/api/v1/procedures:batch", s.procedures().stream(),
                    s.procedures().size(), Procedure::code, agency);
            if (rejected.get() > 0) return summary(1, started, loaded);
            loaded[2] = loadBatches("publishing decisions", "PUBLISHING_DECISION", "/api/v1/publishing-decisions:batch",
                    decisions.stream(), decisions.size(), PublishingDecision::key, agency);
            if (rejected.get() > 0) return summary(1, started, loaded);
            loaded[3] = loadBatches("dossiers", "DOSSIER", "/api/v1/dossiers:batch", s.dossiers(), total,
                    Dossier::code, agency);
            try {
                loaded[4] = loadBatches("complaints", "COMPLAINT", COMPLAINTS_IMPORT, complaints.stream(),
                        complaints.size(), Complaint::id, agency);
            } catch (RouteMissing e) {
                // only a 404 of the import route itself skips PAKN; any other failure fails the load
                out.println("complaints: SKIPPED, " + e.getMessage());
            }
            return summary(rejected.get() > 0 ? 1 : 0, started, loaded);
        } catch (LoadException e) {
            out.println("FAILED: " + e.getMessage());
            return summary(1, started, loaded);
        }
    }

    // ------------------------------------------------------------------------------------------------ units

    private long loadUnits(List<Unit> units, TokenSource admin) {
        // parents first: all units of depth 0, then depth 1, ...; within a depth, in parallel
        Map<String, String> parent = new HashMap<>();
        units.forEach(u -> parent.put(u.code(), u.parentCode()));
        Map<Integer, List<Unit>> byDepth = new TreeMap<>();
        for (Unit u : units) byDepth.computeIfAbsent(depth(u.code(), parent), k -> new ArrayList<>()).add(u);
        long t0 = System.nanoTime();
        AtomicLong ok = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(options.concurrency());
        try {
            for (List<Unit> level : byDepth.values()) {
                List<Future<?>> fs = new ArrayList<>();
                for (Unit u : level) fs.add(pool.submit(() -> { if (putUnit(u, admin)) ok.incrementAndGet(); }));
                await(fs);
                if (rejected.get() > 0) break; // children of a rejected unit would only be rejected too
            }
        } finally {
            pool.shutdownNow();
        }
        out.printf("units: %d/%d accepted in %.1f s%n", ok.get(), units.size(), (System.nanoTime() - t0) / 1e9);
        return ok.get();
    }

    private static int depth(String code, Map<String, String> parent) {
        int d = 0;
        for (String p = parent.get(code); p != null && d < 100; p = parent.get(p)) d++;
        return d;
    }

    private boolean putUnit(Unit u, TokenSource admin) {
        URI uri = URI.create(options.gateway() + "/api/v1/admin/units/" + pathSegment(u.code()));
        byte[] body = json(Json.unitBody(u));
        HttpResponse<String> resp = http.send("unit " + u.code(), admin, token -> HttpRequest.newBuilder(uri)
                .timeout(options.requestTimeout())
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
        if (resp.statusCode() == 200 || resp.statusCode() == 201) {
            countEffect(parse(resp.body()).path("effect").asText("?"));
            return true;
        }
        reject(new Rejection("UNIT", u.code(), resp.statusCode(), problemReason(resp.body())));
        return false;
    }

    // ---------------------------------------------------------------------------------------------- batches

    private <T> long loadBatches(String label, String kind, String path, Stream<T> items, long total,
                                 java.util.function.Function<T, String> key, TokenSource agency) {
        URI uri = URI.create(options.gateway() + path);
        long t0 = System.nanoTime();
        AtomicLong done = new AtomicLong();
        AtomicLong accepted = new AtomicLong();
        AtomicBoolean abort = new AtomicBoolean();
        List<Future<?>> fs = new ArrayList<>();
        Semaphore inFlight = new Semaphore(options.concurrency());
        ExecutorService pool = Executors.newFixedThreadPool(options.concurrency());
        try {
            Iterator<T> it = items.iterator();
            int batchNo = 0;
            while (it.hasNext() && !abort.get()) {
                List<T> batch = new ArrayList<>(options.batchSize());
                while (it.hasNext() && batch.size() < options.batchSize()) batch.add(it.next());
                int n = ++batchNo;
                acquire(inFlight);
                if (abort.get()) { // a batch failed while we waited for a slot: send no more
                    inFlight.release();
                    break;
                }
                fs.add(pool.submit(() -> {
                    try {
                        accepted.addAndGet(postBatch(label + " batch " + n, kind, uri, batch, key, agency));
                        long d = done.addAndGet(batch.size());
                        double secs = (System.nanoTime() - t0) / 1e9;
                        synchronized (out) {
                            out.printf("%s: %d/%d (%.0f%%), %.0f items/s%n", label, d, total,
                                    total == 0 ? 100.0 : 100.0 * d / total, d / Math.max(secs, 1e-3));
                        }
                    } catch (RuntimeException e) {
                        abort.set(true);
                        throw e;
                    } finally {
                        inFlight.release();
                    }
                }));
            }
            await(fs);
        } finally {
            pool.shutdownNow();
        }
        out.printf("%s: %d/%d accepted in %.1f s%n", label, accepted.get(), total, (System.nanoTime() - t0) / 1e9);
        return accepted.get();
    }

    /** Posts one batch; returns how many items were accepted, records the rejected ones. */
    private <T> long postBatch(String what, String kind, URI uri, List<T> batch,
                               java.util.function.Function<T, String> key, TokenSource agency) {
        byte[] body = json(Map.of("items", batch));
        HttpResponse<String> resp = http.send(what, agency, token -> HttpRequest.newBuilder(uri)
                .timeout(options.requestTimeout())
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
        if (resp.statusCode() == 404 && uri.getPath().endsWith(COMPLAINTS_IMPORT)) {
            throw new RouteMissing("POST " + COMPLAINTS_IMPORT + " answered 404: the platform does not import PAKN yet ("
                    + problemReason(resp.body()) + ")");
        }
        if (resp.statusCode() != 200) {
            throw new LoadException(what + " refused as a whole: HTTP " + resp.statusCode() + " "
                    + problemReason(resp.body()));
        }
        JsonNode results = parse(resp.body()).path("results");
        if (!results.isArray() || results.size() != batch.size()) {
            throw new LoadException(what + ": expected " + batch.size() + " results, got "
                    + (results.isArray() ? results.size() : "none") + ": " + excerpt(resp.body()));
        }
        long ok = 0;
        for (JsonNode r : results) {
            int status = r.path("status").asInt();
            int index = r.path("index").asInt(-1);
            String k = r.path("key").asText(index >= 0 && index < batch.size() ? key.apply(batch.get(index)) : "?");
            if (status >= 200 && status < 300) {
                ok++;
                countEffect(r.path("effect").asText("?"));
            } else {
                reject(new Rejection(kind, k, status, fieldErrors(r.path("errors"))));
            }
        }
        return ok;
    }

    // -------------------------------------------------------------------------------------------- reporting

    private void dryRun(DemoStructure s) {
        Map<DossierStatus, Long> byStatus = new TreeMap<>();
        long[] n = new long[1];
        s.dossiers().forEach(d -> {
            byStatus.merge(d.status(), 1L, Long::sum);
            n[0]++;
        });
        out.printf("dry run: %d dossiers generated, by status %s; nothing sent%n", n[0], byStatus);
    }

    private Summary summary(int exitCode, Instant started, long[] loaded) {
        Duration elapsed = Duration.between(started, Instant.now());
        long items = loaded[0] + loaded[1] + loaded[2] + loaded[3] + loaded[4];
        double secs = Math.max(elapsed.toMillis() / 1000.0, 1e-3);
        Map<String, Long> eff = new TreeMap<>();
        synchronized (effects) {
            effects.forEach((k, v) -> eff.put(k, v.get()));
        }
        List<Rejection> first = rejections.stream().limit(SHOWN_ERRORS).toList();
        out.printf("summary: %d units, %d procedures, %d publishing decisions, %d dossiers, %d PAKN accepted (%d items "
                        + "in %.1f s, %.0f items/s); effects %s; rejected %d; retries %d%n",
                loaded[0], loaded[1], loaded[2], loaded[3], loaded[4], items, secs, items / secs, eff, rejected.get(),
                http.retries());
        if (rejected.get() > 0) {
            out.printf("FAILED: %d item(s) rejected; the first %d:%n", rejected.get(), first.size());
            first.forEach(r -> out.printf("  %s %s: HTTP %d %s%n", r.kind(), r.key(), r.status(), r.reason()));
        } else if (exitCode != 0) {
            out.println("FAILED");
        } else if (!options.dryRun()) {
            out.println("OK");
        }
        return new Summary(exitCode, loaded[0], loaded[1], loaded[2], loaded[3], loaded[4], rejected.get(),
                http.retries(), elapsed, eff, first);
    }

    private void reject(Rejection r) {
        rejected.incrementAndGet();
        if (rejections.size() < SHOWN_ERRORS) rejections.add(r);
    }

    private void countEffect(String effect) {
        synchronized (effects) {
            effects.computeIfAbsent(effect, k -> new AtomicLong()).incrementAndGet();
        }
    }

    private String problemReason(String body) {
        JsonNode p = parse(body);
        if (p.isMissingNode()) return excerpt(body);
        StringBuilder sb = new StringBuilder();
        if (p.hasNonNull("title")) sb.append(p.get("title").asText());
        if (p.hasNonNull("detail")) sb.append(sb.length() > 0 ? ": " : "").append(p.get("detail").asText());
        String fields = fieldErrors(p.path("errors"));
        if (!fields.isEmpty()) sb.append(sb.length() > 0 ? "; " : "").append(fields);
        if (p.hasNonNull("instance")) sb.append(" (").append(p.get("instance").asText()).append(')');
        return sb.length() > 0 ? sb.toString() : excerpt(body);
    }

    private static String fieldErrors(JsonNode errors) {
        List<String> parts = new ArrayList<>();
        if (errors.isArray()) {
            for (JsonNode e : errors) {
                parts.add(e.path("field").asText("?") + " " + e.path("rule").asText("?")
                        + (e.hasNonNull("message") ? " (" + e.get("message").asText() + ")" : ""));
            }
        }
        return String.join(", ", parts);
    }

    private JsonNode parse(String body) {
        try {
            JsonNode n = body == null || body.isBlank() ? null : mapper.readTree(body);
            return n == null ? mapper.missingNode() : n;
        } catch (JsonProcessingException e) {
            return mapper.missingNode();
        }
    }

    private byte[] json(Object o) {
        try {
            return mapper.writeValueAsBytes(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static String excerpt(String body) {
        if (body == null) return "";
        String b = body.replaceAll("\\s+", " ").strip();
        return b.length() > 300 ? b.substring(0, 300) + "…" : b;
    }

    private static String pathSegment(String code) {
        return URLEncoder.encode(code, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static void acquire(Semaphore s) {
        try {
            s.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LoadException("interrupted", e);
        }
    }

    private static void await(List<Future<?>> fs) {
        LoadException first = null;
        for (Future<?> f : fs) {
            try {
                f.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new LoadException("interrupted", e);
            } catch (ExecutionException e) {
                Throwable c = e.getCause();
                if (first == null) {
                    first = c instanceof LoadException le ? le : new LoadException(String.valueOf(c), c);
                }
            }
        }
        if (first != null) throw first;
    }
}
