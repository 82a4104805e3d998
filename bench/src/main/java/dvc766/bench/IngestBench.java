package dvc766.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dvc766.datagen.DemoParams;
import dvc766.datagen.DemoStructure;
import dvc766.datagen.Dossier;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Issue 4: sustained ingestion of datagen dossiers, in batches of 1000 and as single PUTs, through the gateway and
 * straight to the ingestion service; beside the HTTP floor (the same bodies to the bare Vert.x server) and PostgreSQL
 * itself (COPY of the same rows into a table of the same shape; single-row INSERTs for the single PUTs).
 */
public final class IngestBench {

    private final Setup setup;
    private final Http http;
    private final Results out;
    private final KafkaLag lag;
    private final Duration phase;
    private final int batchConcurrency;
    private final int singleConcurrency;
    private final Iterator<Dossier> source;
    private final String runId = Long.toString(System.currentTimeMillis() / 1000 % 1_000_000, 36);
    private int phaseNo;

    public IngestBench(Setup setup, Http http, Results out, KafkaLag lag, Duration phase, int batchConcurrency,
            int singleConcurrency) {
        this.setup = setup;
        this.http = http;
        this.out = out;
        this.lag = lag;
        this.phase = phase;
        this.batchConcurrency = batchConcurrency;
        this.singleConcurrency = singleConcurrency;
        // the demo province of ./dvc766 demo (same seed, same units and procedures), six months of history
        this.source = DemoStructure.build(DemoParams.defaults(Instant.now()).withDossiersPerMonth(60_000)).dossiers().iterator();
    }

    /** The next n datagen dossiers, under codes no earlier phase or run has used. */
    private List<Dossier> fresh(int n) {
        phaseNo++;
        List<Dossier> list = new ArrayList<>(n);
        for (int i = 0; i < n && source.hasNext(); i++) {
            Dossier d = source.next();
            list.add(Dossiers.withCode(d, "B" + runId + "-" + phaseNo + "-" + d.code()));
        }
        return list;
    }

    public void run() throws Exception {
        int maxBatches = 60;
        int maxSingles = 20_000;
        out.heading("Ingestion: batches of 1000 dossiers, " + batchConcurrency + " in flight, " + phase.toSeconds()
                + " s per row", "path", "throughput", "p50 per batch", "p99 per batch", "max", "batches", "errors");
        List<Dossier> viaGateway = fresh(maxBatches * 1000);
        batchPhase("gateway → ingestion → PostgreSQL", setup.gateway(), true, viaGateway, true);
        batchPhase("ingestion directly (no gateway)", setup.ingestion(), true, fresh(maxBatches * 1000), true);
        batchPhase("floor: bare Vert.x, same bodies", setup.floor() + "/floor", false, viaGateway, false);
        copyPhase(viaGateway);
        spacedBatchPhase("gateway, one batch at a time on a caught-up platform", setup.gateway(), fresh(10 * 1000), 10);
        spacedBatchPhase("ingestion directly, one batch at a time on a caught-up platform", setup.ingestion(), fresh(10 * 1000), 10);

        out.heading("Ingestion: single PUT /api/v1/dossiers/{code}, " + singleConcurrency + " in flight, "
                + phase.toSeconds() + " s per row", "path", "throughput", "p50", "p99", "max", "requests", "errors");
        List<Dossier> singles = fresh(maxSingles);
        singlePhase("gateway → ingestion → PostgreSQL", setup.gateway(), true, singles, true);
        singlePhase("ingestion directly (no gateway)", setup.ingestion(), true, fresh(maxSingles), true);
        singlePhase("floor: bare Vert.x, same bodies", setup.floor() + "/floor", false, singles, false);
        insertPhase(singles);
        out.note("Background work after each platform row (Kafka consumer lag back to 0, checked every second):\n\n- "
                + String.join("\n- ", drains));
    }

