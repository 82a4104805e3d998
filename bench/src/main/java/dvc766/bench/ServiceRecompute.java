package dvc766.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dvc766.common.calendar.WorkingDayCalendar;
import dvc766.datagen.Dossier;
import dvc766.datagen.Json;
import dvc766.indicator.domain.DossierFacts;
import dvc766.indicator.domain.Indicators;
import dvc766.indicator.domain.ProcedureFacts;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.postgresql.PGConnection;

/**
 * Issue 3, the recompute through the running service: the datagen dossiers put into the indicator's own fact table
 * (COPY, in the shape the service writes: the columns it queries plus the whole state as {@code data}, no next check:
 * facts never evaluated), then {@code POST /api/v1/admin/recompute {"facts": true}} through the gateway with an
 * administrator's token, timed until {@code GET /api/v1/admin/recompute} reports nothing pending; then the service's
 * pooled counters of the per-dossier indicators are compared with the same dossiers pooled in this JVM (plus the
 * stored contributions of the stack's other dossiers, the demo province's).
 */
public final class ServiceRecompute {

    /** Code prefix of the benchmark's dossiers in the indicator's store (the demo province's use other codes). */
    static final String PREFIX = "B-";

    public record Outcome(double seconds, int compared, int differ) {}

    private final Setup setup;
    private final Http admin;
    private final Results out;

    public ServiceRecompute(Setup setup, Http admin, Results out) {
        this.setup = setup;
        this.admin = admin;
        this.out = out;
    }

    Outcome run(List<Dossier> dossiers, List<DossierFacts> facts, Map<String, ProcedureFacts> procedures, WorkingDayCalendar calendar)
            throws Exception {
        try (Connection c = DriverManager.getConnection(setup.jdbcUrl(), "dvc", "dvc")) {
            String missing = missingReferences(c, dossiers);
            if (!missing.isEmpty()) {
                out.row("indicator service: recompute from facts", "not run", "", "the stack lacks " + missing);
                return new Outcome(-1, 0, -1);
            }
            long held = count(c, "SELECT count(*) FROM indicator.dossier WHERE code LIKE '" + PREFIX + "%'");
            if (held == 0) {
                long t = System.nanoTime();
                load(c, dossiers);
                double s = (System.nanoTime() - t) / 1e9;
                out.row("indicator service: COPY the dossiers into its fact table (not timed below)", String.format("%.1f s", s),
                        String.format("%,.0f", dossiers.size() / s), "rows of indicator.dossier, never evaluated");
            } else if (held != dossiers.size()) {
                throw new IllegalStateException("the indicator holds " + held + " benchmark dossiers, not " + dossiers.size()
                        + ": run with a fresh stack (BENCH_FRESH=1)");
            }

            long t0 = System.nanoTime();
            HttpResponse<String> r = admin.send(HttpRequest.newBuilder(URI.create(setup.gateway() + "/api/v1/admin/recompute"))
                    .header("Authorization", "Bearer " + admin.token()).header("Content-Type", "application/json")
                    .timeout(Duration.ofMinutes(3)).POST(HttpRequest.BodyPublishers.ofString("{\"facts\": true}")).build());
            if (r.statusCode() != 202) throw new IllegalStateException("POST recompute: HTTP " + r.statusCode() + " " + r.body());
            double orderS = (System.nanoTime() - t0) / 1e9;
            System.out.printf("   recompute ordered in %.1f s: %s%n", orderS, r.body());
            JsonNode status = awaitDone(t0);
            double sec = (System.nanoTime() - t0) / 1e9;
            out.row("indicator service, through the gateway: POST recompute {\"facts\": true} until GET reports nothing pending",
                    String.format("%.1f s", sec), String.format("%,.0f", dossiers.size() / sec),
                    String.format("every stored object re-evaluated (%s), counters reconciled, scores published; the order itself took %.1f s",
                            Http.JSON.readTree(r.body()).path("objects"), orderS));

            int[] check = crossCheck(c, facts, procedures, calendar);
            out.note(String.format("Service cross-check: %,d pooled counters of the per-dossier indicators compared with this JVM's"
                    + " result for the same dossiers (plus the stored contributions of the demo province's dossiers), %d differ. Last status: %s",
                    check[0], check[1], status));
            return new Outcome(sec, check[0], check[1]);
        }
    }

