package dvc766.publication.watch.config;

import dvc766.common.calendar.WorkingDayCalendar;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The working-day calendar of the watch's deadlines and windows: Vietnam's as shipped in {@code common}
 * (official years from 2022, the rest derived from the law).
 */
@ApplicationScoped
public class WatchCalendar {

    private volatile WorkingDayCalendar calendar = WorkingDayCalendar.vietnam();

    public WorkingDayCalendar current() {
        return calendar;
    }
}