    private void batchPhase(String what, String base, boolean auth, List<Dossier> dossiers, boolean platform) throws Exception {
        List<byte[]> bodies = batchBodies(dossiers);
        Stats s = ClosedLoad.run(batchConcurrency, bodies.size(), phase, i -> sendBatch(base, auth, bodies.get(i), platform));
        out.stats(what, "dossiers", s);
        if (platform) drained(what, s.items());
    }

    /**
     * A batch as an agency that sends one now and then gets it: each batch sent only once the indicator and publication
     * have caught up with the previous one, so it does not share the cores with the platform's backlog.
     */
    private void spacedBatchPhase(String what, String base, List<Dossier> dossiers, int batches) throws Exception {
        List<byte[]> bodies = batchBodies(dossiers);
        Stats s = new Stats();
        long busy = 0;
        for (int i = 0; i < Math.min(batches, bodies.size()); i++) {
            lag.waitQuiet(Duration.ofSeconds(240));
            long t0 = System.nanoTime();
            try {
                long items = sendBatch(base, true, bodies.get(i), true);
                s.record(System.nanoTime() - t0, items);
            } catch (Exception e) {
                s.error();
                System.err.println("  (batch " + i + " failed: " + e.getMessage() + ")");
            }
            busy += System.nanoTime() - t0;
        }
        s.wall(busy); // throughput while a batch is being answered
        out.stats(what, "dossiers", s);
        drained(what, s.items());
    }

    private static List<byte[]> batchBodies(List<Dossier> dossiers) {
        List<byte[]> bodies = new ArrayList<>();
        for (int i = 0; i + 1000 <= dossiers.size(); i += 1000) bodies.add(Dossiers.batchBody(dossiers.subList(i, i + 1000)));
        return bodies;
    }

