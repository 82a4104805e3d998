package dvc766.common.calendar;

import dvc766.common.period.Period;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * Vietnam's working days (index-766 §5, §11) and the deadline arithmetic on them. Immutable: an administrator's
 * change of a year gives a new calendar ({@link #withYear}).
 */
public final class WorkingDayCalendar {

    private final Map<Integer, YearRules> years;

    private WorkingDayCalendar(Map<Integer, YearRules> years) {
        this.years = Map.copyOf(years);
    }

    /** Weekends only, no holidays. */
    public static WorkingDayCalendar weekendsOnly() {
        return new WorkingDayCalendar(Map.of());
    }

    /** A calendar with the given years' rules. */
    public static WorkingDayCalendar of(Iterable<YearRules> rules) {
        Map<Integer, YearRules> m = new HashMap<>();
        rules.forEach(r -> m.put(r.year(), r));
        return new WorkingDayCalendar(m);
    }

    /** The same calendar with one year's rules replaced. */
    public WorkingDayCalendar withYear(YearRules rules) {
        Map<Integer, YearRules> m = new HashMap<>(years);
        m.put(rules.year(), rules);
        return new WorkingDayCalendar(m);
    }

    public boolean isWorkingDay(LocalDate d) {
        YearRules r = years.get(d.getYear());
        if (r != null) {
            if (r.makeUpWorkingDays().contains(d)) return true;
            if (r.daysOff().contains(d)) return false;
        }
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /** The end (24:00 local time) of the n-th working day after t's local date; t's own date never counts. */
    public Instant endOfWorkingDaysAfter(Instant t, int n) {
        LocalDate d = t.atZone(Period.ZONE).toLocalDate();
        int counted = 0;
        while (counted < n) {
            d = d.plusDays(1);
            if (isWorkingDay(d)) counted++;
        }
        return d.plusDays(1).atStartOfDay(Period.ZONE).toInstant();
    }

    /** The n-th working day counted backwards from the day before {@code d}. */
    public LocalDate workingDaysBefore(LocalDate d, int n) {
        LocalDate cur = d;
        int counted = 0;
        while (counted < n) {
            cur = cur.minusDays(1);
            if (isWorkingDay(cur)) counted++;
        }
        return cur;
    }

    /** {@code t} plus a legal time (index-766 §11): hours exactly, days and months to the end of a local day. */
    public Instant add(Instant t, int amount, LegalTimeUnit unit) {
        return switch (unit) {
            case HOURS -> t.plusSeconds(3600L * amount);
            case DAYS -> t.atZone(Period.ZONE).toLocalDate().plusDays(amount + 1L).atStartOfDay(Period.ZONE).toInstant();
            case WORKING_DAYS -> endOfWorkingDaysAfter(t, amount);
            case MONTHS -> t.atZone(Period.ZONE).toLocalDate().plusMonths(amount).plusDays(1).atStartOfDay(Period.ZONE).toInstant();
        };
    }
}
