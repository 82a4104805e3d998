package dvc766.complaint.domain;

import dvc766.common.calendar.WorkingDayCalendar;
import java.time.Duration;
import java.time.Instant;

/**
 * index-766 §11 PAKN deadlines on the working-day calendar. Each counts from receipt, or from the last transfer
 * when there was one: answer by the end of the 15th working day, refusal by the end of the 2nd, a request for
 * information by the end of the 5th (the time waiting for the citizen moves the answer deadline later), publication
 * by the end of the 2nd working day after the answer. Steps of an earlier unit (before the last transfer) are not
 * judged: the deadlines restart at the transfer.
 */
public final class Deadlines {

    private final WorkingDayCalendar calendar;
    private final DeadlineRules rules;

    public Deadlines(WorkingDayCalendar calendar, DeadlineRules rules) {
        this.calendar = calendar;
        this.rules = rules;
    }

    public Timing at(Complaint c, Instant te) {
        Instant start = c.receivedAt();
        for (Transfer t : c.transfers()) {
            if (!t.at().isAfter(te) && t.at().isAfter(start)) start = t.at();
        }
        Duration waiting = Duration.ZERO;
        boolean awaitingInfo = false;
        boolean onTime = true;
        Instant infoBy = calendar.endOfWorkingDaysAfter(start, rules.infoRequestDays());
        for (InfoRequest r : c.infoRequests()) {
            if (r.requestedAt().isBefore(start) || r.requestedAt().isAfter(te)) continue;
            if (r.requestedAt().isAfter(infoBy)) onTime = false;
            boolean returned = r.returnedAt() != null && !r.returnedAt().isAfter(te);
            waiting = waiting.plus(Duration.between(r.requestedAt(), returned ? r.returnedAt() : te));
            if (!returned) awaitingInfo = true;
        }
        Instant refuseBy = calendar.endOfWorkingDaysAfter(start, rules.refusalDays());
        Instant answerBy = calendar.endOfWorkingDaysAfter(start, rules.answerDays()).plus(waiting);
        Instant answered = happened(c.answeredAt(), te);
        Instant publishBy = answered == null ? null : calendar.endOfWorkingDaysAfter(answered, rules.publishDays());

        Instant refused = happened(c.refusedAt(), te);
        Instant published = happened(c.publishedAt(), te);
        boolean closed = refused != null || answered != null || happened(c.withdrawnAt(), te) != null;
        if (refused != null && refused.isAfter(refuseBy)) onTime = false;
        if (answered != null && answered.isAfter(answerBy)) onTime = false;
        if (published != null && publishBy != null && published.isAfter(publishBy)) onTime = false;

        Instant next = null;
        if (!closed && !awaitingInfo) {
            if (te.isAfter(answerBy)) onTime = false;
            else next = answerBy;
        }
        if (answered != null && published == null && c.withdrawnAt() == null) {
            if (te.isAfter(publishBy)) onTime = false;
            else next = publishBy;
        }
        // the state turns overdue just after the deadline (at the deadline itself it is still on time)
        Instant nextCheck = onTime && next != null ? next.plusMillis(1) : null;
        return new Timing(start, refuseBy, infoBy, answerBy, publishBy, onTime, nextCheck);
    }

    private static Instant happened(Instant t, Instant te) {
        return t != null && !t.isAfter(te) ? t : null;
    }
}