    private long sendBatch(String base, boolean auth, byte[] body, boolean platform) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/api/v1/dossiers:batch")).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (auth) b.header("Authorization", "Bearer " + http.token());
        HttpResponse<String> r = http.send(b.build());
        if (r.statusCode() != 200) throw new IllegalStateException("HTTP " + r.statusCode() + " " + excerpt(r.body()));
        return platform ? accepted(r.body()) : 1000;
    }

    /** Items the platform accepted (201/200) in a batch answer; a rejected item is not counted as ingested. */
    private static long accepted(String body) throws Exception {
        long n = 0;
        for (JsonNode r : Http.JSON.readTree(body).path("results")) {
            int st = r.path("status").asInt();
            if (st == 200 || st == 201) n++;
            else if (n == 0) System.err.println("  (rejected item: " + excerpt(r.toString()) + ")");
        }
        return n;
    }

    private void singlePhase(String what, String base, boolean auth, List<Dossier> dossiers, boolean platform) throws Exception {
        List<byte[]> bodies = dossiers.stream().map(Dossiers::singleBody).toList();
        Stats s = ClosedLoad.run(singleConcurrency, bodies.size(), phase, i -> {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + "/api/v1/dossiers/" + dossiers.get(i).code()))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofByteArray(bodies.get(i)));
            if (auth) b.header("Authorization", "Bearer " + http.token());
            HttpResponse<String> r = http.send(b.build());
            if (r.statusCode() / 100 != 2) throw new IllegalStateException("HTTP " + r.statusCode() + " " + excerpt(r.body()));
            return 1;
        });
        out.stats(what, "dossiers", s);
        if (platform) drained(what, s.items());
    }

    /** The same rows as the gateway phase, 1000 per COPY and transaction, into a fresh table of the same shape. */
    private void copyPhase(List<Dossier> dossiers) throws Exception {
        try (Connection c = connect()) {
            String table = "bench.dossier_copy";
            reset(c, table);
            List<String> chunks = new ArrayList<>();
            for (int i = 0; i + 1000 <= dossiers.size(); i += 1000) {
                StringBuilder b = new StringBuilder();
                for (Dossier d : dossiers.subList(i, i + 1000)) b.append(Dossiers.csv(d));
                chunks.add(b.toString());
            }
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            c.setAutoCommit(false);
            Stats s = ClosedLoad.run(1, chunks.size(), phase, i -> {
                long rows = copy.copyIn("COPY " + table + " (" + Dossiers.COLUMNS + ") FROM STDIN (FORMAT csv)",
                        new StringReader(chunks.get(i)));
                c.commit();
                return rows;
            });
            out.stats("PostgreSQL COPY, same rows, 1 connection (JDBC CopyManager)", "dossiers", s);
        }
    }

    /** Column types of {@link Dossiers#COLUMNS}, for the casts of the single-row INSERT. */
    private static final String[] TYPES = {"text", "text", "text", "text", "timestamptz", "timestamptz", "text",
            "timestamptz", "text", "jsonb", "timestamptz", "boolean", "boolean", "boolean", "boolean", "boolean", "numeric",
            "timestamptz", "text", "timestamptz", "bigint", "uuid", "timestamptz"};

    /** The single PUTs' rows, one INSERT and commit each, from as many connections as requests in flight. */
    private void insertPhase(List<Dossier> dossiers) throws Exception {
        String table = "bench.dossier_insert";
        try (Connection c = connect()) {
            reset(c, table);
        }
        StringBuilder values = new StringBuilder();
        for (String t : TYPES) values.append(values.length() == 0 ? "" : ", ").append("?::").append(t);
        String sql = "INSERT INTO " + table + " (" + Dossiers.COLUMNS + ") VALUES (" + values + ")";
        List<Connection> opened = new ArrayList<>();
        ThreadLocal<PreparedStatement> stmt = ThreadLocal.withInitial(() -> {
            try {
                Connection c = connect();
                synchronized (opened) {
                    opened.add(c);
                }
                return c.prepareStatement(sql);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        List<String[]> rows = dossiers.stream().map(d -> parseCsv(Dossiers.csv(d).stripTrailing())).toList();
        try {
            Stats s = ClosedLoad.run(singleConcurrency, rows.size(), phase, i -> {
                PreparedStatement ps = stmt.get();
                String[] row = rows.get(i);
                for (int k = 0; k < row.length; k++) ps.setString(k + 1, row[k].isEmpty() ? null : row[k]);
                return ps.executeUpdate();
            });
            out.stats("PostgreSQL single-row INSERT + commit, same rows, " + singleConcurrency + " connections",
                    "dossiers", s);
        } finally {
            for (Connection c : opened) c.close();
        }
    }

    /** Splits one of our CSV lines (only the supplements field is quoted). */
    static String[] parseCsv(String line) {
        List<String> fields = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char ch = line.charAt(i);
            if (quoted) {
                if (ch == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') { cur.append('"'); i++; }
                else if (ch == '"') quoted = false;
                else cur.append(ch);
            } else if (ch == '"') quoted = true;
            else if (ch == ',') { fields.add(cur.toString()); cur.setLength(0); }
            else cur.append(ch);
        }
        fields.add(cur.toString());
        return fields.toArray(String[]::new);
    }

    /** Waits for the indicator and publication to catch up, so the next row does not pay for this one's events. */
    private void drained(String what, long dossiers) throws Exception {
        double s = lag.waitQuiet(Duration.ofSeconds(240));
        drains.add(String.format("%s: %,d dossiers; the indicator and publication consumers caught up %s after the"
                + " row ended", what, dossiers, s < 0 ? "not within 240 s" : String.format("%.0f s", s)));
    }

    private final List<String> drains = new ArrayList<>();

    private Connection connect() throws Exception {
        return DriverManager.getConnection(setup.jdbcUrl(), "dvc", "dvc");
    }

    private static void reset(Connection c, String table) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS bench");
            st.execute("DROP TABLE IF EXISTS " + table);
            st.execute(String.format(Dossiers.TABLE_DDL, table));
        }
    }

    static String excerpt(String s) {
        return s == null ? "" : s.length() > 300 ? s.substring(0, 300) + "…" : s;
    }
}
