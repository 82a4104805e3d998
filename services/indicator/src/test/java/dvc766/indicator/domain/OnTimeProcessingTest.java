package dvc766.indicator.domain;

import static dvc766.indicator.domain.D.t;
import static dvc766.indicator.domain.Indicators.*;
import static org.assertj.core.api.Assertions.assertThat;

import dvc766.common.calendar.LegalTimeUnit;
import dvc766.common.calendar.WorkingDayCalendar;
import dvc766.common.period.Period;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * ON_TIME_PROCESSING by hand (index-766 §4, §11). The procedure takes 5 working days; a dossier received on Monday
 * 2025-03-03 at 09:00 has its deadline at 24:00 on Monday 2025-03-10 (Tue 4, Wed 5, Thu 6, Fri 7, Mon 10), that is
 * 2025-03-11T00:00+07:00. Weekends only: no holiday falls in these weeks.
 */
class OnTimeProcessingTest {

    static final WorkingDayCalendar CAL = WorkingDayCalendar.weekendsOnly();
    static final ProcedureFacts FIVE_WORKING_DAYS = new ProcedureFacts("P-1", new ProcedureFacts.LegalTime(5, LegalTimeUnit.WORKING_DAYS), true);
    static final Period MARCH = Period.parse("2025-03");
    static final Instant END_OF_MARCH = MARCH.end();

    static Contributions march(D d) {
        return DossierContributions.contributionsOf(d.build(), FIVE_WORKING_DAYS, MARCH, END_OF_MARCH, CAL);
    }

    static Contributions at(D d, String te) {
        return DossierContributions.contributionsOf(d.build(), FIVE_WORKING_DAYS, MARCH, t(te), CAL);
    }

    @Test
    void deadlineFromLegalTimeInWorkingDaysWhenDueAtIsAbsent() {
        assertThat(DossierTiming.baseDeadline(D.received("2025-03-03T09:00+07:00").build(), FIVE_WORKING_DAYS, CAL))
                .isEqualTo(t("2025-03-11T00:00+07:00"));
    }

    @Test
    void finishedOnTheLastDayIsOnTimeButNotEarly() {
        Contributions c = march(D.received("2025-03-03T09:00+07:00").finished("2025-03-10T16:00+07:00"));
        assertThat(c.of(ON_TIME_PROCESSING)).isEqualTo(new Counts(1, 1));
        assertThat(c.of(EARLY_PROCESSING)).isEqualTo(new Counts(0, 1));
    }

    @Test
    void finishedBeforeTheDeadlineDayIsEarly() {
        Contributions c = march(D.received("2025-03-03T09:00+07:00").finished("2025-03-07T10:00+07:00"));
        assertThat(c.of(ON_TIME_PROCESSING)).isEqualTo(new Counts(1, 1));
        assertThat(c.of(EARLY_PROCESSING)).isEqualTo(new Counts(1, 1));
    }

    @Test
    void finishedAfterTheDeadlineIsLate() {
        Contributions c = march(D.received("2025-03-03T09:00+07:00").finished("2025-03-11T08:00+07:00"));
        assertThat(c.of(ON_TIME_PROCESSING)).isEqualTo(new Counts(0, 1));
        assertThat(c.of(DOSSIER_SATISFACTION)).isEqualTo(new Counts(0, 1));
    }

    @Test
    void dueAtWinsOverTheLegalTime() {
        Contributions c = march(D.received("2025-03-03T09:00+07:00").due("2025-03-05T17:00+07:00").finished("2025-03-06T09:00+07:00"));
        assertThat(c.of(ON_TIME_PROCESSING)).isEqualTo(new Counts(0, 1));
    }

    @Nested
    class Unfinished {

        final D open = D.received("2025-03-03T09:00+07:00");

        @Test
        void onTimeWhileNowIsBeforeTheDeadline() {
            assertThat(at(open, "2025-03-10T23:00+07:00").of(ON_TIME_PROCESSING)).isEqualTo(new Counts(1, 1));
        }

        @Test
        void stillOnTimeAtTheDeadlineItself() {
            assertThat(at(open, "2025-03-11T00:00+07:00").of(ON_TIME_PROCESSING)).isEqualTo(new Counts(1, 1));
        }

        @Test
        void overdueAsSoonAsTheDeadlinePasses() {
            assertThat(at(open, "2025-03-11T00:00:01+07:00").of(ON_TIME_PROCESSING)).isEqualTo(new Counts(0, 1));
        }

        @Test
        void aPastPeriodJudgesItAtThePeriodsEnd() {
            // still open today, judged at 2025-04-01T00:00 for March: overdue
            assertThat(march(open).of(ON_TIME_PROCESSING)).isEqualTo(new Counts(0, 1));
        }

