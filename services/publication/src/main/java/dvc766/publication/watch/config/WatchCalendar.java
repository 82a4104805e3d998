package dvc766.publication.watch.config;

import dvc766.common.calendar.HolidayYear;
import dvc766.common.calendar.WorkingDayCalendar;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashMap;
import java.util.Map;

/**
 * The working-day calendar of the watch's deadlines and windows: Vietnam's as shipped in {@code common} (official
 * years from 2022, the rest derived from the law), with the years an administrator replaced (dvc.calendar.v1) on top.
 */
@ApplicationScoped
public class WatchCalendar {

    /** What {@link #replace} changed, to put back if the work that follows it fails. */
    public record Undo(WorkingDayCalendar calendar, int year, Long revision) {}

    private volatile WorkingDayCalendar calendar = WorkingDayCalendar.vietnam();
    private final Map<Integer, Long> revisions = new HashMap<>();

    public WorkingDayCalendar current() {
        return calendar;
    }

    /** Replaces the year when the revision is newer than the one held; null when it is not. */
    public synchronized Undo replace(HolidayYear year, long revision) {
        Long held = revisions.get(year.year());
        if (held != null && held >= revision) return null;
        Undo undo = new Undo(calendar, year.year(), held);
        calendar = calendar.withYear(year);
        revisions.put(year.year(), revision);
        return undo;
    }

    public synchronized void undo(Undo undo) {
        calendar = undo.calendar();
        if (undo.revision() == null) revisions.remove(undo.year());
        else revisions.put(undo.year(), undo.revision());
    }
}
