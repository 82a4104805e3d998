package dvc766.common.calendar;

import dvc766.common.period.Period;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Vietnam's working days (index-766 §5, §11) and the deadline arithmetic on them. A working day is a Monday–Friday
 * that is not a day off of its year's {@link YearRules}, or a Saturday/Sunday declared a make-up working day.
 * <p>Over {@value #FIRST_INDEXED_YEAR}–{@value #LAST_INDEXED_YEAR} the calendar keeps a precomputed index (a flag and
 * a running count of working days per day, and the list of working days), so that every question is answered in
 * constant time; outside that range it counts day by day. Immutable and thread-safe: an administrator's change of a
 * year gives a new calendar ({@link #withYear}).
 */
public final class WorkingDayCalendar {

    /** First year of the precomputed index. */
    public static final int FIRST_INDEXED_YEAR = 2020;
    /** Last year of the precomputed index. */
    public static final int LAST_INDEXED_YEAR = 2035;

    private static final LocalDate INDEX_START = LocalDate.of(FIRST_INDEXED_YEAR, 1, 1);
    private static final long INDEX_START_DAY = INDEX_START.toEpochDay();
    private static final int INDEX_DAYS = (int) (LocalDate.of(LAST_INDEXED_YEAR + 1, 1, 1).toEpochDay() - INDEX_START_DAY);

    private final Map<Integer, YearRules> years;
    /** working[i]: whether day INDEX_START + i is a working day. */
    private final boolean[] working;
    /** countBefore[i]: working days in [INDEX_START, INDEX_START + i); length INDEX_DAYS + 1. */
    private final int[] countBefore;
    /** workingDay[j]: the offset from INDEX_START of the j-th (0-based) working day of the index. */
    private final int[] workingDay;

    private WorkingDayCalendar(Map<Integer, YearRules> years) {
        this.years = Map.copyOf(years);
        this.working = new boolean[INDEX_DAYS];
        this.countBefore = new int[INDEX_DAYS + 1];
        int[] list = new int[INDEX_DAYS];
        int count = 0;
        for (int i = 0; i < INDEX_DAYS; i++) {
            countBefore[i] = count;
            if (computeWorkingDay(INDEX_START.plusDays(i))) {
                working[i] = true;
                list[count++] = i;
            }
        }
        countBefore[INDEX_DAYS] = count;
        this.workingDay = Arrays.copyOf(list, count);
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

    /**
     * Vietnam's calendar as shipped: the bundled official years (2022 on, {@link BundledHolidays}) and, for every
     * other year of the index, the days off derived from the Labour Code ({@link StatutoryHolidays}).
     */
    public static WorkingDayCalendar vietnam() {
        return Vietnam.CALENDAR;
    }

    private static final class Vietnam {
        static final WorkingDayCalendar CALENDAR = build();

        private static WorkingDayCalendar build() {
            List<YearRules> rules = new ArrayList<>();
            for (int y = FIRST_INDEXED_YEAR; y <= LAST_INDEXED_YEAR; y++) {
                rules.add(BundledHolidays.yearOrDerived(y).toRules());
            }
            return of(rules);
        }
    }

    /** The same calendar with one year's rules replaced. */
    public WorkingDayCalendar withYear(YearRules rules) {
        Map<Integer, YearRules> m = new HashMap<>(years);
        m.put(rules.year(), rules);
        return new WorkingDayCalendar(m);
    }

    /** The same calendar with one year replaced by a holiday-year document (e.g. an administrator's). */
    public WorkingDayCalendar withYear(HolidayYear year) {
        return withYear(year.toRules());
    }

    /** The rules of {@code year}, if the calendar has any (else that year is Monday–Friday only). */
    public Optional<YearRules> rules(int year) {
        return Optional.ofNullable(years.get(year));
    }

    /** The years that have rules, ascending. */
    public Set<Integer> years() {
        return new TreeSet<>(years.keySet());
    }

    public boolean isWorkingDay(LocalDate d) {
        int i = index(d);
        return i >= 0 && i < INDEX_DAYS ? working[i] : computeWorkingDay(d);
    }

    private boolean computeWorkingDay(LocalDate d) {
        YearRules r = years.get(d.getYear());
        if (r != null) {
            if (r.makeUpWorkingDays().contains(d)) return true;
            if (r.daysOff().contains(d)) return false;
        }
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    /**
     * The end (24:00 local time) of the n-th working day after t's local date; t's own date never counts
     * (index-766 §11). {@code n = 0} gives the end of t's own date.
     */
    public Instant endOfWorkingDaysAfter(Instant t, int n) {
        LocalDate d = t.atZone(Period.ZONE).toLocalDate();
        return endOf(workingDayAfter(d, n));
    }

    /** The n-th working day after {@code d} ({@code d} itself never counts); {@code d} when {@code n = 0}. */
    public LocalDate workingDayAfter(LocalDate d, int n) {
        requireNonNegative(n);
        if (n == 0) return d;
        int i = index(d);
        if (i >= 0 && i < INDEX_DAYS) {
            long ordinal = (long) countBefore[i + 1] + n - 1; // working days up to and including d, then n more
            if (ordinal < workingDay.length) return INDEX_START.plusDays(workingDay[(int) ordinal]);
        }
        LocalDate cur = d;
        int counted = 0;
        while (counted < n) {
            cur = cur.plusDays(1);
            if (isWorkingDay(cur)) counted++;
        }
        return cur;
    }

    /** The n-th working day counted backwards from the day before {@code d} (index-766 §11); {@code d} when n = 0. */
    public LocalDate workingDaysBefore(LocalDate d, int n) {
        requireNonNegative(n);
        if (n == 0) return d;
        int i = index(d);
        if (i >= 0 && i <= INDEX_DAYS) {
            long ordinal = (long) countBefore[i] - n; // countBefore[i] working days lie strictly before d
            if (ordinal >= 0) return INDEX_START.plusDays(workingDay[(int) ordinal]);
        }
        LocalDate cur = d;
        int counted = 0;
        while (counted < n) {
            cur = cur.minusDays(1);
            if (isWorkingDay(cur)) counted++;
        }
        return cur;
    }

    /** The number of working days in {@code [from, toExclusive)}; 0 when the range is empty. */
    public int workingDaysBetween(LocalDate from, LocalDate toExclusive) {
        if (!from.isBefore(toExclusive)) return 0;
        int a = index(from);
        int b = index(toExclusive);
        if (a >= 0 && b <= INDEX_DAYS) return countBefore[b] - countBefore[a];
        int count = 0;
        for (LocalDate d = from; d.isBefore(toExclusive); d = d.plusDays(1)) {
            if (isWorkingDay(d)) count++;
        }
        return count;
    }

    /** The number of working days of a calendar year. */
    public int workingDaysIn(int year) {
        return workingDaysBetween(LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
    }

    /** {@code t} plus a legal time (index-766 §11): hours exactly, days and months to the end of a local day. */
    public Instant add(Instant t, int amount, LegalTimeUnit unit) {
        return switch (unit) {
            case HOURS -> t.plusSeconds(3600L * amount);
            case DAYS -> endOf(t.atZone(Period.ZONE).toLocalDate().plusDays(amount));
            case WORKING_DAYS -> endOfWorkingDaysAfter(t, amount);
            case MONTHS -> endOf(t.atZone(Period.ZONE).toLocalDate().plusMonths(amount));
        };
    }

    /** 24:00 local time of {@code d}, i.e. the start of the next local day. */
    private static Instant endOf(LocalDate d) {
        return d.plusDays(1).atStartOfDay(Period.ZONE).toInstant();
    }

    /** The offset of {@code d} from the index start; may be negative or past the index. */
    private static int index(LocalDate d) {
        long i = d.toEpochDay() - INDEX_START_DAY;
        return i < Integer.MIN_VALUE / 2 ? Integer.MIN_VALUE / 2 : i > Integer.MAX_VALUE / 2 ? Integer.MAX_VALUE / 2 : (int) i;
    }

    private static void requireNonNegative(int n) {
        if (n < 0) throw new IllegalArgumentException("a number of working days must not be negative, got " + n);
    }
}