        @Test
        void aFinishAfterTheEvaluationInstantDoesNotExistYet() {
            D later = D.received("2025-03-03T09:00+07:00").finished("2025-03-20T09:00+07:00");
            // at 2025-03-05 it is unfinished and within its deadline
            Contributions c = at(later, "2025-03-05T12:00+07:00");
            assertThat(c.of(ON_TIME_PROCESSING)).isEqualTo(new Counts(1, 1));
            assertThat(c.of(AVG_PROCESSING_TIME)).isEqualTo(Counts.ZERO);
        }
    }

    @Nested
    class Supplements {

        @Test
        void theWaitForTheApplicantMovesTheDeadline() {
            // 48 hours waiting: deadline 2025-03-13T00:00+07:00
            D d = D.received("2025-03-03T09:00+07:00").supplement("2025-03-05T10:00+07:00", "2025-03-07T10:00+07:00")
                    .finished("2025-03-12T15:00+07:00");
            assertThat(DossierTiming.deadline(d.build(), FIVE_WORKING_DAYS, END_OF_MARCH, CAL)).isEqualTo(t("2025-03-13T00:00+07:00"));
            assertThat(march(d).of(ON_TIME_PROCESSING)).isEqualTo(new Counts(1, 1));
        }

        @Test
        void withoutThatWaitTheSameFinishWouldBeLate() {
            assertThat(march(D.received("2025-03-03T09:00+07:00").finished("2025-03-12T15:00+07:00")).of(ON_TIME_PROCESSING))
                    .isEqualTo(new Counts(0, 1));
        }

        @Test
        void aSecondRequestMakesTheDossierOverdue() {
            D d = D.received("2025-03-03T09:00+07:00")
                    .supplement("2025-03-04T10:00+07:00", "2025-03-04T12:00+07:00")
                    .supplement("2025-03-05T10:00+07:00", "2025-03-05T11:00+07:00")
                    .finished("2025-03-06T09:00+07:00");
            assertThat(march(d).of(ON_TIME_PROCESSING)).isEqualTo(new Counts(0, 1));
        }

        @Test
        void aSecondRequestCountsOnlyOnceItWasMade() {
            D d = D.received("2025-03-03T09:00+07:00")
                    .supplement("2025-03-04T10:00+07:00", "2025-03-04T12:00+07:00")
                    .supplement("2025-03-06T10:00+07:00", null);
            assertThat(at(d, "2025-03-05T09:00+07:00").of(ON_TIME_PROCESSING)).isEqualTo(new Counts(1, 1));
            assertThat(at(d, "2025-03-06T10:00+07:00").of(ON_TIME_PROCESSING)).isEqualTo(new Counts(0, 1));
        }

        @Test
        void anAwaitedSupplementKeepsMovingTheDeadline() {
            D d = D.received("2025-03-03T09:00+07:00").supplement("2025-03-06T10:00+07:00", null);
            assertThat(at(d, "2025-03-25T10:00+07:00").of(ON_TIME_PROCESSING)).isEqualTo(new Counts(1, 1));
        }

        @Test
        void aSupplementRequestedAfterTheDeadlineDoesNotRescueIt() {
            D d = D.received("2025-03-03T09:00+07:00").supplement("2025-03-12T10:00+07:00", null);
            assertThat(at(d, "2025-03-25T10:00+07:00").of(ON_TIME_PROCESSING)).isEqualTo(new Counts(0, 1));
        }
    }

    @Nested
    class Periods {

        // received Thursday 2025-03-27: Fri 28, Mon 31, Tue 1, Wed 2, Thu 3 April → deadline 2025-04-04T00:00+07:00
        final D spanning = D.received("2025-03-27T10:00+07:00").finished("2025-04-07T10:00+07:00");
        final Instant now = t("2026-01-15T00:00+07:00");

        Contributions in(String period) {
            Period p = Period.parse(period);
            Instant te = p.end().isBefore(now) ? p.end() : now;
            return DossierContributions.contributionsOf(spanning.build(), FIVE_WORKING_DAYS, p, te, CAL);
        }

        @Test
        void countsInEveryPeriodItTouches() {
            assertThat(DossierTiming.periodsOf(spanning.build(), now).stream().map(Period::key))
                    .containsExactly("2025", "2025-Q1", "2025-03", "2025-Q2", "2025-04");
        }

        @Test
        void onTimeInMarchWhereItWasStillWithinItsDeadlineAndLateInApril() {
            assertThat(in("2025-03").of(ON_TIME_PROCESSING)).isEqualTo(new Counts(1, 1));
            assertThat(in("2025-Q1").of(ON_TIME_PROCESSING)).isEqualTo(new Counts(1, 1));
            assertThat(in("2025-04").of(ON_TIME_PROCESSING)).isEqualTo(new Counts(0, 1));
            assertThat(in("2025-Q2").of(ON_TIME_PROCESSING)).isEqualTo(new Counts(0, 1));
            assertThat(in("2025").of(ON_TIME_PROCESSING)).isEqualTo(new Counts(0, 1));
        }

