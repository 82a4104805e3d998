package dvc766.indicator.config;

import dvc766.common.calendar.WorkingDayCalendar;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The one working-day calendar of the service. */
public class CalendarProducer {

    @Produces
    @Singleton
    WorkingDayCalendar calendar() {
        // weekends only until common ships Vietnam's holidays; then: WorkingDayCalendar.vietnam()
        return WorkingDayCalendar.weekendsOnly();
    }
}
