package dvc766.indicator.domain;

import static dvc766.indicator.domain.Indicators.*;
import static org.assertj.core.api.Assertions.assertThat;

import dvc766.common.calendar.WorkingDayCalendar;
import dvc766.common.period.Period;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed PAKN cases (index-766 §6, §11), March 2025 (no public holiday): received Monday 3 March, the 15th
 * working day after is Monday 24 March, so the answer is due by 24:00 that day (25 March 00:00 +07:00).
 */
class PetitionTest {

    static final WorkingDayCalendar CAL = WorkingDayCalendar.vietnam();
    static final PetitionDeadlines DL = PetitionDeadlines.DEFAULT;
    static final Period MARCH = Period.parse("2025-03");

    static Instant t(String iso) {
        return OffsetDateTime.parse(iso).toInstant();
    }

    static final class P {
        String unit = "38", category = "TTHC_REGULATION", dossier, rating;
        Instant received, refused, answered, published, withdrawn;
        final List<Instant> transfers = new ArrayList<>();
        final List<PetitionFacts.Wait> waits = new ArrayList<>();
        boolean raisedAgain;

        static P received(String at) { P p = new P(); p.received = t(at); return p; }
        P answered(String at) { answered = t(at); return this; }
        P published(String at) { published = t(at); return this; }
        P refused(String at) { refused = t(at); return this; }
        P withdrawn(String at) { withdrawn = t(at); return this; }
        P transfer(String at) { transfers.add(t(at)); return this; }
        P info(String requested, String returned) { waits.add(new PetitionFacts.Wait(t(requested), returned == null ? null : t(returned))); return this; }
        P rating(String r) { rating = r; return this; }
        P raisedAgain() { raisedAgain = true; return this; }
        P conduct() { category = "OFFICIAL_CONDUCT"; return this; }
        PetitionFacts build() {
            return new PetitionFacts("PAKN-1", unit, category, dossier, received, transfers, waits, refused, answered, published, withdrawn,
                    rating, raisedAgain);
        }
    }

    static boolean onTime(P p, String te) {
        return PetitionTiming.onTime(p.build(), t(te), DL, CAL);
    }

    static Contributions march(P p, String now) {
        Instant n = t(now);
        Instant te = MARCH.end().isBefore(n) ? MARCH.end() : n;
        return PetitionTiming.contributionsOf(p.build(), MARCH, te, DL, CAL);
    }

    @Test
    void answerDueByTheEndOfTheFifteenthWorkingDay() {
        assertThat(PetitionTiming.answerDeadline(P.received("2025-03-03T10:00+07:00").build(), t("2025-03-04T00:00+07:00"), DL, CAL))
                .isEqualTo(t("2025-03-25T00:00+07:00"));
        assertThat(onTime(P.received("2025-03-03T10:00+07:00").answered("2025-03-24T23:59+07:00").published("2025-03-25T08:00+07:00"), "2025-03-31T00:00+07:00")).isTrue();
        assertThat(onTime(P.received("2025-03-03T10:00+07:00").answered("2025-03-25T08:00+07:00").published("2025-03-25T09:00+07:00"), "2025-03-31T00:00+07:00")).isFalse();
    }

    @Test
    void anOpenPaknIsOnTimeUntilItsDeadlineAndThenLateWithoutAnyEvent() {
        P open = P.received("2025-03-03T10:00+07:00");
        assertThat(onTime(open, "2025-03-24T23:59:59+07:00")).isTrue();
        assertThat(onTime(open, "2025-03-25T00:00+07:00")).isTrue();
        assertThat(onTime(open, "2025-03-25T00:00:01+07:00")).isFalse();
        assertThat(PetitionTiming.nextCheckAt(open.build(), t("2025-03-10T00:00+07:00"), DL, CAL))
                .isEqualTo(t("2025-03-25T00:00+07:00").plusNanos(1000));
    }

