package dvc766.common.calendar;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * The Vietnamese lunisolar calendar (âm lịch), computed astronomically for Vietnam's time zone UTC+7, by the rules
 * that Hồ Ngọc Đức describes for the official calendar:
 * <ol>
 *   <li>a month begins on the day (UTC+7) that contains the true new moon;</li>
 *   <li>month 11 is the month that contains the December solstice (the Sun at longitude 270°);</li>
 *   <li>when 13 months lie between two months 11, the first of them, after the first month 11, that contains no
 *       major solar term (trung khí, the Sun at a multiple of 30°) is the leap month and repeats the previous
 *       month's number.</li>
 * </ol>
 * The UTC+7 day boundary is what makes the Vietnamese calendar differ now and then from the Chinese one (UTC+8):
 * Tết 1985 fell on 21 January in Vietnam and 20 February in China. Vietnam used UTC+8 in some years before 1975; this
 * class applies UTC+7 throughout, which is right for every date this platform deals with.
 * <p>Thread-safe; computed months are cached per year.
 */
public final class VietnameseLunarCalendar {

    /** The time zone of the calendar. */
    public static final ZoneOffset OFFSET = ZoneOffset.ofHours(7);
    /** First and last supported solar years (ΔT, hence day boundaries near midnight, is uncertain outside). */
    public static final int MIN_YEAR = 1901;
    public static final int MAX_YEAR = 2199;

    private static final String[] CAN = {"Giáp", "Ất", "Bính", "Đinh", "Mậu", "Kỷ", "Canh", "Tân", "Nhâm", "Quý"};
    private static final String[] CHI = {"Tý", "Sửu", "Dần", "Mão", "Thìn", "Tỵ", "Ngọ", "Mùi", "Thân", "Dậu", "Tuất", "Hợi"};
    private static final double OFFSET_DAYS = 7.0 / 24.0;

    private static final ConcurrentMap<Integer, Span> SPANS = new ConcurrentHashMap<>();

    private VietnameseLunarCalendar() {}

    /**
     * The months from month 11 of the previous lunar year (which holds the December solstice of solar year
     * {@code year - 1}) up to, not including, the month 11 that holds the December solstice of {@code year}.
     * {@code starts} has one more element than the months: the start of the next month 11.
     */
    private record Span(int year, LocalDate[] starts, int[] months, boolean[] leaps) {
        int size() { return months.length; }
        LocalDate end() { return starts[months.length]; }
    }

    /** The lunar date of a solar (Gregorian) date. */
    public static LunarDate toLunar(LocalDate date) {
        checkYear(date.getYear());
        Span span = span(date.getYear());
        if (!date.isBefore(span.end())) span = span(date.getYear() + 1);
        for (int i = 0; i < span.size(); i++) {
            if (!date.isBefore(span.starts[i]) && date.isBefore(span.starts[i + 1])) {
                int month = span.months[i];
                int year = month >= 11 ? span.year - 1 : span.year; // 11 and 12 only open a span
                int day = (int) ChronoUnit.DAYS.between(span.starts[i], date) + 1;
                return new LunarDate(year, month, day, span.leaps[i]);
            }
        }
        throw new IllegalStateException("no lunar month holds " + date);
    }

    /** The solar date of a lunar date; throws {@link IllegalArgumentException} when the date does not exist. */
    public static LocalDate toSolar(LunarDate date) {
        int index = monthIndex(date.year(), date.month(), date.leap());
        Span span = spanHolding(date.year(), date.month());
        int length = (int) ChronoUnit.DAYS.between(span.starts[index], span.starts[index + 1]);
        if (date.day() > length) {
            throw new IllegalArgumentException("lunar month " + date.month() + (date.leap() ? " (leap)" : "") + " of "
                    + date.year() + " has " + length + " days, not " + date.day());
        }
        return span.starts[index].plusDays(date.day() - 1L);
    }

    /** The solar date of day {@code day} of the regular month {@code month} of lunar year {@code year}. */
    public static LocalDate toSolar(int year, int month, int day) {
        return toSolar(LunarDate.of(year, month, day));
    }

    /** Tết Nguyên đán: the first day of lunar year {@code year}. */
    public static LocalDate newYear(int year) {
        return toSolar(year, 1, 1);
    }

    /** The last day of lunar year {@code year} (ngày tất niên, 29 or 30 tháng Chạp): the eve of the next Tết. */
    public static LocalDate lastDayOfYear(int year) {
        return newYear(year + 1).minusDays(1);
    }

    /** The leap month of lunar year {@code year}, if it has one. */
    public static OptionalInt leapMonth(int year) {
        checkYear(year);
        Span own = span(year);
        for (int i = 0; i < own.size(); i++) {
            if (own.leaps[i] && own.months[i] <= 10) return OptionalInt.of(own.months[i]);
        }
        Span next = span(year + 1);
        for (int i = 0; i < next.size(); i++) {
            if (next.leaps[i] && next.months[i] >= 11) return OptionalInt.of(next.months[i]);
        }
        return OptionalInt.empty();
    }

