package dvc766.datagen;

import dvc766.common.calendar.WorkingDayCalendar;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.SplittableRandom;

/**
 * When officials are at their desks: 07:30–11:30 and 13:30–17:00 local time on working days. Receipts, requests to
 * supplement and decisions are placed in these hours so that the data looks like an office's.
 */
final class OfficeHours {

    static final LocalTime AM_START = LocalTime.of(7, 30);
    static final LocalTime AM_END = LocalTime.of(11, 30);
    static final LocalTime PM_START = LocalTime.of(13, 30);
    static final LocalTime PM_END = LocalTime.of(17, 0);
    static final int AM_SECONDS = 4 * 3600;
    static final int DAY_SECONDS = AM_SECONDS + 3 * 3600 + 1800;

    private final WorkingDayCalendar calendar;

    OfficeHours(WorkingDayCalendar calendar) {
        this.calendar = calendar;
    }

    boolean isWorkingDay(LocalDate d) {
        return calendar.isWorkingDay(d);
    }

    boolean isOpen(Instant t) {
        ZonedDateTime z = t.atZone(DemoParams.ZONE);
        if (!calendar.isWorkingDay(z.toLocalDate())) return false;
        LocalTime lt = z.toLocalTime();
        return !lt.isBefore(AM_START) && lt.isBefore(AM_END) || !lt.isBefore(PM_START) && lt.isBefore(PM_END);
    }

    /** A uniformly random whole second of office time on day {@code d}. */
    Instant randomOn(LocalDate d, SplittableRandom rng) {
        int s = rng.nextInt(DAY_SECONDS);
        LocalTime t = s < AM_SECONDS ? AM_START.plusSeconds(s) : PM_START.plusSeconds(s - AM_SECONDS);
        return d.atTime(t).atZone(DemoParams.ZONE).toInstant();
    }

    /** The earliest office instant at or after {@code t}. */
    Instant forward(Instant t) {
        ZonedDateTime z = t.atZone(DemoParams.ZONE);
        for (int i = 0; i < 60; i++) {
            LocalDate d = z.toLocalDate();
            LocalTime lt = z.toLocalTime();
            if (calendar.isWorkingDay(d)) {
                if (lt.isBefore(AM_START)) return at(d, AM_START);
                if (lt.isBefore(AM_END)) return z.toInstant();
                if (lt.isBefore(PM_START)) return at(d, PM_START);
                if (lt.isBefore(PM_END)) return z.toInstant();
            }
            z = d.plusDays(1).atStartOfDay(DemoParams.ZONE);
        }
        return t;
    }

    /** The latest office instant at or before {@code t} and not before {@code floor}; {@code t} itself if none. */
    Instant backward(Instant t, Instant floor) {
        ZonedDateTime z = t.atZone(DemoParams.ZONE);
        Instant found = null;
        for (int i = 0; i < 60 && found == null; i++) {
            LocalDate d = z.toLocalDate();
            LocalTime lt = z.toLocalTime();
            if (calendar.isWorkingDay(d)) {
                if (!lt.isBefore(PM_END)) found = at(d, PM_END).minusSeconds(1);
                else if (!lt.isBefore(PM_START)) found = z.toInstant();
                else if (!lt.isBefore(AM_END)) found = at(d, AM_END).minusSeconds(1);
                else if (!lt.isBefore(AM_START)) found = z.toInstant();
            }
            if (found == null) z = d.atStartOfDay(DemoParams.ZONE).minusSeconds(1);
            if (z.toInstant().isBefore(floor)) break;
        }
        return found != null && !found.isBefore(floor) ? found : t;
    }

    private static Instant at(LocalDate d, LocalTime t) {
        return d.atTime(t).atZone(DemoParams.ZONE).toInstant();
    }
}