    private JsonNode awaitDone(long t0) throws InterruptedException {
        long lastPrint = System.nanoTime();
        while (true) {
            Thread.sleep(1000);
            HttpResponse<String> r = admin.send(HttpRequest.newBuilder(URI.create(setup.gateway() + "/api/v1/admin/recompute"))
                    .header("Authorization", "Bearer " + admin.token()).header("Accept", "application/json").GET().build());
            if (r.statusCode() != 200) throw new IllegalStateException("GET recompute: HTTP " + r.statusCode() + " " + r.body());
            JsonNode s;
            try {
                s = Http.JSON.readTree(r.body());
            } catch (Exception e) {
                throw new IllegalStateException("GET recompute: not JSON", e);
            }
            if (!s.path("pending").asBoolean(true)) return s;
            if (System.nanoTime() - lastPrint > 30e9) {
                System.out.printf("   after %.0f s: %s%n", (System.nanoTime() - t0) / 1e9, s);
                lastPrint = System.nanoTime();
            }
            if (System.nanoTime() - t0 > Duration.ofMinutes(90).toNanos()) throw new IllegalStateException("recompute not done after 90 minutes: " + s);
        }
    }

    /** Units and procedures the dossiers name that the indicator does not know (the demo load brings them). */
    private static String missingReferences(Connection c, List<Dossier> dossiers) throws Exception {
        Set<String> units = new HashSet<>(), procedures = new HashSet<>();
        dossiers.forEach(d -> { units.add(d.unitCode()); procedures.add(d.procedureCode()); });
        long knownUnits, knownProcedures;
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM indicator.unit WHERE known AND code = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("text", units.toArray()));
            knownUnits = single(ps);
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM indicator.procedure WHERE code = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("text", procedures.toArray()));
            knownProcedures = single(ps);
        }
        List<String> out = new ArrayList<>();
        if (knownUnits < units.size()) out.add((units.size() - knownUnits) + " of " + units.size() + " units");
        if (knownProcedures < procedures.size()) out.add((procedures.size() - knownProcedures) + " of " + procedures.size() + " procedures");
        return String.join(" and ", out);
    }

    /** COPY in the service's shape: data is the dossier event's data (the API item plus revision), as ingestion emits it. */
    static void load(Connection c, List<Dossier> dossiers) throws Exception {
        var copy = c.unwrap(PGConnection.class).getCopyAPI();
        String sql = "COPY indicator.dossier (code, unit_code, procedure_code, revision, updated_at, received_at, finished_at, next_check_at, data)"
                + " FROM STDIN (FORMAT csv)";
        StringBuilder b = new StringBuilder(1 << 20);
        for (int i = 0; i < dossiers.size(); i++) {
            b.append(csv(dossiers.get(i)));
            if (b.length() > (8 << 20) || i == dossiers.size() - 1) {
                copy.copyIn(sql, new StringReader(b.toString()));
                b.setLength(0);
            }
        }
        try (Statement st = c.createStatement()) {
            st.execute("ANALYZE indicator.dossier");
        }
    }

    static String csv(Dossier d) {
        ObjectNode data = Json.mapper().valueToTree(d);
        data.put("code", PREFIX + d.code());
        data.put("revision", 1);
        return PREFIX + d.code() + ',' + d.unitCode() + ',' + d.procedureCode() + ",1," + t(d.updatedAt()) + ',' + t(d.receivedAt()) + ','
                + t(d.finishedAt()) + ",," + '"' + data.toString().replace("\"", "\"\"") + "\"\n";
    }

    private static String t(OffsetDateTime t) {
        return t == null ? "" : t.toString();
    }

    /**
     * Once no dossier is due any more, reads in one snapshot the service's pooled counters of the per-dossier
     * indicators, the stored contributions of its other dossiers and its tree, and compares with this JVM's pooling of
     * the benchmark's dossiers at the snapshot's instant. Returns {compared, differ}.
     */
    private static int[] crossCheck(Connection c, List<DossierFacts> facts, Map<String, ProcedureFacts> procedures, WorkingDayCalendar calendar)
            throws Exception {
        for (int i = 0; i < 120 && count(c, "SELECT count(*) FROM indicator.dossier WHERE next_check_at <= now()") > 0; i++) Thread.sleep(500);
        Map<RecomputeBench.Key, long[]> held = new HashMap<>();
        Map<RecomputeBench.Key, long[]> others = new HashMap<>();
        Map<String, List<String>> ancestors = new HashMap<>();
        Instant now;
        c.setAutoCommit(false);
        c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
        try (Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("SELECT now()")) {
                rs.next();
                now = rs.getTimestamp(1).toInstant();
            }
            String indicators = "('" + String.join("','", Indicators.DOSSIER) + "')";
            try (ResultSet rs = st.executeQuery("SELECT unit_code, period, indicator, num, den FROM indicator.pooled_counter"
                    + " WHERE period <> '*' AND indicator IN " + indicators + " AND (num <> 0 OR den <> 0)")) {
                while (rs.next()) held.put(new RecomputeBench.Key(rs.getString(1), rs.getString(2), rs.getString(3)), new long[] {rs.getLong(4), rs.getLong(5)});
            }
            try (ResultSet rs = st.executeQuery("SELECT unit_code, period, indicator, sum(num), sum(den) FROM indicator.contribution"
                    + " WHERE kind = 'DOSSIER' AND object_key NOT LIKE '" + PREFIX + "%' GROUP BY 1, 2, 3")) {
                while (rs.next()) others.put(new RecomputeBench.Key(rs.getString(1), rs.getString(2), rs.getString(3)), new long[] {rs.getLong(4), rs.getLong(5)});
            }
            try (ResultSet rs = st.executeQuery("SELECT descendant, ancestor FROM indicator.unit_closure")) {
                while (rs.next()) ancestors.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
            c.commit();
        } finally {
            c.setAutoCommit(true);
        }
        Map<RecomputeBench.Key, long[]> expected = RecomputeBench.inJvm(facts, procedures, ancestors, now, calendar);
        others.forEach((k, v) -> {
            for (String a : ancestors.getOrDefault(k.unit(), List.of(k.unit()))) {
                long[] sum = expected.computeIfAbsent(new RecomputeBench.Key(a, k.period(), k.indicator()), x -> new long[2]);
                sum[0] += v[0];
                sum[1] += v[1];
            }
        });
        Set<RecomputeBench.Key> keys = new HashSet<>(held.keySet());
        expected.forEach((k, v) -> { if (v[0] != 0 || v[1] != 0) keys.add(k); });
        int differ = 0;
        List<String> shown = new ArrayList<>();
        for (RecomputeBench.Key k : keys) {
            long[] e = expected.getOrDefault(k, new long[2]), h = held.getOrDefault(k, new long[2]);
            if (e[0] != h[0] || e[1] != h[1]) {
                differ++;
                if (shown.size() < 5) shown.add(k + ": service " + h[0] + "/" + h[1] + ", this JVM " + e[0] + "/" + e[1]);
            }
        }
        if (!shown.isEmpty()) System.out.println("   differences (first 5): " + shown);
        return new int[] {keys.size(), differ};
    }

    private static long count(Connection c, String sql) throws Exception {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            return single(ps);
        }
    }

    private static long single(PreparedStatement ps) throws Exception {
        try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