    @Test
    void aTransferRestartsTheDeadlines() {
        // from Monday 10 March: the 15th working day after is Monday 31 March
        P transferred = P.received("2025-03-03T10:00+07:00").transfer("2025-03-10T09:00+07:00").answered("2025-03-31T17:00+07:00")
                .published("2025-04-01T09:00+07:00");
        assertThat(onTime(transferred, "2025-04-30T00:00+07:00")).isTrue();
        assertThat(onTime(P.received("2025-03-03T10:00+07:00").answered("2025-03-31T17:00+07:00").published("2025-04-01T09:00+07:00"), "2025-04-30T00:00+07:00")).isFalse();
        // a transfer dated after te does not exist yet
        assertThat(onTime(P.received("2025-03-03T10:00+07:00").transfer("2025-03-27T09:00+07:00"), "2025-03-26T00:00+07:00")).isFalse();
    }

    @Test
    void waitingForInformationMovesTheAnswerDeadlineAndTheRequestHasItsOwnDeadline() {
        // two days of waiting: due 27 March 00:00
        P waited = P.received("2025-03-03T10:00+07:00").info("2025-03-05T10:00+07:00", "2025-03-07T10:00+07:00");
        assertThat(PetitionTiming.answerDeadline(waited.build(), t("2025-03-20T00:00+07:00"), DL, CAL)).isEqualTo(t("2025-03-27T00:00+07:00"));
        assertThat(onTime(waited.answered("2025-03-26T15:00+07:00").published("2025-03-27T15:00+07:00"), "2025-03-31T00:00+07:00")).isTrue();
        // the request itself is due within 5 working days (by the end of Monday 10 March)
        assertThat(onTime(P.received("2025-03-03T10:00+07:00").info("2025-03-10T16:00+07:00", "2025-03-11T10:00+07:00"), "2025-03-12T00:00+07:00")).isTrue();
        assertThat(onTime(P.received("2025-03-03T10:00+07:00").info("2025-03-11T08:00+07:00", "2025-03-11T10:00+07:00"), "2025-03-12T00:00+07:00")).isFalse();
        // while the information is awaited the deadline moves with time: never late, and no deadline check is scheduled
        P awaiting = P.received("2025-03-03T10:00+07:00").info("2025-03-05T10:00+07:00", null);
        assertThat(onTime(awaiting, "2025-03-28T00:00+07:00")).isTrue();
        assertThat(PetitionTiming.nextCheckAt(awaiting.build(), t("2025-03-28T00:00+07:00"), DL, CAL)).isEqualTo(MARCH.end());
    }

    @Test
    void refusalWithinTwoWorkingDays() {
        assertThat(onTime(P.received("2025-03-03T10:00+07:00").refused("2025-03-05T16:00+07:00"), "2025-03-31T00:00+07:00")).isTrue();
        assertThat(onTime(P.received("2025-03-03T10:00+07:00").refused("2025-03-06T08:00+07:00"), "2025-03-31T00:00+07:00")).isFalse();
    }

    @Test
    void answerPublishedWithinTwoWorkingDaysOfTheAnswer() {
        P answered = P.received("2025-03-03T10:00+07:00").answered("2025-03-14T10:00+07:00");
        // answered Friday 14: published by the end of Tuesday 18
        assertThat(onTime(answered, "2025-03-18T23:00+07:00")).isTrue();
        assertThat(onTime(answered, "2025-03-19T00:00:01+07:00")).isFalse();
        assertThat(PetitionTiming.nextCheckAt(answered.build(), t("2025-03-17T00:00+07:00"), DL, CAL))
                .isEqualTo(t("2025-03-19T00:00+07:00").plusNanos(1000));
        assertThat(onTime(P.received("2025-03-03T10:00+07:00").answered("2025-03-14T10:00+07:00").published("2025-03-18T09:00+07:00"),
                "2025-03-31T00:00+07:00")).isTrue();
        assertThat(onTime(P.received("2025-03-03T10:00+07:00").answered("2025-03-14T10:00+07:00").published("2025-03-19T09:00+07:00"),
                "2025-03-31T00:00+07:00")).isFalse();
    }

