package dvc766.indicator.config;

import dvc766.common.calendar.WorkingDayCalendar;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The one working-day calendar of the service (switch here, nowhere else). */
public class CalendarProducer {

    @Produces
    @Singleton
    public WorkingDayCalendar calendar() {
        // Vietnam's official calendars (holidays, compensating days off, make-up Saturdays) as shipped in common
        return WorkingDayCalendar.vietnam();
    }
}
