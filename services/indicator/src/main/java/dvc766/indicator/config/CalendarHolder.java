package dvc766.indicator.config;

import dvc766.common.calendar.BundledHolidays;
import dvc766.common.calendar.HolidayYear;
import dvc766.common.calendar.WorkingDayCalendar;
import dvc766.indicator.store.HolidayStore;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The working-day calendar in force: Vietnam's bundled calendar with every year an administrator replaced (table
 * {@code holiday_year}). A holder, not a static: {@link #current()} is asked at each use, and a replaced year (here, or
 * on another instance) swaps in a new immutable calendar.
 */
@Singleton
@Startup
public class CalendarHolder {

    private static final Logger LOG = Logger.getLogger(CalendarHolder.class);

    private record State(WorkingDayCalendar calendar, Map<Integer, Long> revisions) {}

    private final HolidayStore store;
    private volatile State state;

    public CalendarHolder(HolidayStore store) {
        this.store = store;
        Map<Integer, Long> revisions = store.revisions();
        this.state = new State(build(revisions.keySet()), revisions);
        if (!revisions.isEmpty()) LOG.infof("working-day calendar: years replaced by an administrator %s", revisions.keySet());
    }

    public WorkingDayCalendar current() {
        return state.calendar();
    }

    /**
     * Follows the stored years: rebuilds the calendar when a year was replaced since the last look (one small query
     * otherwise). Returns the years that changed.
     */
    public synchronized List<Integer> refreshIfChanged() {
        Map<Integer, Long> revisions = store.revisions();
        State held = state;
        if (revisions.equals(held.revisions())) return List.of();
        Set<Integer> changed = new HashSet<>();
        revisions.forEach((y, r) -> { if (!r.equals(held.revisions().get(y))) changed.add(y); });
        held.revisions().keySet().forEach(y -> { if (!revisions.containsKey(y)) changed.add(y); });
        state = new State(build(revisions.keySet()), revisions);
        LOG.infof("working-day calendar: years %s replaced", changed);
        return new ArrayList<>(changed);
    }

    /** The year in force: the administrator's, else the bundled (or derived) one. */
    public HolidayYear inForce(int year) {
        return store.find(year).map(s -> HolidayYear.fromJson(s.json(), year)).orElseGet(() -> BundledHolidays.yearOrDerived(year));
    }

    /** The revision of the administrator's version of the year in force here; 0 for the bundled one. */
    public long revision(int year) {
        return state.revisions().getOrDefault(year, 0L);
    }

    private WorkingDayCalendar build(Set<Integer> replaced) {
        WorkingDayCalendar c = WorkingDayCalendar.vietnam();
        for (int year : replaced) {
            c = c.withYear(store.find(year).map(s -> HolidayYear.fromJson(s.json(), year)).orElseGet(() -> BundledHolidays.yearOrDerived(year)));
        }
        return c;
    }
}
