package dvc766.indicator.config;

import dvc766.common.calendar.WorkingDayCalendar;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;

/**
 * The working-day calendar for beans that take one at construction: the one in force at that moment. Code that must
 * follow an administrator's replacement of a year asks {@link CalendarHolder#current()} at each use instead.
 */
public class CalendarProducer {

    @Produces
    @Dependent
    public WorkingDayCalendar current(CalendarHolder holder) {
        return holder.current();
    }

    /** Vietnam's calendar as shipped, without any administrator's replacement (for code that runs without beans). */
    public WorkingDayCalendar calendar() {
        return WorkingDayCalendar.vietnam();
    }
}
