package dvc766.publication.watch.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dvc766.common.calendar.WorkingDayCalendar;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DossierAlertPlanTest {

    private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final WorkingDayCalendar CAL = WorkingDayCalendar.vietnam();
    private static final Instant DEADLINE = at("2026-12-02T17:00");

    private static Instant at(String localDateTime) {
        return java.time.LocalDateTime.parse(localDateTime).atZone(VN).toInstant();
    }

    @Test
    void beforeTheWindowNothingIsDueAndTheNextLookIsWhenTheWindowOpens() {
        DossierAlertPlan p = DossierAlertPlan.at("D", new DossierClock(true, DEADLINE, null, 0), at("2026-11-20T10:00"), 3, CAL);
        assertThat(p.kind()).isNull();
        assertThat(p.nextCheckAt()).isEqualTo(at("2026-11-27T00:00"));
    }

    @Test
    void inTheWindowADueSoonAlertAndTheNextLookJustAfterTheDeadline() {
        DossierAlertPlan p = DossierAlertPlan.at("D", new DossierClock(true, DEADLINE, null, 0), at("2026-11-27T00:00"), 3, CAL);
        assertThat(p.kind()).isEqualTo(AlertKind.DUE_SOON);
        assertThat(p.alertKey()).isEqualTo("DUE_SOON/D/" + DEADLINE);
        assertThat(p.nextCheckAt()).isEqualTo(DEADLINE.plusNanos(1000));
    }

    @Test
    void pastTheDeadlineAnOverdueAlertAndNothingMore() {
        DossierAlertPlan p = DossierAlertPlan.at("D", new DossierClock(true, DEADLINE, null, 0), DEADLINE.plusNanos(1000), 3, CAL);
        assertThat(p.kind()).isEqualTo(AlertKind.OVERDUE);
        assertThat(p.reason()).isEqualTo(DossierClock.OverdueReason.DEADLINE_PASSED);
        assertThat(p.alertKey()).isEqualTo("OVERDUE/D/" + DEADLINE);
        assertThat(p.nextCheckAt()).isNull();
    }

    @Test
    void aMovedDeadlineIsANewAlertKey() {
        DossierAlertPlan a = DossierAlertPlan.at("D", new DossierClock(true, DEADLINE, null, 0), DEADLINE.plusSeconds(1), 3, CAL);
        DossierAlertPlan b = DossierAlertPlan.at("D", new DossierClock(true, DEADLINE.plusSeconds(3600), null, 0), DEADLINE.plusSeconds(7200), 3, CAL);
        assertThat(a.alertKey()).isNotEqualTo(b.alertKey());
    }

    @Test
    void waitingForTheApplicantOrWithoutADeadlineNothingUntilNewData() {
        assertThat(DossierAlertPlan.at("D", new DossierClock(true, DEADLINE, at("2026-11-20T00:00"), 1), DEADLINE.plusSeconds(99), 3, CAL))
                .isEqualTo(new DossierAlertPlan(null, null, null, null));
        assertThat(DossierAlertPlan.at("D", new DossierClock(true, null, null, 0), DEADLINE, 3, CAL).nextCheckAt()).isNull();
        assertThat(DossierAlertPlan.at("D", new DossierClock(false, DEADLINE, null, 0), DEADLINE.plusSeconds(9), 3, CAL).kind()).isNull();
    }

    @Test
    void aSecondSupplementRequestIsOverdueWithItsOwnKey() {
        DossierAlertPlan p = DossierAlertPlan.at("D", new DossierClock(true, DEADLINE, null, 2), at("2026-11-20T10:00"), 3, CAL);
        assertThat(p.kind()).isEqualTo(AlertKind.OVERDUE);
        assertThat(p.alertKey()).isEqualTo("OVERDUE/D/second-supplement");
    }
}
