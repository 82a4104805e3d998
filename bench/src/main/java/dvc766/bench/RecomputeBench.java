package dvc766.bench;

import static dvc766.indicator.domain.Indicators.*;

import dvc766.common.calendar.WorkingDayCalendar;
import dvc766.common.period.Period;
import dvc766.datagen.DemoParams;
import dvc766.datagen.DemoStructure;
import dvc766.datagen.Dossier;
import dvc766.datagen.Procedure;
import dvc766.datagen.Unit;
import dvc766.indicator.domain.DossierContributions;
import dvc766.indicator.domain.DossierFacts;
import dvc766.indicator.domain.DossierTiming;
import dvc766.indicator.domain.ProcedureFacts;
import java.io.StringReader;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.postgresql.PGConnection;

/**
 * Issue 3, the from-scratch path: the counts of every unit (pooled over its subtree) for every month, quarter and year,
 * from N datagen dossiers, computed in this JVM with the indicator's own public contribution function
 * ({@code DossierTiming.periodsOf} + {@code DossierContributions.contributionsOf}, as {@code IndicatorEngine} does per
 * event) beside PostgreSQL aggregating the same facts with GROUP BY (COPY-loaded, pooled through a closure table).
 *
 * <p>The SQL computes the per-dossier indicators whose formula is a plain condition on the facts exactly as the
 * engine does (sync, online, payment, digitisation, reuse, personal store, population data) and simplified versions
 * of the timing ones (on time against {@code dueAt} without the supplement waiting or the legal-time fallback; mean
 * processing time without the waiting subtracted). The exact ones are cross-checked against the in-JVM result.
 *
 * <p>With {@link #withService}, the same dossiers are then recomputed by the running indicator service from its own fact
 * store ({@link ServiceRecompute}), and its counters cross-checked against this JVM's.
 */
public final class RecomputeBench {

    record Key(String unit, String period, String indicator) {}

    private static final List<String> EXACT = List.of(DOSSIER_SYNC, ONLINE_DOSSIER_RATE, ONLINE_PAYMENT_DOSSIER,
            DIGITIZATION, DATA_REUSE, PERSONAL_STORAGE, CITIZEN_DATA_DOSSIER);

    /** The cross-check: counters of the exactly-computed indicators compared, and how many differ. */
    public record Outcome(int compared, int differ) {}

    private final String jdbcUrl;
    private final String user;
    private final String password;
    private final Results out;
    private ServiceRecompute service;

