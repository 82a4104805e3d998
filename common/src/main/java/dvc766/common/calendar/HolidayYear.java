package dvc766.common.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * One year of Vietnam's holiday calendar as published (or derived from the law): every day off with its Vietnamese
 * name and kind, and the weekend days declared make-up working days. This is the document an administrator replaces
 * with {@code PUT /api/v1/admin/holidays/{year}} and that ships in {@code calendar/vn-<year>.json}; its JSON form is
 * read by {@link #fromJson(String)} and written by {@link #toJson()}. {@link #toRules()} gives what the working-day
 * arithmetic needs.
 * <p>Invariants (checked on construction, every broken one reported): each date is in {@code year} and listed once;
 * a make-up working day is a Saturday or Sunday and not a day off; a compensating day off is a Monday–Friday (only a
 * holiday itself may fall on a weekend). The lists are kept sorted by date.
 */
public record HolidayYear(int year, Status status, String source, List<DayOff> daysOff,
                          List<MakeUpWorkingDay> makeUpWorkingDays) {

    /** Whether the year is the government's announced calendar or was derived from the Labour Code alone. */
    public enum Status {
        OFFICIAL, DERIVED;

        public String json() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** A statutory holiday (Labour Code 2019, Art. 112), or a day off given in exchange (nghỉ bù / hoán đổi). */
    public enum Kind { HOLIDAY, COMPENSATING }

    /** A day off. {@code name} is Vietnamese, e.g. "Tết Âm lịch (mùng 1 tháng Giêng năm Bính Ngọ)". */
    public record DayOff(LocalDate date, String name, Kind kind) {}

    /** A Saturday or Sunday worked in exchange for a day off (ngày làm bù). */
    public record MakeUpWorkingDay(LocalDate date, String note) {}

    public HolidayYear {
        List<HolidayViolation> violations = violations(year, daysOff, makeUpWorkingDays);
        if (status == null) violations.add(0, new HolidayViolation("status", "required", "status is required"));
        for (int i = 0; daysOff != null && i < daysOff.size(); i++) {
            if (daysOff.get(i) == null) violations.add(new HolidayViolation("daysOff[" + i + "]", "required", "entry is null"));
        }
        if (makeUpWorkingDays == null) makeUpWorkingDays = List.of();
        for (int i = 0; i < makeUpWorkingDays.size(); i++) {
            if (makeUpWorkingDays.get(i) == null) {
                violations.add(new HolidayViolation("makeUpWorkingDays[" + i + "]", "required", "entry is null"));
            }
        }
        if (!violations.isEmpty()) throw new InvalidHolidayYearException(violations);
        source = source == null ? "" : source;
        daysOff = daysOff.stream().sorted(Comparator.comparing(DayOff::date)).toList();
        makeUpWorkingDays = makeUpWorkingDays.stream().sorted(Comparator.comparing(MakeUpWorkingDay::date)).toList();
    }

    /** Reads a holiday-year JSON document; throws {@link InvalidHolidayYearException} naming every problem. */
    public static HolidayYear fromJson(String json) {
        return HolidayYearJson.parse(json, null);
    }

    /**
     * Reads a holiday-year JSON document that must be for {@code expectedYear} (e.g. the {@code {year}} of the
     * request path); throws {@link InvalidHolidayYearException} naming every problem.
     */
    public static HolidayYear fromJson(String json, int expectedYear) {
        return HolidayYearJson.parse(json, expectedYear);
    }

    /** This year as a JSON document (UTF-8 text, dates ascending), readable back by {@link #fromJson(String)}. */
    public String toJson() {
        return HolidayYearJson.write(this);
    }

    /** The dates that the working-day arithmetic needs. */
    public YearRules toRules() {
        Set<LocalDate> off = new LinkedHashSet<>();
        daysOff.forEach(d -> off.add(d.date()));
        Set<LocalDate> makeUp = new LinkedHashSet<>();
        makeUpWorkingDays.forEach(d -> makeUp.add(d.date()));
        return new YearRules(year, off, makeUp);
    }

    /**
     * Every rule the given content breaks, with JSON paths by list position ({@code daysOff[i]} as given). Null
     * entries are skipped (a reader puts them where an entry could not be read and was already reported).
     */
    static List<HolidayViolation> violations(int year, List<DayOff> daysOff, List<MakeUpWorkingDay> makeUps) {
        List<HolidayViolation> out = new ArrayList<>();
        if (year < VietnameseLunarCalendar.MIN_YEAR || year > VietnameseLunarCalendar.MAX_YEAR) {
            out.add(new HolidayViolation("year", "range", "year must be between " + VietnameseLunarCalendar.MIN_YEAR
                    + " and " + VietnameseLunarCalendar.MAX_YEAR + ", got " + year));
        }
        if (daysOff == null) {
            out.add(new HolidayViolation("daysOff", "required", "daysOff is required (an array, possibly empty)"));
            daysOff = List.of();
        }
        if (makeUps == null) makeUps = List.of();

        Map<LocalDate, Integer> offIndex = new HashMap<>();
        for (int i = 0; i < daysOff.size(); i++) {
            DayOff d = daysOff.get(i);
            if (d == null) continue;
            String path = "daysOff[" + i + "]";
            if (d.date() == null) {
                out.add(new HolidayViolation(path + ".date", "required", "date is required"));
            } else {
                if (d.date().getYear() != year) {
                    out.add(new HolidayViolation(path + ".date", "in-year", d.date() + " is not in " + year));
                }
                Integer first = offIndex.putIfAbsent(d.date(), i);
                if (first != null) {
                    out.add(new HolidayViolation(path + ".date", "unique",
                            d.date() + " is already listed as daysOff[" + first + "]"));
                }
                if (d.kind() == Kind.COMPENSATING && isWeekend(d.date())) {
                    out.add(new HolidayViolation(path + ".kind", "weekday", "a compensating day off must be a"
                            + " Monday to Friday, but " + d.date() + " is a " + dayName(d.date())
                            + "; only a holiday itself may fall on a weekend"));
                }
            }
            if (d.name() == null || d.name().isBlank()) {
                out.add(new HolidayViolation(path + ".name", "required", "name is required"));
            }
            if (d.kind() == null) {
                out.add(new HolidayViolation(path + ".kind", "required", "kind is required (HOLIDAY or COMPENSATING)"));
            }
        }

        Map<LocalDate, Integer> makeUpIndex = new HashMap<>();
        for (int i = 0; i < makeUps.size(); i++) {
            MakeUpWorkingDay m = makeUps.get(i);
            if (m == null) continue;
            String path = "makeUpWorkingDays[" + i + "].date";
            if (m.date() == null) {
                out.add(new HolidayViolation(path, "required", "date is required"));
                continue;
            }
            if (m.date().getYear() != year) {
                out.add(new HolidayViolation(path, "in-year", m.date() + " is not in " + year));
            }
            Integer first = makeUpIndex.putIfAbsent(m.date(), i);
            if (first != null) {
                out.add(new HolidayViolation(path, "unique",
                        m.date() + " is already listed as makeUpWorkingDays[" + first + "]"));
            }
            if (!isWeekend(m.date())) {
                out.add(new HolidayViolation(path, "weekend", "a make-up working day must be a Saturday or Sunday, but "
                        + m.date() + " is a " + dayName(m.date())));
            }
            Integer off = offIndex.get(m.date());
            if (off != null) {
                out.add(new HolidayViolation(path, "conflict",
                        m.date() + " cannot be both a make-up working day and a day off (daysOff[" + off + "])"));
            }
        }
        return out;
    }

    static boolean isWeekend(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY;
    }

    private static String dayName(LocalDate d) {
        String n = d.getDayOfWeek().name();
        return n.charAt(0) + n.substring(1).toLowerCase(Locale.ROOT);
    }
}
