package dvc766.indicator.api;

import dvc766.common.calendar.HolidayYear;
import java.time.LocalDate;
import java.util.List;

/**
 * A year of the working-day calendar in force (the format of common's {@code calendar/vn-<year>.json}), with where it
 * comes from: {@code ADMIN} (replaced, {@code revision} ≥ 1) or {@code BUNDLED} (shipped or derived from the law, 0).
 */
public record HolidayYearDocument(
        int year,
        String status,
        String source,
        List<DayOff> daysOff,
        List<MakeUpWorkingDay> makeUpWorkingDays,
        String origin,
        long revision) {

    public record DayOff(LocalDate date, String name, String kind) {}

    public record MakeUpWorkingDay(LocalDate date, String note) {}

    static HolidayYearDocument of(HolidayYear y, long revision) {
        return new HolidayYearDocument(y.year(), y.status().json(), y.source(),
                y.daysOff().stream().map(d -> new DayOff(d.date(), d.name(), d.kind().name())).toList(),
                y.makeUpWorkingDays().stream().map(m -> new MakeUpWorkingDay(m.date(), m.note())).toList(),
                revision > 0 ? "ADMIN" : "BUNDLED", revision);
    }
}