    public RecomputeBench(String jdbcUrl, String user, String password, Results out) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.password = password;
        this.out = out;
    }

    /** Adds the row of the running indicator service recomputing the same dossiers from its stored facts. */
    public RecomputeBench withService(ServiceRecompute service) {
        this.service = service;
        return this;
    }

    public Outcome run(int n) throws Exception {
        Instant now = Instant.now();
        DemoStructure s = DemoStructure.build(DemoParams.defaults(now).withMonths(12).withDossiersPerMonth((n + 11) / 12));
        long t0 = System.nanoTime();
        List<Dossier> dossiers = s.dossiers().limit(n).toList();
        List<DossierFacts> facts = dossiers.stream().map(RecomputeBench::facts).toList();
        double genS = (System.nanoTime() - t0) / 1e9;
        Map<String, ProcedureFacts> procedures = new HashMap<>();
        for (Procedure p : s.procedures()) {
            procedures.put(p.code(), new ProcedureFacts(p.code(),
                    new ProcedureFacts.LegalTime(p.legalTime().amount(), p.legalTime().unit()), p.paperResult()));
        }
        Map<String, List<String>> ancestors = ancestors(s.units());
        WorkingDayCalendar calendar = WorkingDayCalendar.vietnam();
        Instant asOf = s.params().now().toInstant();

        out.heading("Full recompute of " + String.format("%,d", facts.size()) + " dossiers (12 months, " + s.units().size()
                + " units): pooled counts of every unit for every month, quarter and year",
                "how", "time", "dossiers/s", "what it produced");
        // the first tenth once, untimed, so that the timed pass runs JIT-compiled code, as a long-running service does
        inJvm(facts.subList(0, facts.size() / 10), procedures, ancestors, asOf, calendar);
        long t = System.nanoTime();
        Map<Key, long[]> pooled = inJvm(facts, procedures, ancestors, asOf, calendar);
        double sec = (System.nanoTime() - t) / 1e9;
        out.row("indicator domain in this JVM, 1 thread (after a warm-up on a tenth)", String.format("%.1f s", sec),
                String.format("%,.0f", facts.size() / sec), String.format("%,d pooled counters, %d indicators (all per-dossier ones)",
                        pooled.size(), pooled.keySet().stream().map(Key::indicator).distinct().count()));
        List<String> periodKeys = pooled.keySet().stream().map(Key::period).distinct().sorted().toList();

        int compared = 0;
        int differ = 0;
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password)) {
            t = System.nanoTime();
            load(c, dossiers, s, periodKeys, asOf);
            double loadS = (System.nanoTime() - t) / 1e9;
            out.row("PostgreSQL: COPY the facts into a table (+ index, ANALYZE)", String.format("%.1f s", loadS),
                    String.format("%,.0f", facts.size() / loadS), "the same facts as rows");
            long q = System.nanoTime();
            Map<Key, long[]> sql = aggregate(c);
            double sqlS = (System.nanoTime() - q) / 1e9;
            out.row("PostgreSQL GROUP BY (own counts, then pooled via closure), one query", String.format("%.1f s", sqlS),
                    String.format("%,.0f", facts.size() / sqlS),
                    String.format("%,d pooled counters, 7 exact + 2 simplified indicators", sql.size()));
            for (var e : pooled.entrySet()) {
                if (!EXACT.contains(e.getKey().indicator())) continue;
                long[] other = sql.getOrDefault(e.getKey(), new long[2]);
                compared++;
                if (other[0] != e.getValue()[0] || other[1] != e.getValue()[1]) differ++;
            }
            out.note(String.format("Cross-check: %,d pooled counters of the 7 exactly-computed indicators compared, %d differ;"
                    + " generating and mapping the dossiers (not timed above) took %.1f s. PostgreSQL settings: %s.",
                    compared, differ, genS, pgSettings(c)));
        }
        if (service != null) service.run(dossiers, facts, procedures, calendar);
        return new Outcome(compared, differ);
    }

    /** What IndicatorEngine does per dossier event, for every dossier, then pooling each unit's counts up its ancestors. */
    static Map<Key, long[]> inJvm(List<DossierFacts> facts, Map<String, ProcedureFacts> procedures,
            Map<String, List<String>> ancestors, Instant now, WorkingDayCalendar calendar) {
        Map<Key, long[]> own = new HashMap<>();
        for (DossierFacts d : facts) {
            ProcedureFacts p = procedures.get(d.procedureCode());
            for (Period period : DossierTiming.periodsOf(d, now)) {
                Instant te = period.end().isBefore(now) ? period.end() : now;
                String key = period.key();
                DossierContributions.contributionsOf(d, p, period, te, calendar).byIndicator().forEach((ind, c) -> {
                    long[] sum = own.computeIfAbsent(new Key(d.unitCode(), key, ind), k -> new long[2]);
                    sum[0] += c.numerator();
                    sum[1] += c.denominator();
                });
            }
        }
        Map<Key, long[]> pooled = new HashMap<>();
        own.forEach((k, v) -> {
            for (String a : ancestors.get(k.unit())) {
                long[] sum = pooled.computeIfAbsent(new Key(a, k.period(), k.indicator()), x -> new long[2]);
                sum[0] += v[0];
                sum[1] += v[1];
            }
        });
        return pooled;
    }

    /** Every unit's ancestors, itself included. */
    static Map<String, List<String>> ancestors(List<Unit> units) {
        Map<String, String> parent = new HashMap<>();
        units.forEach(u -> parent.put(u.code(), u.parentCode()));
        Map<String, List<String>> out = new HashMap<>();
        for (Unit u : units) {
            List<String> chain = new ArrayList<>();
            for (String c = u.code(); c != null; c = parent.get(c)) chain.add(c);
            out.put(u.code(), List.copyOf(chain));
        }
        return out;
    }

    static DossierFacts facts(Dossier d) {
        List<DossierFacts.Supplement> sups = d.supplements().stream()
                .map(x -> new DossierFacts.Supplement(i(x.requestedAt()), i(x.returnedAt()))).toList();
        return new DossierFacts(d.code(), d.procedureCode(), d.unitCode(), d.channel().name(), i(d.receivedAt()),
                i(d.dueAt()), d.status().name(), i(d.finishedAt()), d.finishKind() == null ? null : d.finishKind().name(),
                sups, i(d.syncedAt()), d.eResult(), d.inputsDigitized(), d.reusedData(), d.personalStoreLinked(),
                d.populationDataUsed(), BigDecimal.valueOf(d.feeAmount()), i(d.paidOnlineAt()),
                d.rating() == null ? null : d.rating().name());
    }

    private static Instant i(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private static void load(Connection c, List<Dossier> dossiers, DemoStructure s, List<String> periodKeys, Instant now)
            throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute("CREATE SCHEMA IF NOT EXISTS bench");
            st.execute("DROP TABLE IF EXISTS bench.facts, bench.facts_procedure, bench.facts_closure, bench.facts_period");
            st.execute(String.format(Dossiers.TABLE_DDL, "bench.facts"));
            st.execute("CREATE TABLE bench.facts_procedure (code TEXT PRIMARY KEY, paper_result BOOLEAN NOT NULL)");
            st.execute("CREATE TABLE bench.facts_closure (ancestor TEXT NOT NULL, descendant TEXT NOT NULL, PRIMARY KEY (ancestor, descendant))");
            st.execute("CREATE TABLE bench.facts_period (key TEXT PRIMARY KEY, ps TIMESTAMPTZ NOT NULL, pe TIMESTAMPTZ NOT NULL, te TIMESTAMPTZ NOT NULL)");
        }
        var copy = c.unwrap(PGConnection.class).getCopyAPI();
        StringBuilder b = new StringBuilder(1 << 20);
        for (int i = 0; i < dossiers.size(); i++) {
            b.append(Dossiers.csv(dossiers.get(i)));
            if (b.length() > (8 << 20) || i == dossiers.size() - 1) {
                copy.copyIn("COPY bench.facts (" + Dossiers.COLUMNS + ") FROM STDIN (FORMAT csv)", new StringReader(b.toString()));
                b.setLength(0);
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO bench.facts_procedure VALUES (?, ?)")) {
            for (Procedure p : s.procedures()) { ps.setString(1, p.code()); ps.setBoolean(2, p.paperResult()); ps.addBatch(); }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO bench.facts_closure VALUES (?, ?)")) {
            for (var e : ancestors(s.units()).entrySet()) {
                for (String a : e.getValue()) { ps.setString(1, a); ps.setString(2, e.getKey()); ps.addBatch(); }
            }
            ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO bench.facts_period VALUES (?, ?, ?, ?)")) {
            for (String k : periodKeys) {
                Period p = Period.parse(k);
                Instant te = p.end().isBefore(now) ? p.end() : now;
                ps.setString(1, k);
                ps.setObject(2, p.start().atOffset(java.time.ZoneOffset.UTC));
                ps.setObject(3, p.end().atOffset(java.time.ZoneOffset.UTC));
                ps.setObject(4, te.atOffset(java.time.ZoneOffset.UTC));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        try (Statement st = c.createStatement()) {
            st.execute("CREATE INDEX ON bench.facts (received_at)");
            st.execute("ANALYZE bench.facts, bench.facts_procedure, bench.facts_closure, bench.facts_period");
        }
    }

    /** Each dossier's own counts per (unit, period) in one pass, then pooled up the closure table; one row per counter. */
    static final String AGGREGATE = """
            WITH own AS (
              SELECT d.unit_code, p.key,
                count(*) FILTER (WHERE r)                                              AS r_den,
                count(*) FILTER (WHERE r AND d.synced_at <= p.te)                      AS sync_num,
                count(*) FILTER (WHERE r AND d.channel = 'ONLINE')                     AS online_num,
                count(*) FILTER (WHERE r AND d.fee_amount > 0)                         AS pay_den,
                count(*) FILTER (WHERE r AND d.fee_amount > 0 AND d.paid_online_at <= p.te) AS pay_num,
                count(*) FILTER (WHERE r AND d.inputs_digitized AND (NOT pr.paper_result OR d.e_result)) AS digit_num,
                count(*) FILTER (WHERE r AND d.reused_data)                            AS reuse_num,
                count(*) FILTER (WHERE r AND d.personal_store_linked)                  AS store_num,
                count(*) FILTER (WHERE r AND d.population_data_used)                   AS pop_num,
                count(*) FILTER (WHERE a)                                              AS a_den,
                count(*) FILTER (WHERE a AND (d.due_at IS NULL OR CASE WHEN fin THEN d.finished_at <= d.due_at ELSE p.te <= d.due_at END)) AS ontime_num,
                count(*) FILTER (WHERE fin AND d.finished_at >= p.ps AND d.finished_at < p.pe) AS f_den,
                coalesce(sum(extract(epoch FROM d.finished_at - d.received_at)::bigint)
                         FILTER (WHERE fin AND d.finished_at >= p.ps AND d.finished_at < p.pe), 0) AS f_sec
              FROM bench.facts d
              JOIN bench.facts_procedure pr ON pr.code = d.procedure_code
              JOIN bench.facts_period p ON d.received_at < p.pe AND d.received_at <= p.te
                   AND (d.finished_at IS NULL OR d.finished_at > p.te OR d.finished_at >= p.ps)
              CROSS JOIN LATERAL (SELECT d.received_at >= p.ps AS r,
                                         d.finished_at IS NOT NULL AND d.finished_at <= p.te AS fin,
                                         NOT (d.finished_at IS NOT NULL AND d.finished_at <= p.te AND d.finished_at < p.ps) AS a) f
              WHERE d.status <> 'WITHDRAWN' AND d.finish_kind IS DISTINCT FROM 'WITHDRAWN'
              GROUP BY d.unit_code, p.key)
            SELECT c.ancestor, o.key,
              sum(r_den), sum(sync_num), sum(online_num), sum(pay_den), sum(pay_num), sum(digit_num), sum(reuse_num),
              sum(store_num), sum(pop_num), sum(a_den), sum(ontime_num), sum(f_den), sum(f_sec)
            FROM own o JOIN bench.facts_closure c ON c.descendant = o.unit_code
            GROUP BY c.ancestor, o.key""";

    private static Map<Key, long[]> aggregate(Connection c) throws Exception {
        Map<Key, long[]> out = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(AGGREGATE)) {
            while (rs.next()) {
                String u = rs.getString(1);
                String k = rs.getString(2);
                long rDen = rs.getLong(3);
                put(out, u, k, DOSSIER_SYNC, rs.getLong(4), rDen);
                put(out, u, k, ONLINE_DOSSIER_RATE, rs.getLong(5), rDen);
                put(out, u, k, ONLINE_PAYMENT_DOSSIER, rs.getLong(7), rs.getLong(6));
                put(out, u, k, DIGITIZATION, rs.getLong(8), rDen);
                put(out, u, k, DATA_REUSE, rs.getLong(9), rDen);
                put(out, u, k, PERSONAL_STORAGE, rs.getLong(10), rDen);
                put(out, u, k, CITIZEN_DATA_DOSSIER, rs.getLong(11), rDen);
                put(out, u, k, ON_TIME_PROCESSING, rs.getLong(13), rs.getLong(12));
                put(out, u, k, AVG_PROCESSING_TIME, rs.getLong(15), rs.getLong(14));
            }
        }
        return out;
    }

    private static void put(Map<Key, long[]> m, String unit, String period, String indicator, long num, long den) {
        if (num != 0 || den != 0) m.put(new Key(unit, period, indicator), new long[] {num, den});
    }

    private static String pgSettings(Connection c) throws Exception {
        StringBuilder b = new StringBuilder();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT name, setting FROM pg_settings"
                + " WHERE name IN ('server_version', 'max_parallel_workers_per_gather', 'work_mem', 'shared_buffers') ORDER BY name")) {
            while (rs.next()) b.append(b.length() == 0 ? "" : ", ").append(rs.getString(1)).append('=').append(rs.getString(2));
        }
        return b.toString();
    }
}