        @Test
        void receivedCountsOnlyInTheMonthOfReceiptAndFinishedOnlyInTheMonthOfFinish() {
            assertThat(in("2025-03").of(DOSSIER_SYNC)).isEqualTo(new Counts(0, 1));
            assertThat(in("2025-04").of(DOSSIER_SYNC)).isEqualTo(Counts.ZERO);
            assertThat(in("2025-03").of(AVG_PROCESSING_TIME)).isEqualTo(Counts.ZERO);
            assertThat(in("2025-04").of(AVG_PROCESSING_TIME).denominator()).isEqualTo(1);
        }

        @Test
        void aDossierFinishedBeforeThePeriodStartsIsNotCarriedIntoIt() {
            D feb = D.received("2025-02-20T10:00+07:00").finished("2025-02-28T10:00+07:00");
            assertThat(march(feb).isEmpty()).isTrue();
            assertThat(DossierTiming.periodsOf(feb.build(), now).stream().map(Period::key)).containsExactly("2025", "2025-Q1", "2025-02");
        }

        @Test
        void anUnfinishedDossierIsCarriedIntoTheNextPeriod() {
            D feb = D.received("2025-02-26T10:00+07:00").finished("2025-03-04T10:00+07:00");
            Contributions c = march(feb);
            assertThat(c.of(ON_TIME_PROCESSING)).isEqualTo(new Counts(1, 1));
            assertThat(c.of(DOSSIER_SYNC)).isEqualTo(Counts.ZERO);
        }
    }

    @Test
    void aWithdrawnDossierCountsNowhere() {
        D d = D.received("2025-03-03T09:00+07:00").withdrawn("2025-03-04T09:00+07:00");
        assertThat(march(d).isEmpty()).isTrue();
        assertThat(DossierTiming.periodsOf(d.build(), END_OF_MARCH)).isEmpty();
        assertThat(DossierTiming.nextCheckAt(d.build(), FIVE_WORKING_DAYS, t("2025-03-03T10:00+07:00"), CAL)).isNull();
    }

    @Test
    void legalTimeInHoursDaysAndMonths() {
        DossierFacts d = D.received("2025-03-03T09:00+07:00").build();
        assertThat(DossierTiming.baseDeadline(d, new ProcedureFacts("P", new ProcedureFacts.LegalTime(8, LegalTimeUnit.HOURS), false), CAL))
                .isEqualTo(t("2025-03-03T17:00+07:00"));
        assertThat(DossierTiming.baseDeadline(d, new ProcedureFacts("P", new ProcedureFacts.LegalTime(3, LegalTimeUnit.DAYS), false), CAL))
                .isEqualTo(t("2025-03-07T00:00+07:00"));
        assertThat(DossierTiming.baseDeadline(d, new ProcedureFacts("P", new ProcedureFacts.LegalTime(1, LegalTimeUnit.MONTHS), false), CAL))
                .isEqualTo(t("2025-04-04T00:00+07:00"));
    }

    @Nested
    class NextCheck {

        final D open = D.received("2025-03-03T09:00+07:00");

        @Test
        void justAfterTheDeadlineWhileItIsAhead() {
            assertThat(DossierTiming.nextCheckAt(open.build(), FIVE_WORKING_DAYS, t("2025-03-05T09:00+07:00"), CAL))
                    .isEqualTo(t("2025-03-11T00:00:00.000001+07:00"));
        }

        @Test
        void atTheNextMonthOnceOverdue() {
            assertThat(DossierTiming.nextCheckAt(open.build(), FIVE_WORKING_DAYS, t("2025-03-20T09:00+07:00"), CAL))
                    .isEqualTo(t("2025-04-01T00:00+07:00"));
        }

        @Test
        void atTheNextMonthWhileASupplementIsAwaited() {
            D waiting = D.received("2025-03-03T09:00+07:00").supplement("2025-03-06T10:00+07:00", null);
            assertThat(DossierTiming.nextCheckAt(waiting.build(), FIVE_WORKING_DAYS, t("2025-03-07T09:00+07:00"), CAL))
                    .isEqualTo(t("2025-04-01T00:00+07:00"));
        }

        @Test
        void neverOnceFinishedAndEveryFactIsInThePast() {
            D done = D.received("2025-03-03T09:00+07:00").finished("2025-03-05T09:00+07:00");
            assertThat(DossierTiming.nextCheckAt(done.build(), FIVE_WORKING_DAYS, t("2025-03-06T09:00+07:00"), CAL)).isNull();
        }