    /** The number of days (29 or 30) of a month of lunar year {@code year}. */
    public static int monthLength(int year, int month, boolean leap) {
        int index = monthIndex(year, month, leap);
        Span span = spanHolding(year, month);
        return (int) ChronoUnit.DAYS.between(span.starts[index], span.starts[index + 1]);
    }

    /** The sexagenary (can chi) name of lunar year {@code year}, e.g. "Bính Ngọ" for 2026. */
    public static String yearName(int year) {
        return CAN[Math.floorMod(year + 6, 10)] + " " + CHI[Math.floorMod(year + 8, 12)];
    }

    private static int monthIndex(int year, int month, boolean leap) {
        checkYear(year);
        if (month < 1 || month > 12) throw new IllegalArgumentException("lunar month must be 1..12, got " + month);
        Span span = spanHolding(year, month);
        for (int i = 0; i < span.size(); i++) {
            if (span.months[i] == month && span.leaps[i] == leap) return i;
        }
        throw new IllegalArgumentException("lunar year " + year + " (" + yearName(year) + ") has no "
                + (leap ? "leap " : "") + "month " + month);
    }

    private static Span spanHolding(int lunarYear, int month) {
        return span(month >= 11 ? lunarYear + 1 : lunarYear);
    }

    private static void checkYear(int year) {
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new IllegalArgumentException("year " + year + " is outside the supported range " + MIN_YEAR + ".." + MAX_YEAR);
        }
    }

    private static Span span(int year) {
        return SPANS.computeIfAbsent(year, VietnameseLunarCalendar::computeSpan);
    }

    private static Span computeSpan(int year) {
        long k0 = monthContaining(decemberSolstice(year - 1));
        long k1 = monthContaining(decemberSolstice(year));
        int n = (int) (k1 - k0);
        if (n != 12 && n != 13) throw new IllegalStateException(n + " lunar months between solstices before " + year);
        LocalDate[] starts = new LocalDate[n + 1];
        for (int i = 0; i <= n; i++) starts[i] = newMoonDate(k0 + i);
        int[] months = new int[n];
        boolean[] leaps = new boolean[n];
        months[0] = 11;
        boolean leapPending = n == 13;
        for (int i = 1; i < n; i++) {
            if (leapPending && !holdsMajorTerm(starts[i], starts[i + 1])) {
                months[i] = months[i - 1];
                leaps[i] = true;
                leapPending = false;
            } else {
                months[i] = months[i - 1] % 12 + 1;
            }
        }
        if (leapPending || months[n - 1] != 10) {
            throw new IllegalStateException("inconsistent lunar months before the solstice of " + year);
        }
        return new Span(year, starts, months, leaps);
    }

    /** Whether the Sun reaches a multiple of 30° between the local midnights that start {@code from} and {@code to}. */
    private static boolean holdsMajorTerm(LocalDate from, LocalDate to) {
        return sunSegmentAtStartOf(from) != sunSegmentAtStartOf(to);
    }

    private static int sunSegmentAtStartOf(LocalDate day) {
        double jdMidnightUt = julianDayNumber(day) - 0.5 - OFFSET_DAYS;
        return (int) Math.floor(LunarAstronomy.sunLongitude(LunarAstronomy.toJde(jdMidnightUt)) / 30.0);
    }

    /** The local (UTC+7) date of the December solstice of {@code year}. */
    private static LocalDate decemberSolstice(int year) {
        double guess = julianDayNumber(LocalDate.of(year, 12, 21));
        double jde = LunarAstronomy.sunLongitudeInstant(270.0, guess);
        return localDate(LunarAstronomy.toJd(jde));
    }

    /** The number k of the lunar month (by its new moon) that contains the local date {@code day}. */
    private static long monthContaining(LocalDate day) {
        long k = LunarAstronomy.approximateK(julianDayNumber(day));
        while (newMoonDate(k).isAfter(day)) k--;
        while (!newMoonDate(k + 1).isAfter(day)) k++;
        return k;
    }

    /** The local (UTC+7) date of new moon number {@code k}. */
    private static LocalDate newMoonDate(long k) {
        return localDate(LunarAstronomy.toJd(LunarAstronomy.newMoonJde(k)));
    }

    private static LocalDate localDate(double jdUt) {
        long jdn = (long) Math.floor(jdUt + OFFSET_DAYS + 0.5);
        return LocalDate.ofEpochDay(jdn - LunarAstronomy.JDN_UNIX_EPOCH);
    }

    private static long julianDayNumber(LocalDate day) {
        return day.toEpochDay() + LunarAstronomy.JDN_UNIX_EPOCH;
    }
}