    @Test
    void kOfPHoldsPaknReceivedBeforeItsEndAndNotClosedBeforeItsStart() {
        // carried in from February, answered in March
        assertThat(march(P.received("2025-02-20T10:00+07:00").answered("2025-03-03T10:00+07:00").published("2025-03-04T10:00+07:00"),
                "2025-05-01T00:00+07:00").of(PETITION_ON_TIME)).isEqualTo(new Counts(1, 1));
        // closed in February
        assertThat(march(P.received("2025-02-10T10:00+07:00").answered("2025-02-25T10:00+07:00"), "2025-05-01T00:00+07:00").isEmpty()).isTrue();
        // received in April
        assertThat(march(P.received("2025-04-01T10:00+07:00"), "2025-05-01T00:00+07:00").isEmpty()).isTrue();
        // received in March, still open at the end of March but within its deadline: on time for March
        assertThat(march(P.received("2025-03-20T10:00+07:00"), "2025-05-01T00:00+07:00").of(PETITION_ON_TIME)).isEqualTo(new Counts(1, 1));
        // withdrawn in March: closed, counts, nothing awaited
        assertThat(march(P.received("2025-03-03T10:00+07:00").withdrawn("2025-03-28T10:00+07:00"), "2025-05-01T00:00+07:00").of(PETITION_ON_TIME))
                .isEqualTo(new Counts(1, 1));
        assertThat(PetitionTiming.periodsOf(P.received("2025-02-20T10:00+07:00").answered("2025-03-03T10:00+07:00").build(),
                t("2025-05-01T00:00+07:00"))).extracting(Period::key).containsExactly("2025", "2025-Q1", "2025-02", "2025-03");
    }

    @Test
    void satisfactionAndClassification() {
        String later = "2025-05-01T00:00+07:00";
        P good = P.received("2025-03-03T10:00+07:00").answered("2025-03-10T10:00+07:00").published("2025-03-11T10:00+07:00");
        assertThat(march(good, later).of(PETITION_SATISFACTION)).isEqualTo(new Counts(1, 1));
        assertThat(march(good, later).of(PETITION_CLASSIFICATION)).isEqualTo(new Counts(1, 1));
        assertThat(march(P.received("2025-03-03T10:00+07:00").answered("2025-03-10T10:00+07:00").published("2025-03-11T10:00+07:00")
                .rating("DISSATISFIED"), later).of(PETITION_SATISFACTION)).isEqualTo(new Counts(0, 1));
        assertThat(march(P.received("2025-03-03T10:00+07:00").answered("2025-03-10T10:00+07:00").published("2025-03-11T10:00+07:00")
                .raisedAgain(), later).of(PETITION_SATISFACTION)).isEqualTo(new Counts(0, 1));
        P late = P.received("2025-03-03T10:00+07:00").answered("2025-03-26T10:00+07:00").published("2025-03-26T11:00+07:00").rating("SATISFIED");
        assertThat(march(late, later).of(PETITION_SATISFACTION)).isEqualTo(new Counts(0, 1));
        assertThat(march(late, later).of(PETITION_ON_TIME)).isEqualTo(new Counts(0, 1));
        assertThat(march(P.received("2025-03-03T10:00+07:00").conduct(), later).of(PETITION_CLASSIFICATION)).isEqualTo(new Counts(0, 1));
    }

    @Test
    void aDossierNamedByAPaknFailsDossierSatisfactionFromThePaknsReceipt() {
        DossierFacts d = D.received("2025-03-03T09:00+07:00").due("2025-03-20T17:00+07:00").finished("2025-03-10T10:00+07:00").build();
        Instant te = MARCH.end();
        assertThat(DossierContributions.contributionsOf(d, null, MARCH, te, CAL, null).of(DOSSIER_SATISFACTION)).isEqualTo(new Counts(1, 1));
        assertThat(DossierContributions.contributionsOf(d, null, MARCH, te, CAL, t("2025-03-12T10:00+07:00")).of(DOSSIER_SATISFACTION))
                .isEqualTo(new Counts(0, 1));
        // a PAKN received after te does not exist yet for this evaluation
        assertThat(DossierContributions.contributionsOf(d, null, MARCH, t("2025-03-11T00:00+07:00"), CAL, t("2025-03-12T10:00+07:00"))
                .of(DOSSIER_SATISFACTION)).isEqualTo(new Counts(1, 1));
        // ON_TIME_PROCESSING does not care
        assertThat(DossierContributions.contributionsOf(d, null, MARCH, te, CAL, t("2025-03-12T10:00+07:00")).of(ON_TIME_PROCESSING))
                .isEqualTo(new Counts(1, 1));
    }
}
