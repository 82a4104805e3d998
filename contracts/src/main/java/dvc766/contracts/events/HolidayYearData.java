package dvc766.contracts.events;

import java.time.LocalDate;
import java.util.List;

/**
 * A year of the working-day calendar as an administrator set it; the same fields as common's
 * {@code calendar/vn-YYYY.json}, so {@code dvc766.common.calendar.HolidayYear} reads it.
 */
public record HolidayYearData(
        int year,
        String status,
        String source,
        List<DayOff> daysOff,
        List<MakeUpWorkingDay> makeUpWorkingDays,
        long revision) {

    public record DayOff(LocalDate date, String name, String kind) {}

    public record MakeUpWorkingDay(LocalDate date, String note) {}
}