        @Test
        void whenAFutureDatedFactComesToExist() {
            D done = D.received("2025-03-03T09:00+07:00").finished("2025-03-05T09:00+07:00");
            assertThat(DossierTiming.nextCheckAt(done.build(), FIVE_WORKING_DAYS, t("2025-03-04T09:00+07:00"), CAL))
                    .isEqualTo(t("2025-03-05T09:00+07:00"));
        }
    }

    @Test
    void otherPerDossierIndicators() {
        D d = D.received("2025-03-03T09:00+07:00").online().synced("2025-03-03T10:00+07:00").digitized().reused().population()
                .fee(50_000, "2025-03-03T09:30+07:00").rating("DISSATISFIED").finished("2025-03-05T09:00+07:00", "RESULT_RETURNED");
        Contributions c = march(d);
        assertThat(c.of(DOSSIER_SYNC)).isEqualTo(new Counts(1, 1));
        assertThat(c.of(ONLINE_DOSSIER_RATE)).isEqualTo(new Counts(1, 1));
        assertThat(c.of(ONLINE_PAYMENT_DOSSIER)).isEqualTo(new Counts(1, 1));
        // paper result without e-result: digitised inputs are not enough, and E_RESULT counts the miss
        assertThat(c.of(DIGITIZATION)).isEqualTo(new Counts(0, 1));
        assertThat(c.of(E_RESULT)).isEqualTo(new Counts(0, 1));
        assertThat(c.of(DATA_REUSE)).isEqualTo(new Counts(1, 1));
        assertThat(c.of(PERSONAL_STORAGE)).isEqualTo(new Counts(0, 1));
        assertThat(c.of(CITIZEN_DATA_DOSSIER)).isEqualTo(new Counts(1, 1));
        assertThat(c.of(DOSSIER_SATISFACTION)).isEqualTo(new Counts(0, 1));
        // 48 hours from receipt to finish
        assertThat(c.of(AVG_PROCESSING_TIME)).isEqualTo(new Counts(48 * 3600, 1));
        assertThat(c.byIndicator().keySet()).containsExactlyInAnyOrderElementsOf(List.of(DOSSIER_SYNC, ONLINE_DOSSIER_RATE,
                ONLINE_PAYMENT_DOSSIER, DIGITIZATION, E_RESULT, DATA_REUSE, PERSONAL_STORAGE, CITIZEN_DATA_DOSSIER, DOSSIER_SATISFACTION,
                AVG_PROCESSING_TIME, ON_TIME_PROCESSING, EARLY_PROCESSING));
    }

    @Test
    void feeFreeDossiersAreOutsideTheOnlinePaymentDenominatorAndPaymentsAfterTeDoNotCount() {
        assertThat(march(D.received("2025-03-03T09:00+07:00")).of(ONLINE_PAYMENT_DOSSIER)).isEqualTo(Counts.ZERO);
        D paidLater = D.received("2025-03-03T09:00+07:00").fee(10_000, "2025-04-02T09:00+07:00");
        assertThat(march(paidLater).of(ONLINE_PAYMENT_DOSSIER)).isEqualTo(new Counts(0, 1));
    }

    @Test
    void publicHolidaysAreNotWorkingDaysWithTheServicesCalendar() {
        // Giỗ Tổ Hùng Vương 2025 fell on Monday 7 April. Received Thursday 3 April, 5 working days:
        // Fri 4, (Mon 7 off), Tue 8, Wed 9, Thu 10, Fri 11 → 24:00 on Friday 11 April
        WorkingDayCalendar vietnam = new dvc766.indicator.config.CalendarProducer().calendar();
        assertThat(vietnam.isWorkingDay(java.time.LocalDate.of(2025, 4, 7))).isFalse();
        DossierFacts d = D.received("2025-04-03T09:00+07:00").finished("2025-04-11T16:00+07:00").build();
        assertThat(DossierTiming.baseDeadline(d, FIVE_WORKING_DAYS, vietnam)).isEqualTo(t("2025-04-12T00:00+07:00"));
        Period april = Period.parse("2025-04");
        assertThat(DossierContributions.contributionsOf(d, FIVE_WORKING_DAYS, april, april.end(), vietnam).of(ON_TIME_PROCESSING))
                .isEqualTo(new Counts(1, 1));
        // with weekends only the same finish would be late
        assertThat(DossierContributions.contributionsOf(d, FIVE_WORKING_DAYS, april, april.end(), CAL).of(ON_TIME_PROCESSING))
                .isEqualTo(new Counts(0, 1));
    }

    @Test
    void aDossierWithoutAnyDeadlineCannotBeLate() {
        ProcedureFacts noLegalTime = new ProcedureFacts("P", null, false);
        DossierFacts d = D.received("2025-03-03T09:00+07:00").build();
        assertThat(DossierContributions.contributionsOf(d, noLegalTime, MARCH, END_OF_MARCH, CAL).of(ON_TIME_PROCESSING))
                .isEqualTo(new Counts(1, 1));
    }
}
