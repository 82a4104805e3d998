package dvc766.indicator.it;

import static dvc766.indicator.it.Feed.dossier;
import static dvc766.indicator.it.Feed.edge;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dvc766.indicator.store.UnitStore;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Thanh Hóa's reorganisation by hand: a commune moves from district D to the province on 2025-07-01. Periods evaluated
 * before the move keep the commune under D; periods evaluated on or after it pool it under the province only; the
 * province counts every dossier throughout (pooling, not averaging). The year 2025 is evaluated at its end, so under
 * the tree of 2025-12-31.
 */
@QuarkusTest
class DatedTreeTest {

    static final Duration WAIT = Duration.ofSeconds(60);

    @Inject
    DataSource ds;
    @Inject
    UnitStore units;

    @Test
    void aCommuneMovedOnTheFirstOfJulyCountsUnderItsDistrictBeforeAndUnderTheProvinceAfter() throws Exception {
        String x = Feed.prefix();
        String d = x + ".D", c = x + ".D.C", p = x + "-P";
        Feed.Sent province = Feed.unit(x, "PROVINCE", null, 1);
        Feed.Sent district = Feed.unit(d, "DISTRICT", 1, List.of(edge(x, null, null)));
        Feed.Sent before = Feed.unit(c, "COMMUNE", 1, List.of(edge(d, null, null)));
        Feed.Sent moved = Feed.unit(c, "COMMUNE", 2, List.of(edge(d, null, "2025-07-01"), edge(x, "2025-07-01", null)));
        Feed.Sent procedure = Feed.procedure(p, 10, "WORKING_DAYS", false, 1);
        // one dossier in June, one in July, both handled on time; the third, in June at the district itself, late
        Feed.Sent june = dossier(x + "-jun", p, c, "2025-06-10T09:00:00+07:00").due("2025-06-30T17:00:00+07:00")
                .finished("2025-06-20T09:00:00+07:00").sent();
        Feed.Sent july = dossier(x + "-jul", p, c, "2025-07-10T09:00:00+07:00").due("2025-07-30T17:00:00+07:00")
                .finished("2025-07-20T09:00:00+07:00").sent();
        Feed.Sent atDistrict = dossier(x + "-dis", p, d, "2025-06-11T09:00:00+07:00").due("2025-06-12T17:00:00+07:00")
                .finished("2025-06-20T09:00:00+07:00").sent();
        // the move's state arrives first, the older state after it (ignored), dossiers in between: order does not matter
        List<Feed.Sent> all = List.of(province, district, moved, procedure, june, before, july, atDistrict);
        Feed.send(all);
        await().atMost(WAIT).until(() -> all.stream().allMatch(this::processed));
        await().atMost(WAIT).until(() -> Feed.counts(x, "2025", "ON_TIME_PROCESSING").equals("2/3"));

        // D keeps the commune for the periods evaluated before the move
        assertThat(Feed.counts(d, "2025-06", "ON_TIME_PROCESSING")).isEqualTo("1/2");
        assertThat(Feed.counts(d, "2025-Q2", "ON_TIME_PROCESSING")).isEqualTo("1/2");
        // and not after it: July, the third quarter and the year (tree of 2025-12-31) hold only D's own dossier, if any
        assertThat(Feed.counts(d, "2025-07", "ON_TIME_PROCESSING")).isIn("none", "0/0");
        assertThat(Feed.counts(d, "2025-Q3", "ON_TIME_PROCESSING")).isIn("none", "0/0");
        assertThat(Feed.counts(d, "2025", "ON_TIME_PROCESSING")).isEqualTo("0/1");
        // the province counts every dossier in every period
        assertThat(Feed.counts(x, "2025-06", "ON_TIME_PROCESSING")).isEqualTo("1/2");
        assertThat(Feed.counts(x, "2025-Q2", "ON_TIME_PROCESSING")).isEqualTo("1/2");
        assertThat(Feed.counts(x, "2025-07", "ON_TIME_PROCESSING")).isEqualTo("1/1");
        assertThat(Feed.counts(x, "2025-Q3", "ON_TIME_PROCESSING")).isEqualTo("1/1");
        assertThat(Feed.counts(x, "2025", "ON_TIME_PROCESSING")).isEqualTo("2/3");
        // each score names the commune's place in that period's tree
        assertThat(place(c, "2025-06")).isEqualTo(d + " " + List.of(d, x));
        assertThat(place(c, "2025-Q2")).isEqualTo(d + " " + List.of(d, x));
        assertThat(place(c, "2025-07")).isEqualTo(x + " " + List.of(x));
        assertThat(place(c, "2025")).isEqualTo(x + " " + List.of(x));
        assertThat(units.ancestors(c)).containsExactly(x);

        // counters drifted by hand are repaired by a recompute from facts under each period's own tree: D's June
        // keeps the moved commune, D's July does not get it
        try (Connection k = ds.getConnection(); PreparedStatement ps = k.prepareStatement(
                "UPDATE pooled_counter SET num = num + 5, den = den + 5 WHERE unit_code = ? AND period IN ('2025-06', '2025') AND indicator = 'ON_TIME_PROCESSING'")) {
            ps.setString(1, d);
            assertThat(ps.executeUpdate()).isEqualTo(2);
        }
        assertThat(pooled(d, "2025-06")).isEqualTo("6/7");
        RecomputeFromFactsTest.order("{\"facts\": true, \"units\": [\"" + x + "\"]}").then().statusCode(202);
        RecomputeFromFactsTest.awaitIdle();
        assertThat(pooled(d, "2025-06")).isEqualTo("1/2");
        assertThat(pooled(d, "2025")).isEqualTo("0/1");
        assertThat(Feed.counts(d, "2025-06", "ON_TIME_PROCESSING")).isEqualTo("1/2");
        assertThat(Feed.counts(d, "2025-07", "ON_TIME_PROCESSING")).isIn("none", "0/0");
        assertThat(Feed.counts(d, "2025", "ON_TIME_PROCESSING")).isEqualTo("0/1");
        assertThat(Feed.counts(x, "2025", "ON_TIME_PROCESSING")).isEqualTo("2/3");

        // the move is undone (a correction): the commune stays under D throughout, and D gets July back
        Feed.Sent undone = Feed.unit(c, "COMMUNE", 3, List.of(edge(d, null, null)));
        Feed.send(undone);
        await().atMost(WAIT).until(() -> processed(undone));
        await().atMost(WAIT).until(() -> Feed.counts(d, "2025", "ON_TIME_PROCESSING").equals("2/3"));
        assertThat(Feed.counts(d, "2025-07", "ON_TIME_PROCESSING")).isEqualTo("1/1");
        assertThat(Feed.counts(d, "2025-06", "ON_TIME_PROCESSING")).isEqualTo("1/2");
        assertThat(Feed.counts(x, "2025", "ON_TIME_PROCESSING")).isEqualTo("2/3");
        assertThat(place(c, "2025-07")).isEqualTo(d + " " + List.of(d, x));
        assertThat(units.ancestors(c)).containsExactly(d, x);
    }

    static String place(String unit, String period) {
        JsonPath s = Feed.score(unit, period);
        return s == null ? "none" : s.getString("parentCode") + " " + s.getList("ancestors");
    }

    boolean processed(Feed.Sent e) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM kit_processed_event WHERE consumer = 'indicator' AND event_id = ?")) {
            ps.setString(1, e.id());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (Exception ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** A unit's pooled ON_TIME_PROCESSING counter as held (not as last published). */
    String pooled(String unit, String period) throws Exception {
        try (Connection k = ds.getConnection(); PreparedStatement ps = k.prepareStatement(
                "SELECT num || '/' || den FROM pooled_counter WHERE unit_code = ? AND period = ? AND indicator = 'ON_TIME_PROCESSING'")) {
            ps.setString(1, unit);
            ps.setString(2, period);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : "none";
            }
        }
    }
}
