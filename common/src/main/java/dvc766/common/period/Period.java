package dvc766.common.period;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An evaluation period: the half-open interval {@code [start, end)} of local dates in Vietnam's time zone
 * (index-766 §7, §11). Written {@code 2026-11} (month), {@code 2026-Q4} (quarter), {@code 2026} (year) or
 * {@code 2026-01-05..2026-02-10} (a date range, both dates included).
 */
public record Period(Kind kind, LocalDate firstDay, LocalDate endDayExclusive) implements Comparable<Period> {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    public enum Kind { MONTH, QUARTER, YEAR, RANGE }

    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern YEAR = Pattern.compile("(\\d{4})");
    private static final Pattern RANGE = Pattern.compile("(\\d{4}-\\d{2}-\\d{2})\\.\\.(\\d{4}-\\d{2}-\\d{2})");

    public Period {
        if (!firstDay.isBefore(endDayExclusive)) {
            throw new IllegalArgumentException("a period must not be empty");
        }
    }

    /** Parses a period key; throws {@link IllegalArgumentException} with a readable message. */
    public static Period parse(String text) {
        if (text == null || text.isBlank()) throw new IllegalArgumentException("period is required");
        String s = text.trim();
        try {
            Matcher m;
            if ((m = MONTH.matcher(s)).matches()) {
                return month(YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2))));
            }
            if ((m = QUARTER.matcher(s)).matches()) {
                return quarter(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            }
            if ((m = YEAR.matcher(s)).matches()) {
                return year(Integer.parseInt(m.group(1)));
            }
            if ((m = RANGE.matcher(s)).matches()) {
                return range(LocalDate.parse(m.group(1)), LocalDate.parse(m.group(2)));
            }
        } catch (DateTimeException | IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid period '" + s + "': " + e.getMessage());
        }
        throw new IllegalArgumentException("invalid period '" + s + "': expected 2026-11, 2026-Q4, 2026 or 2026-01-05..2026-02-10");
    }

    public static Period month(YearMonth ym) {
        return new Period(Kind.MONTH, ym.atDay(1), ym.plusMonths(1).atDay(1));
    }

    public static Period quarter(int year, int quarter) {
        LocalDate first = LocalDate.of(year, (quarter - 1) * 3 + 1, 1);
        return new Period(Kind.QUARTER, first, first.plusMonths(3));
    }

    public static Period year(int year) {
        return new Period(Kind.YEAR, LocalDate.of(year, 1, 1), LocalDate.of(year + 1, 1, 1));
    }

    /** Both dates included. */
    public static Period range(LocalDate from, LocalDate toInclusive) {
        if (toInclusive.isBefore(from)) throw new IllegalArgumentException("'to' is before 'from'");
        return new Period(Kind.RANGE, from, toInclusive.plusDays(1));
    }

    /** The month, quarter or year that holds the instant. */
    public static Period containing(Instant instant, Kind kind) {
        LocalDate d = instant.atZone(ZONE).toLocalDate();
        return switch (kind) {
            case MONTH -> month(YearMonth.from(d));
            case QUARTER -> quarter(d.getYear(), (d.getMonthValue() - 1) / 3 + 1);
            case YEAR -> year(d.getYear());
            case RANGE -> throw new IllegalArgumentException("a range has no containing period");
        };
    }

    /** Months, quarters and years that overlap {@code [from, to)}, in order of start then length. */
    public static List<Period> standardPeriodsOverlapping(Instant from, Instant to) {
        List<Period> out = new ArrayList<>();
        if (!from.isBefore(to)) return out;
        for (Kind kind : List.of(Kind.YEAR, Kind.QUARTER, Kind.MONTH)) {
            Period p = containing(from, kind);
            while (p.start().isBefore(to)) {
                out.add(p);
                p = p.next();
            }
        }
        out.sort(null);
        return out;
    }

    public Instant start() { return firstDay.atStartOfDay(ZONE).toInstant(); }

    public Instant end() { return endDayExclusive.atStartOfDay(ZONE).toInstant(); }

    public boolean contains(Instant t) { return !t.isBefore(start()) && t.isBefore(end()); }

    /** The period of the same kind just after this one (for a range: the next range of the same length). */
    public Period next() {
        return switch (kind) {
            case MONTH -> month(YearMonth.from(firstDay).plusMonths(1));
            case QUARTER -> new Period(Kind.QUARTER, endDayExclusive, endDayExclusive.plusMonths(3));
            case YEAR -> year(firstDay.getYear() + 1);
            case RANGE -> new Period(Kind.RANGE, endDayExclusive, endDayExclusive.plusDays(lengthInDays()));
        };
    }

    /** The period of the same kind just before this one. */
    public Period previous() {
        return switch (kind) {
            case MONTH -> month(YearMonth.from(firstDay).minusMonths(1));
            case QUARTER -> new Period(Kind.QUARTER, firstDay.minusMonths(3), firstDay);
            case YEAR -> year(firstDay.getYear() - 1);
            case RANGE -> new Period(Kind.RANGE, firstDay.minusDays(lengthInDays()), firstDay);
        };
    }

    public long lengthInDays() { return endDayExclusive.toEpochDay() - firstDay.toEpochDay(); }

    /** The canonical key, as written in URLs and events. */
    public String key() {
        return switch (kind) {
            case MONTH -> YearMonth.from(firstDay).toString();
            case QUARTER -> firstDay.getYear() + "-Q" + ((firstDay.getMonthValue() - 1) / 3 + 1);
            case YEAR -> Integer.toString(firstDay.getYear());
            case RANGE -> firstDay + ".." + endDayExclusive.minusDays(1);
        };
    }

    @Override
    public String toString() { return key(); }

    @Override
    public int compareTo(Period o) {
        int c = firstDay.compareTo(o.firstDay);
        return c != 0 ? c : o.endDayExclusive.compareTo(endDayExclusive);
    }

}
