package dvc766.publication;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RankingTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    DataSource ds;

    @Test
    void ranksByTotalWithSharedRanksChangeAndFilters() {
        String p = Events.uniquePrefix();
        String q = Events.uniquePrefix();
        Events.sendUnit(p, "Tỉnh Thử", "PROVINCE", null, 1);
        Events.sendUnit(p + ".01", "Hà Trung", "DISTRICT", p, 1);
        Events.sendUnit(p + ".02", "Đông Sơn", "DISTRICT", p, 1);
        Events.sendUnit(p + ".03", "Thường Xuân", "DISTRICT", p, 1);
        Events.sendUnit(p + ".04", "Bá Thước", "DISTRICT", p, 1);
        Events.sendUnit(p + ".05", "Xã Ân Tiến", "COMMUNE", p, 1);
        Events.sendUnit(q + ".01", "Huyện Khác", "DISTRICT", q, 1);

        Events.sendScore(p + ".01", "2026-11", 1, "80", "TOT");
        Events.sendScore(p + ".02", "2026-11", 1, "80.00", "TOT");
        Events.sendScore(p + ".03", "2026-11", 1, "90", "XUAT_SAC");
        Events.sendScore(p + ".04", "2026-11", 1, "70.5", "KHA");
        Events.sendScore(p + ".05", "2026-11", 1, "99", "XUAT_SAC");
        Events.sendScore(q + ".01", "2026-11", 1, "95", "XUAT_SAC");
        Events.sendScore(p + ".01", "2026-10", 1, "75", "KHA");
        Events.sendScore(p + ".03", "2026-10", 1, "92.25", "XUAT_SAC");
        Events.sendScore(p + ".04", "2026-Q3", 1, "10", "YEU"); // another kind of period: no bearing on the month

        List<String> expected = List.of(
                "1 " + p + ".03 Thường Xuân 90 -2.25",
                "2 " + p + ".02 Đông Sơn 80 null",   // a tie: shares rank 2, listed in Vietnamese order (Đ before H)
                "2 " + p + ".01 Hà Trung 80 5",
                "4 " + p + ".04 Bá Thước 70.5 null");
        JsonNode ranking = awaitRanking("2026-11", "DISTRICT", p, expected);
        assertThat(ranking.get("period").asText()).isEqualTo("2026-11");
        assertThat(ranking.get("level").asText()).isEqualTo("DISTRICT");
        assertThat(ranking.get("parent").asText()).isEqualTo(p);
        assertThat(ranking.get("ruleSet").asText()).isEqualTo("dvcqg-2026");
        assertThat(ranking.get("items").get(0).get("band").asText()).isEqualTo("XUAT_SAC");
        assertThat(ranking.get("items").get(1).get("change").isNull()).isTrue();

        // without a level: every scored unit directly under the parent
        awaitRanking("2026-11", null, p, List.of(
                "1 " + p + ".05 Xã Ân Tiến 99 null",
                "2 " + p + ".03 Thường Xuân 90 -2.25",
                "3 " + p + ".02 Đông Sơn 80 null",
                "3 " + p + ".01 Hà Trung 80 5",
                "5 " + p + ".04 Bá Thước 70.5 null"));
        // another parent's units stay apart
        awaitRanking("2026-11", "district", q, List.of("1 " + q + ".01 Huyện Khác 95 null"));
        // a quarter compares with the previous quarter
        Events.sendScore(p + ".04", "2026-Q4", 1, "12.5", "YEU");
        awaitRanking("2026-Q4", "DISTRICT", p, List.of("1 " + p + ".04 Bá Thước 12.5 2.5"));
    }

    @Test
    void unitChangesReachTheRankingsOfScoresAlreadyHeld() {
        String p = Events.uniquePrefix();
        String other = Events.uniquePrefix();
        // the score comes before its unit: not ranked at a level (nor under a parent) until both are known
        Events.sendScore(p + ".01", "2026-11", 1, "61", "TRUNG_BINH");
        Events.sendUnit(p + ".02", "Nga Sơn", "DISTRICT", p, 1);
        Events.sendScore(p + ".02", "2026-11", 1, "62", "TRUNG_BINH");
        awaitRanking("2026-11", "DISTRICT", p, List.of("1 " + p + ".02 Nga Sơn 62 null"));

        Events.sendUnit(p + ".01", "Như Thanh", "DISTRICT", p, 1);
        // the place in the period's tree comes with the score: the indicator republishes it once the unit is placed
        Events.sendScore(p + ".01", "2026-11", 2, "61", "TRUNG_BINH");
        awaitRanking("2026-11", "DISTRICT", p, List.of(
                "1 " + p + ".02 Nga Sơn 62 null",
                "2 " + p + ".01 Như Thanh 61 null"));

        // renamed, then moved under another parent; a stale revision afterwards changes nothing
        Events.sendUnit(p + ".02", "Thị xã Nghi Sơn", "DISTRICT", p, 2);
        awaitRanking("2026-11", "DISTRICT", p, List.of(
                "1 " + p + ".02 Thị xã Nghi Sơn 62 null",
                "2 " + p + ".01 Như Thanh 61 null"));
        Events.sendUnit(p + ".01", "Như Thanh", "DISTRICT", other, 2);
        Events.sendScore(p + ".01", "2026-11", 3, "61", "TRUNG_BINH");   // republished under the new parent
        String stale = Events.sendUnit(p + ".01", "Như Thanh", "DISTRICT", p, 1);
        await().atMost(WAIT).until(() -> processed(stale));
        awaitRanking("2026-11", "DISTRICT", other, List.of("1 " + p + ".01 Như Thanh 61 null"));
        awaitRanking("2026-11", "DISTRICT", p, List.of("1 " + p + ".02 Thị xã Nghi Sơn 62 null"));
        JsonNode card = ScorecardTest.awaitScorecard(p + ".02", "2026-11", c -> true);
        assertThat(card.get("name").asText()).isEqualTo("Thị xã Nghi Sơn");
    }

    @Test
    void anEmptyRankingIsAnEmptyList() {
        Response r = Api.ranking("2019-01", "COMMUNE", Events.uniquePrefix());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(Api.json(r).get("items")).isEmpty();
    }

    private boolean processed(String eventId) throws SQLException {
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT 1 FROM kit_processed_event WHERE event_id = ?")) {
            ps.setString(1, eventId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    @Test
    void communesRankWithinAProvinceThroughItsDistrictsByEachPeriodsTree() {
        // a commune under district D until 2025-07-01, then directly under the province: its scores say so per period
        String p = Events.uniquePrefix();
        String other = Events.uniquePrefix();
        Events.sendUnit(p, "Tỉnh Thử", "PROVINCE", null, 1);
        Events.sendUnit(p + ".D", "Huyện Cũ", "DISTRICT", p, 1);
        Events.sendUnit(p + ".D.C1", "Xã Một", "COMMUNE", p + ".D", 1);
        Events.sendUnit(p + ".C2", "Xã Hai", "COMMUNE", p, 1);
        Events.sendUnit(other + ".C9", "Xã Tỉnh Khác", "COMMUNE", other, 1);
        Events.sendScore(p + ".D.C1", "2025-06", 1, "60", "TRUNG_BINH"); // ancestors [D, P]
        Events.sendScore(p + ".C2", "2025-06", 1, "70", "KHA");
        Events.sendScore(other + ".C9", "2025-06", 1, "99", "XUAT_SAC");
        Events.sendUnit(p + ".D.C1", "Xã Một", "COMMUNE", p, 2); // moved: its later scores carry [P]
        Events.sendScore(p + ".D.C1", "2025-07", 1, "65", "TRUNG_BINH");
        Events.sendScore(p + ".C2", "2025-07", 1, "72", "KHA");

        // the province's communes, through the district: one province only, though another shares the deployment
        awaitRanking("2025-06", "COMMUNE", p, List.of("1 " + p + ".C2 Xã Hai 70 null", "2 " + p + ".D.C1 Xã Một 60 null"));
        // the district's communes in June (the tree of 2025-06-30), none in July
        awaitRanking("2025-06", "COMMUNE", p + ".D", List.of("1 " + p + ".D.C1 Xã Một 60 null"));
        awaitRanking("2025-07", "COMMUNE", p, List.of("1 " + p + ".C2 Xã Hai 72 2", "2 " + p + ".D.C1 Xã Một 65 5"));
        awaitRanking("2025-07", "COMMUNE", p + ".D", List.of());
    }

    private static JsonNode awaitRanking(String period, String level, String parent, List<String> expected) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(WAIT).untilAsserted(() -> {
            Response r = Api.ranking(period, level, parent);
            assertThat(r.statusCode()).isEqualTo(200);
            last[0] = Api.json(r);
            assertThat(Api.rows(last[0])).containsExactlyElementsOf(expected);
        });
        return last[0];
    }
}
