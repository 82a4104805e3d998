package dvc766.indicator.domain;

import static dvc766.indicator.domain.Indicators.*;
import static org.assertj.core.api.Assertions.assertThat;

import dvc766.common.calendar.WorkingDayCalendar;
import dvc766.common.period.Period;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed PUBLISH_ON_TIME and PUBLIC_UPDATE_ON_TIME (index-766 §11), March 2025: a legal document taking effect
 * Thursday 20 March must be published by Thursday 13 March (5 working days before: 19, 18, 17, 14, 13); a decision
 * signed Thursday 13 March must be public by the end of Thursday 20 March (14, 17, 18, 19, 20).
 */
class DecisionTest {

    static final WorkingDayCalendar CAL = WorkingDayCalendar.vietnam();
    static final DecisionDeadlines DL = DecisionDeadlines.DEFAULT;
    static final Period MARCH = Period.parse("2025-03");

    static Instant t(String iso) {
        return OffsetDateTime.parse(iso).toInstant();
    }

    static DecisionFacts decision(String key, String unit, String signed, String effective, DecisionFacts.Item... items) {
        return new DecisionFacts(key, unit, LocalDate.parse(signed), effective == null ? null : LocalDate.parse(effective), List.of(items));
    }

    static DecisionFacts.Item item(String procedure, String madePublic) {
        return new DecisionFacts.Item(procedure, "NEW", madePublic == null ? null : t(madePublic));
    }

    static Map<String, Counts> march(String now, Set<String> subtree, DecisionFacts... decisions) {
        FromScratch.World w = new FromScratch.World(List.of(), Map.of(), List.of(), PetitionDeadlines.DEFAULT, List.of(decisions), DL);
        return FromScratch.pooled(w, subtree, MARCH, t(now), CAL);
    }

    @Test
    void signedAtLeastFiveWorkingDaysBeforeTheEffectiveDate() {
        assertThat(DecisionContributions.publishedOnTime(decision("38/1", "38", "2025-03-13", "2025-03-20"), DL, CAL)).isTrue();
        assertThat(DecisionContributions.publishedOnTime(decision("38/1", "38", "2025-03-14", "2025-03-20"), DL, CAL)).isFalse();
        assertThat(DecisionContributions.publishedOnTime(decision("38/1", "38", "2025-03-14", null), DL, CAL)).isTrue();
        // a ministry's 20 working days are a rule-set parameter
        assertThat(DecisionContributions.publishedOnTime(decision("38/1", "38", "2025-03-13", "2025-03-20"), new DecisionDeadlines(20, 10), CAL))
                .isFalse();
    }

    @Test
    void madePublicWithinFiveWorkingDaysOfSigningOrStillWithinThem() {
        DecisionFacts d = decision("38/1", "38", "2025-03-13", "2025-03-20", item("P1", "2025-03-20T17:00+07:00"), item("P2", "2025-03-21T08:00+07:00"),
                item("P3", null));
        assertThat(DecisionContributions.updateDeadline(d, DL, CAL)).isEqualTo(t("2025-03-21T00:00+07:00"));
        assertThat(DecisionContributions.madePublicOnTime(d, d.procedures().get(0), t("2025-04-01T00:00+07:00"), DL, CAL)).isTrue();
        assertThat(DecisionContributions.madePublicOnTime(d, d.procedures().get(1), t("2025-04-01T00:00+07:00"), DL, CAL)).isFalse();
        assertThat(DecisionContributions.madePublicOnTime(d, d.procedures().get(2), t("2025-03-21T00:00+07:00"), DL, CAL)).isTrue();
        assertThat(DecisionContributions.madePublicOnTime(d, d.procedures().get(2), t("2025-03-21T00:00:01+07:00"), DL, CAL)).isFalse();
        // P2 made public late, but at te = 20 March its publication does not exist yet and the deadline has not passed
        assertThat(DecisionContributions.madePublicOnTime(d, d.procedures().get(1), t("2025-03-20T12:00+07:00"), DL, CAL)).isTrue();
        assertThat(DecisionContributions.nextCheckAt(d, t("2025-03-20T12:00+07:00"), DL, CAL)).isEqualTo(t("2025-03-20T17:00+07:00"));
        assertThat(DecisionContributions.nextCheckAt(d, t("2025-03-20T18:00+07:00"), DL, CAL)).isEqualTo(t("2025-03-21T00:00+07:00").plusNanos(1000));
        assertThat(march("2025-04-01T00:00+07:00", Set.of("38"), d).get(PUBLIC_UPDATE_ON_TIME)).isEqualTo(new Counts(1, 3));
        assertThat(march("2025-04-01T00:00+07:00", Set.of("38"), d).get(PUBLISH_ON_TIME)).isEqualTo(new Counts(3, 3));
    }

    @Test
    void aProcedureNamedBySeveralDecisionsCountsOnceAndFailsIfAnyFails() {
        DecisionFacts onTime = decision("38/1", "38.A", "2025-03-13", "2025-03-20", item("P1", "2025-03-14T10:00+07:00"), item("P2", "2025-03-14T10:00+07:00"));
        DecisionFacts late = decision("38/2", "38.B", "2025-03-14", "2025-03-20", item("P1", "2025-03-14T10:00+07:00"));
        String later = "2025-04-01T00:00+07:00";
        // the province pools both units: P1 once (late), P2 once (on time)
        assertThat(march(later, Set.of("38", "38.A", "38.B"), onTime, late).get(PUBLISH_ON_TIME)).isEqualTo(new Counts(1, 2));
        assertThat(march(later, Set.of("38", "38.A", "38.B"), onTime, late).get(PUBLIC_UPDATE_ON_TIME)).isEqualTo(new Counts(2, 2));
        // each unit alone
        assertThat(march(later, Set.of("38.A"), onTime, late).get(PUBLISH_ON_TIME)).isEqualTo(new Counts(2, 2));
        assertThat(march(later, Set.of("38.B"), onTime, late).get(PUBLISH_ON_TIME)).isEqualTo(new Counts(0, 1));
        // not a sum of the children: 2/2 + 0/1 would be 2/3
    }

    @Test
    void onlyDecisionsSignedInThePeriodAndByTe() {
        DecisionFacts february = decision("38/1", "38", "2025-02-27", "2025-03-20", item("P1", null));
        assertThat(march("2025-04-01T00:00+07:00", Set.of("38"), february)).isEmpty();
        DecisionFacts future = decision("38/2", "38", "2025-03-25", "2025-04-20", item("P1", null));
        assertThat(march("2025-03-24T12:00+07:00", Set.of("38"), future)).isEmpty();
        assertThat(march("2025-03-25T00:00+07:00", Set.of("38"), future).get(PUBLISH_ON_TIME)).isEqualTo(new Counts(1, 1));
        assertThat(DecisionContributions.periodsOf(future, t("2025-03-25T00:00+07:00"))).extracting(Period::key)
                .containsExactly("2025", "2025-Q1", "2025-03");
        // the item change of one decision moves a pooled counter by one at most
        assertThat(ItemCount.change(new ItemCount(1, 0), new ItemCount(2, 1))).isEqualTo(new Counts(-1, 0));
        assertThat(ItemCount.change(new ItemCount(2, 1), new ItemCount(1, 1))).isEqualTo(Counts.ZERO);
        assertThat(ItemCount.change(new ItemCount(1, 1), ItemCount.ZERO)).isEqualTo(new Counts(0, -1));
    }
}
