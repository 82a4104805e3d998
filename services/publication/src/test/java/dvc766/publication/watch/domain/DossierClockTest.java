package dvc766.publication.watch.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dvc766.common.calendar.LegalTimeUnit;
import dvc766.common.calendar.WorkingDayCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

class DossierClockTest {

    private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final WorkingDayCalendar CAL = WorkingDayCalendar.vietnam();

    private static Instant at(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(VN).toInstant();
    }

    private static OpenDossier dossier(Instant received, Instant dueAt, boolean finished, OpenDossier.Supplement... s) {
        return new OpenDossier("D", "U", "P", received, dueAt, finished ? "PROCESSED" : "IN_PROGRESS", finished, List.of(s), 1);
    }

    @Test
    void withoutAnAppointmentTheDeadlineIsReceiptPlusTheLegalTimeInWorkingDays() {
        // received Friday 2026-11-27; 3 working days after: Mon 30, Tue 1, Wed 2 December, ending at 24:00
        DossierClock c = DossierClock.of(dossier(at("2026-11-27T10:00"), null, false),
                new LegalTime(3, LegalTimeUnit.WORKING_DAYS), CAL);
        assertThat(c.deadline()).isEqualTo(LocalDate.of(2026, 12, 3).atStartOfDay(VN).toInstant());
        assertThat(c.overdueAt(at("2026-12-02T23:59"))).isNull();
        assertThat(c.overdueAt(at("2026-12-03T00:00:01"))).isEqualTo(DossierClock.OverdueReason.DEADLINE_PASSED);
    }

    @Test
    void theAppointmentDateWinsAndEndedWaitsMoveItLater() {
        Instant due = at("2026-11-30T17:00");
        DossierClock c = DossierClock.of(dossier(at("2026-11-20T08:00"), due, false,
                new OpenDossier.Supplement(at("2026-11-23T08:00"), at("2026-11-25T08:00"))),
                new LegalTime(1, LegalTimeUnit.HOURS), CAL);
        assertThat(c.deadline()).isEqualTo(due.plusSeconds(2 * 86_400));
        assertThat(c.supplementRequests()).isEqualTo(1);
        assertThat(c.awaitingSupplement()).isFalse();
    }

    @Test
    void whileASupplementIsAwaitedTheDossierCannotTurnOverdueNorBeDueSoon() {
        DossierClock c = DossierClock.of(dossier(at("2026-11-20T08:00"), at("2026-11-21T08:00"), false,
                new OpenDossier.Supplement(at("2026-11-20T09:00"), null)), null, CAL);
        assertThat(c.awaitingSince()).isEqualTo(at("2026-11-20T09:00"));
        assertThat(c.overdueAt(at("2027-01-01T00:00"))).isNull();
        assertThat(c.dueWithin(at("2026-11-21T07:00"), 3, CAL)).isFalse();
    }

    @Test
    void aSecondRequestToSupplementMakesTheDossierOverdue() {
        DossierClock c = DossierClock.of(dossier(at("2026-11-20T08:00"), at("2026-12-30T08:00"), false,
                new OpenDossier.Supplement(at("2026-11-20T09:00"), at("2026-11-21T09:00")),
                new OpenDossier.Supplement(at("2026-11-22T09:00"), null)), null, CAL);
        assertThat(c.overdueAt(at("2026-11-23T00:00"))).isEqualTo(DossierClock.OverdueReason.SECOND_SUPPLEMENT);
    }

    @Test
    void aFinishedDossierIsNeitherOverdueNorDueSoon() {
        DossierClock c = DossierClock.of(dossier(at("2026-11-20T08:00"), at("2026-11-21T08:00"), true), null, CAL);
        assertThat(c.open()).isFalse();
        assertThat(c.overdueAt(at("2026-12-01T00:00"))).isNull();
        assertThat(c.dueWithin(at("2026-11-21T07:00"), 3, CAL)).isFalse();
    }

    @Test
    void theDueSoonWindowOpensAtTheStartOfTheDayFromWhichTheDeadlineIsNWorkingDaysAway() {
        // deadline Wednesday 2 December 2026 17:00; 3 working days before counting forward: from Friday 27 November
        // (Fri -> Mon 30, Tue 1, Wed 2), so the window opens at 00:00 on Friday 27; Thursday 26 reaches only Tue 1
        Instant deadline = at("2026-12-02T17:00");
        assertThat(DossierClock.dueSoonFrom(deadline, 3, CAL)).isEqualTo(at("2026-11-27T00:00"));
        DossierClock c = new DossierClock(true, deadline, null, 0);
        assertThat(c.dueWithin(at("2026-11-26T23:59"), 3, CAL)).isFalse();
        assertThat(c.dueWithin(at("2026-11-27T00:00"), 3, CAL)).isTrue();
        assertThat(DossierClock.workingDaysLeft(at("2026-11-27T09:00"), deadline, CAL)).isEqualTo(3);
        assertThat(DossierClock.workingDaysLeft(at("2026-12-02T09:00"), deadline, CAL)).isZero();
    }

    @Test
    void theWindowSkipsHolidays() {
        // Tết 2027: 5 to 11 February are days off; a deadline on Friday 12 February is 1 working day away from Thursday 4
        Instant deadline = at("2027-02-12T17:00");
        assertThat(DossierClock.dueSoonFrom(deadline, 1, CAL)).isEqualTo(at("2027-02-04T00:00"));
        assertThat(new DossierClock(true, deadline, null, 0).dueWithin(at("2027-02-03T12:00"), 1, CAL)).isFalse();
        assertThat(new DossierClock(true, deadline, null, 0).dueWithin(at("2027-02-04T12:00"), 1, CAL)).isTrue();
    }
}
