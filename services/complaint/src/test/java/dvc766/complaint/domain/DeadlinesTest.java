package dvc766.complaint.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dvc766.common.calendar.WorkingDayCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** index-766 §6/§11 PAKN deadlines on the shipped calendar. */
class DeadlinesTest {

    private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");
    private final Deadlines deadlines = new Deadlines(WorkingDayCalendar.vietnam(), DeadlineRules.DEFAULT);

    private static Instant at(int y, int m, int d, int h) {
        return ZonedDateTime.of(y, m, d, h, 0, 0, 0, VN).toInstant();
    }

    private static Instant endOf(int y, int m, int d) {
        return LocalDate.of(y, m, d).plusDays(1).atStartOfDay(VN).toInstant();
    }

    private static Complaint received(Instant t) {
        return Complaint.received("PAKN-1", "380", Category.TTHC_REGULATION, null, null, t);
    }

    @Test
    void answerIn15WorkingDaysRefusal2InfoRequest5() {
        // Monday 2026-11-02 10:00: the 15th working day after is Monday 2026-11-23 (no holiday in November)
        Timing t = deadlines.at(received(at(2026, 11, 2, 10)), at(2026, 11, 3, 9));
        assertThat(t.answerBy()).isEqualTo(endOf(2026, 11, 23));
        assertThat(t.refuseBy()).isEqualTo(endOf(2026, 11, 4));
        assertThat(t.infoRequestBy()).isEqualTo(endOf(2026, 11, 9));
        assertThat(t.onTime()).isTrue();
        assertThat(t.nextCheckAt()).isEqualTo(endOf(2026, 11, 23).plusMillis(1));
    }

    @Test
    void tetHolidaysAreSkipped() {
        // received on Friday 2026-02-13, just before Tết Bính Ngọ (days off 2026-02-16..20)
        Timing t = deadlines.at(received(at(2026, 2, 13, 10)), at(2026, 2, 13, 11));
        assertThat(t.refuseBy()).isEqualTo(endOf(2026, 2, 24));
    }

    @Test
    void openPaknTurnsOverdueJustAfterItsDeadline() {
        Complaint c = received(at(2026, 11, 2, 10));
        assertThat(deadlines.at(c, endOf(2026, 11, 23)).onTime()).isTrue();
        Timing late = deadlines.at(c, endOf(2026, 11, 23).plusMillis(1));
        assertThat(late.onTime()).isFalse();
        assertThat(late.nextCheckAt()).isNull();
    }

    @Test
    void aTransferRestartsTheDeadlines() {
        Complaint c = Transitions.apply(received(at(2026, 11, 2, 10)), Action.TRANSFER, at(2026, 11, 20, 16), "38.SNV");
        Timing t = deadlines.at(c, at(2026, 11, 24, 9));
        assertThat(t.start()).isEqualTo(at(2026, 11, 20, 16));
        assertThat(t.answerBy()).isEqualTo(endOf(2026, 12, 11));
        assertThat(t.onTime()).isTrue();
    }

    @Test
    void waitingForInformationMovesTheAnswerDeadlineAndStopsTheClock() {
        Complaint c = received(at(2026, 11, 2, 10));
        c = Transitions.apply(c, Action.ACCEPT, at(2026, 11, 2, 11), null);
        c = Transitions.apply(c, Action.REQUEST_INFO, at(2026, 11, 3, 10), null);
        Timing waiting = deadlines.at(c, at(2026, 12, 30, 10));
        assertThat(waiting.onTime()).isTrue();
        assertThat(waiting.nextCheckAt()).isNull();
        c = Transitions.apply(c, Action.RECORD_INFO, at(2026, 11, 13, 10), null); // 10 days of waiting
        Timing t = deadlines.at(c, at(2026, 11, 14, 10));
        assertThat(t.answerBy()).isEqualTo(endOf(2026, 11, 23).plusSeconds(10 * 86400));
    }

    @Test
    void lateStepsMakeItOverdueForGood() {
        Complaint c = new Complaint("X", Channel.HOTLINE, "380", Category.OFFICIAL_CONDUCT, null, null, at(2026, 11, 2, 10),
                List.of(), List.of(new InfoRequest(at(2026, 11, 12, 10), at(2026, 11, 13, 10))), null, null, null, null,
                null, false, Status.ACCEPTED);
        assertThat(deadlines.at(c, at(2026, 11, 14, 10)).onTime()).as("information requested after 5 working days").isFalse();

        Complaint refusedLate = received(at(2026, 11, 2, 10));
        refusedLate = Transitions.apply(refusedLate, Action.REFUSE, at(2026, 11, 5, 10), null);
        assertThat(deadlines.at(refusedLate, at(2026, 11, 6, 10)).onTime()).isFalse();

        Complaint answered = received(at(2026, 11, 2, 10));
        answered = Transitions.apply(answered, Action.ACCEPT, at(2026, 11, 2, 11), null);
        answered = Transitions.apply(answered, Action.ANSWER, at(2026, 11, 10, 10), null);
        Timing unpublished = deadlines.at(answered, at(2026, 11, 11, 10));
        assertThat(unpublished.onTime()).isTrue();
        assertThat(unpublished.publishBy()).isEqualTo(endOf(2026, 11, 12));
        assertThat(unpublished.nextCheckAt()).isEqualTo(endOf(2026, 11, 12).plusMillis(1));
        assertThat(deadlines.at(answered, at(2026, 11, 13, 1)).onTime()).as("not published in 2 working days").isFalse();
        Complaint published = Transitions.apply(answered, Action.PUBLISH, at(2026, 11, 12, 10), null);
        assertThat(deadlines.at(published, at(2027, 1, 1, 1)).onTime()).isTrue();
        assertThat(deadlines.at(published, at(2027, 1, 1, 1)).nextCheckAt()).isNull();
    }
}
