package dvc766.common.calendar;

/**
 * A date of the Vietnamese lunisolar calendar (âm lịch). {@code year} is the solar year in which that lunar year's
 * Tết falls (lunar 2024 = Giáp Thìn, from 10 February 2024); {@code leap} marks the intercalary month (tháng nhuận),
 * which repeats the number of the month before it.
 */
public record LunarDate(int year, int month, int day, boolean leap) {

    public LunarDate {
        if (month < 1 || month > 12) throw new IllegalArgumentException("lunar month must be 1..12, got " + month);
        if (day < 1 || day > 30) throw new IllegalArgumentException("lunar day must be 1..30, got " + day);
    }

    /** A date of a regular (not intercalary) month. */
    public static LunarDate of(int year, int month, int day) {
        return new LunarDate(year, month, day, false);
    }

    /** The year's sexagenary name, e.g. "Giáp Thìn" for 2024. */
    public String yearName() {
        return VietnameseLunarCalendar.yearName(year);
    }

    /** {@code 10/3/2025}, or {@code 15/6n/2025} in a leap month. */
    @Override
    public String toString() {
        return day + "/" + month + (leap ? "n" : "") + "/" + year;
    }
}
