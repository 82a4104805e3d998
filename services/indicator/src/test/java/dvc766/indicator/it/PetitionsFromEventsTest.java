package dvc766.indicator.it;

import static dvc766.indicator.it.Feed.complaint;
import static dvc766.indicator.it.Feed.counts;
import static dvc766.indicator.it.Feed.dossier;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * PAKN through real Kafka: PETITION_* counts per competent unit pooled to the province, and the PAKN part of
 * DOSSIER_SATISFACTION whichever of the PAKN and its dossier arrives first; duplicates and older states change nothing.
 */
@QuarkusTest
class PetitionsFromEventsTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Test
    void paknCountForTheirCompetentUnitAndNameDossiersInEitherOrder() {
        String x = Feed.prefix();
        String p = x + "-P", h1 = x + ".H1", h2 = x + ".H2";
        List<Feed.Sent> setup = List.of(Feed.unit(x, "PROVINCE", null, 1), Feed.unit(h1, "DISTRICT", x, 1), Feed.unit(h2, "DISTRICT", x, 1),
                Feed.procedure(p, 5, "WORKING_DAYS", true, 1));
        Feed.send(setup);
        // c1 names d1 and arrives before it; c2 names d2 and arrives after it
        Feed.Sent c1 = complaint(x + "-c1", h1, "2025-03-05T09:00+07:00").dossier(x + "-d1").answered("2025-03-10T10:00+07:00")
                .published("2025-03-11T10:00+07:00").sent();
        Feed.send(c1);
        Feed.send(dossier(x + "-d1", p, h1, "2025-03-03T09:00+07:00").finished("2025-03-07T10:00+07:00").sent(),
                dossier(x + "-d2", p, h2, "2025-03-03T09:00+07:00").finished("2025-03-07T10:00+07:00").sent(),
                dossier(x + "-d3", p, h2, "2025-03-03T09:00+07:00").finished("2025-03-07T10:00+07:00").sent());
        await().atMost(WAIT).until(() -> counts(x, "2025-03", "ON_TIME_PROCESSING").equals("3/3"));
        Feed.Sent c2 = complaint(x + "-c2", h2, "2025-03-06T09:00+07:00").dossier(x + "-d2").answered("2025-03-10T10:00+07:00")
                .published("2025-03-11T10:00+07:00").rating("DISSATISFIED").sent();
        // answered after its 15 working days
        Feed.Sent c3 = complaint(x + "-c3", h1, "2025-03-03T09:00+07:00").conduct().answered("2025-03-26T10:00+07:00")
                .published("2025-03-26T11:00+07:00").sent();
        // transferred from H1 to H2: counts for H2 only; revision 2 first, then the stale revision 1, then a duplicate
        Feed.Complaint c4 = complaint(x + "-c4", h1, "2025-03-03T09:00+07:00");
        Feed.Sent c4old = c4.revision(1).sent();
        Feed.Sent c4new = c4.transfer("2025-03-04T09:00+07:00", h2).answered("2025-03-20T10:00+07:00").published("2025-03-21T10:00+07:00")
                .revision(2).sent();
        List<Feed.Sent> rest = new ArrayList<>(List.of(c2, c3, c4new, c4old, c4new, c1));
        Feed.send(rest);
        await().atMost(WAIT).until(() -> counts(x, "2025-03", "PETITION_ON_TIME").equals("3/4"));
        assertThat(counts(x, "2025-03", "DOSSIER_SATISFACTION")).isEqualTo("1/3");
        assertThat(counts(h1, "2025-03", "DOSSIER_SATISFACTION")).isEqualTo("0/1");
        assertThat(counts(h2, "2025-03", "DOSSIER_SATISFACTION")).isEqualTo("1/2");
        assertThat(counts(x, "2025-03", "PETITION_SATISFACTION")).isEqualTo("2/4");
        assertThat(counts(x, "2025-03", "PETITION_CLASSIFICATION")).isEqualTo("3/4");
        assertThat(counts(h1, "2025-03", "PETITION_ON_TIME")).isEqualTo("1/2");
        assertThat(counts(h2, "2025-03", "PETITION_ON_TIME")).isEqualTo("2/2");
        assertThat(counts(x, "2025-Q1", "PETITION_ON_TIME")).isEqualTo("3/4");

        // d1 no longer named: its PAKN now names nothing
        Feed.send(complaint(x + "-c1", h1, "2025-03-05T09:00+07:00").answered("2025-03-10T10:00+07:00").published("2025-03-11T10:00+07:00")
                .revision(3).sent());
        await().atMost(WAIT).until(() -> counts(x, "2025-03", "DOSSIER_SATISFACTION").equals("2/3"));
    }
}
