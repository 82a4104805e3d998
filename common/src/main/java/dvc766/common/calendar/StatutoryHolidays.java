package dvc766.common.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A year's days off derived from the Labour Code 2019 alone, for years the government has not (yet) announced:
 * <ul>
 *   <li>Art. 112(1): Tết Dương lịch 1/1; Tết Âm lịch 5 days, here the last day of the old lunar year and the first
 *       four days of the new one (the usual choice; the Prime Minister decides each year); Giỗ Tổ Hùng Vương 10/3
 *       lunar; Ngày Chiến thắng 30/4; Ngày Quốc tế lao động 1/5; Quốc khánh 2/9 and one adjacent day, here the one
 *       that joins the break to a weekend (as the government chose in 2021–2026);</li>
 *   <li>Art. 111(3): a holiday that falls on the weekly rest day (Saturday or Sunday for public servants) is
 *       compensated on the next working day.</li>
 * </ul>
 * No swap of working days (hoán đổi) is derived: those are decided case by case. The result is
 * {@link HolidayYear.Status#DERIVED}.
 */
public final class StatutoryHolidays {

    private static final DateTimeFormatter DM = DateTimeFormatter.ofPattern("d/M");

    private StatutoryHolidays() {}

    /** The days off of {@code year} by the law alone. */
    public static HolidayYear derive(int year) {
        List<HolidayYear.DayOff> holidays = new ArrayList<>();
        holidays.add(holiday(LocalDate.of(year, 1, 1), "Tết Dương lịch"));

        String oldYear = VietnameseLunarCalendar.yearName(year - 1);
        String newYear = VietnameseLunarCalendar.yearName(year);
        LocalDate tet = VietnameseLunarCalendar.newYear(year);
        LocalDate eve = tet.minusDays(1);
        int eveDay = VietnameseLunarCalendar.toLunar(eve).day();
        holidays.add(holiday(eve, "Tết Âm lịch (" + eveDay + " tháng Chạp năm " + oldYear + ")"));
        for (int i = 0; i < 4; i++) {
            holidays.add(holiday(tet.plusDays(i), "Tết Âm lịch (mùng " + (i + 1) + " tháng Giêng năm " + newYear + ")"));
        }
        holidays.add(holiday(VietnameseLunarCalendar.toSolar(year, 3, 10), "Giỗ Tổ Hùng Vương (10/3 âm lịch)"));
        holidays.add(holiday(LocalDate.of(year, 4, 30), "Ngày Chiến thắng"));
        holidays.add(holiday(LocalDate.of(year, 5, 1), "Ngày Quốc tế lao động"));
        LocalDate nationalDay = LocalDate.of(year, 9, 2);
        LocalDate adjacent = nationalDayAdjacent(nationalDay);
        holidays.add(holiday(nationalDay, "Quốc khánh"));
        holidays.add(holiday(adjacent, "Quốc khánh (ngày liền kề " + DM.format(adjacent) + ")"));
        holidays = merged(holidays);

        Set<LocalDate> off = new HashSet<>();
        holidays.forEach(h -> off.add(h.date()));
        List<HolidayYear.DayOff> all = new ArrayList<>(holidays);
        for (HolidayYear.DayOff h : holidays) {
            if (!HolidayYear.isWeekend(h.date())) continue;
            LocalDate d = h.date().plusDays(1);
            while (HolidayYear.isWeekend(d) || off.contains(d)) d = d.plusDays(1);
            if (d.getYear() != year) continue; // never happens for these dates, kept for safety
            off.add(d);
            all.add(new HolidayYear.DayOff(d, "Nghỉ bù " + shortName(h) + " trùng " + weekdayName(h.date()) + " "
                    + DM.format(h.date()), HolidayYear.Kind.COMPENSATING));
        }
        return new HolidayYear(year, HolidayYear.Status.DERIVED,
                "Suy ra từ Bộ luật Lao động 2019 (Điều 111 khoản 3, Điều 112 khoản 1); chưa có thông báo chính thức"
                        + " của Chính phủ: Tết Âm lịch = ngày cuối năm cũ và mùng 1–4, không có hoán đổi ngày làm việc.",
                all, List.of());
    }

    /** 1/9 or 3/9, as the government chose in 2021–2026: the one that joins the break to a weekend, else 1/9. */
    static LocalDate nationalDayAdjacent(LocalDate nationalDay) {
        return switch (nationalDay.getDayOfWeek()) {
            case MONDAY, THURSDAY, SUNDAY -> nationalDay.plusDays(1);
            default -> nationalDay.minusDays(1);
        };
    }

    /** Sorted by date; two holidays on one date (Giỗ Tổ can fall on 30/4) become one day off with both names. */
    private static List<HolidayYear.DayOff> merged(List<HolidayYear.DayOff> holidays) {
        java.util.TreeMap<LocalDate, String> byDate = new java.util.TreeMap<>();
        holidays.forEach(h -> byDate.merge(h.date(), h.name(), (a, b) -> a + " và " + b));
        List<HolidayYear.DayOff> out = new ArrayList<>();
        byDate.forEach((d, n) -> out.add(holiday(d, n)));
        return out;
    }

    private static HolidayYear.DayOff holiday(LocalDate d, String name) {
        return new HolidayYear.DayOff(d, name, HolidayYear.Kind.HOLIDAY);
    }

    private static String shortName(HolidayYear.DayOff h) {
        int paren = h.name().indexOf(" (");
        return paren < 0 ? h.name() : h.name().substring(0, paren);
    }

    private static String weekdayName(LocalDate d) {
        return d.getDayOfWeek() == DayOfWeek.SATURDAY ? "thứ Bảy" : "Chủ nhật";
    }
}
