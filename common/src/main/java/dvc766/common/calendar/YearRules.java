package dvc766.common.calendar;

import java.time.LocalDate;
import java.util.Set;

/**
 * One year's exceptions to "Monday to Friday": the days off (public holidays, lunar holidays, compensating days
 * off) and the weekend days declared make-up working days. The named, validated document behind it is
 * {@link HolidayYear}.
 */
public record YearRules(int year, Set<LocalDate> daysOff, Set<LocalDate> makeUpWorkingDays) {

    public YearRules {
        daysOff = Set.copyOf(daysOff);
        makeUpWorkingDays = Set.copyOf(makeUpWorkingDays);
        for (LocalDate d : daysOff) {
            if (d.getYear() != year) throw new IllegalArgumentException("day off " + d + " is not in " + year);
        }
        for (LocalDate d : makeUpWorkingDays) {
            if (d.getYear() != year) throw new IllegalArgumentException("make-up working day " + d + " is not in " + year);
        }
    }

    /**
     * The rules of a holiday-year JSON document ({@link HolidayYear#fromJson(String)}); throws
     * {@link InvalidHolidayYearException} naming every problem.
     */
    public static YearRules fromJson(String json) {
        return HolidayYear.fromJson(json).toRules();
    }
}
