package dvc766.indicator.it;

import static dvc766.indicator.it.Feed.dossier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dvc766.contracts.events.DossierData;
import dvc766.indicator.domain.Counts;
import dvc766.indicator.messaging.IndicatorEngine;
import dvc766.indicator.store.CounterKey;
import dvc766.indicator.store.CounterStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Two engines (concurrent transactions, each on its own connection: instances share nothing but the database) applying
 * an interleaved, duplicated, reordered stream of dossier states end with exactly the counters and scores that one
 * engine applying the same stream alone produces.
 */
@QuarkusTest
class TwoEnginesTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    IndicatorEngine engine;

    @Inject
    CounterStore counters;

    @Inject
    DataSource ds;

    /** Every state of 60 dossiers (3 revisions each) of x's two districts, shuffled, with some sent twice; the same for any x. */
    static List<DossierData> stream(String x, long seed) {
        Random r = new Random(seed);
        List<DossierData> out = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            String unit = x + (i % 2 == 0 ? ".D1" : ".D2");
            String received = "2025-03-" + String.format("%02d", 3 + r.nextInt(20)) + "T09:00+07:00";
            String code = x + "-d" + i;
            out.add(dossier(code, x + "-P", unit, received).revision(1).build());
            Feed.Dossier second = dossier(code, x + "-P", unit, received).revision(2);
            if (r.nextBoolean()) second.supplement(received.replace("T09", "T10"), received.replace("T09", "T15"));
            if (r.nextBoolean()) second.online();
            out.add(second.build());
            Feed.Dossier third = dossier(code, x + "-P", unit, received).revision(3);
            if (r.nextBoolean()) third.online();
            int days = 1 + r.nextInt(20);
            third.finishedAt(Feed.t(received).plusDays(days), "RESULT_RETURNED");
            out.add(third.build());
            if (r.nextInt(4) == 0) out.add(second.build());
        }
        Collections.shuffle(out, r);
        return out;
    }

    @Test
    void twoEnginesApplyingInterleavedEventsConvergeToWhatOneEngineComputes() throws Exception {
        String one = Feed.prefix(), two = Feed.prefix();
        for (String x : List.of(one, two)) {
            Feed.send(Feed.unit(x, "PROVINCE", null, 1), Feed.unit(x + ".D1", "DISTRICT", x, 1), Feed.unit(x + ".D2", "DISTRICT", x, 1),
                    Feed.procedure(x + "-P", 5, "WORKING_DAYS", false, 1));
        }
        await().atMost(WAIT).until(() -> knownUnits(one) == 3 && knownUnits(two) == 3 && procedureKnown(one) && procedureKnown(two));

        // one engine: the whole stream in order, four states per transaction
        List<DossierData> alone = stream(one, 7);
        for (int i = 0; i < alone.size(); i += 4) {
            List<DossierData> chunk = alone.subList(i, Math.min(alone.size(), i + 4));
            QuarkusTransaction.requiringNew().run(() -> engine.applyDossiers(chunk));
        }
        // two engines: the same stream dealt alternately, applied at the same time
        List<DossierData> shared = stream(two, 7);
        List<List<DossierData>> halves = List.of(new ArrayList<>(), new ArrayList<>());
        for (int i = 0; i < shared.size(); i++) halves.get((i / 3) % 2).add(shared.get(i));
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (List<DossierData> half : halves) done.add(pool.submit(() -> applyAll(half)));
            for (Future<?> f : done) f.get();
        } finally {
            pool.shutdownNow();
        }

        Map<String, Counts> a = pooled(one), b = pooled(two);
        assertThat(a).as("counters to compare").hasSizeGreaterThan(20);
        assertThat(b).isEqualTo(a);
        Map<String, String> sa = scores(one), sb = scores(two);
        assertThat(sa).as("scores to compare").hasSizeGreaterThanOrEqualTo(9);
        assertThat(sb).isEqualTo(sa);
    }

    /** Applies states two or three at a time, retrying a transaction that failed (as the intake does). */
    void applyAll(List<DossierData> states) {
        for (int i = 0; i < states.size(); i += 2) {
            List<DossierData> chunk = states.subList(i, Math.min(states.size(), i + 2));
            for (int attempt = 1; ; attempt++) {
                try {
                    QuarkusTransaction.requiringNew().run(() -> engine.applyDossiers(chunk));
                    break;
                } catch (RuntimeException e) {
                    if (attempt >= 5) throw e;
                }
            }
        }
    }

    /** x's pooled counters keyed by the unit's suffix, period and indicator. */
    Map<String, Counts> pooled(String x) {
        Map<String, Counts> out = new TreeMap<>();
        for (Map.Entry<CounterKey, Counts> e : counters.allPooled().entrySet()) {
            CounterKey k = e.getKey();
            if (k.unit().equals(x) || k.unit().startsWith(x + ".")) out.put(k.unit().substring(x.length()) + "|" + k.period() + "|" + k.indicator(), e.getValue());
        }
        return out;
    }

    /** x's current scores (canonical figures, x in the place in the tree written <x>) keyed by unit suffix, period and rule set. */
    Map<String, String> scores(String x) throws Exception {
        Map<String, String> out = new TreeMap<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT unit_code, period, rule_set, figures FROM score_current WHERE (unit_code = ? OR unit_code LIKE ?) AND version > 0")) {
            ps.setString(1, x);
            ps.setString(2, x + ".%");
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1).substring(x.length()) + "|" + rs.getString(2) + "|" + rs.getString(3), rs.getString(4).replace(x, "<x>"));
            }
        }
        return out;
    }

    int knownUnits(String x) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT count(*) FROM unit WHERE known AND (code = ? OR code LIKE ?)")) {
            ps.setString(1, x);
            ps.setString(2, x + ".%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    boolean procedureKnown(String x) throws Exception {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT 1 FROM procedure WHERE code = ?")) {
            ps.setString(1, x + "-P");
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
