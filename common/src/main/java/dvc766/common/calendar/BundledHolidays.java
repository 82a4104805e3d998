package dvc766.common.calendar;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The holiday calendars shipped in this jar: {@code calendar/vn-<year>.json}, the government's announced calendars
 * from 2022 on (see {@code calendar/README.md} for the sources) and, for a year not yet announced, one derived from
 * the law and marked {@code "status": "derived"}.
 */
public final class BundledHolidays {

    private static final List<HolidayYear> YEARS = load();

    private BundledHolidays() {}

    /** Every bundled year, ascending. */
    public static List<HolidayYear> years() {
        return YEARS;
    }

    /** The bundled document of {@code year}, if one ships. */
    public static Optional<HolidayYear> year(int year) {
        return YEARS.stream().filter(y -> y.year() == year).findFirst();
    }

    /** The bundled document of {@code year}, or else the one derived from the law ({@link StatutoryHolidays}). */
    public static HolidayYear yearOrDerived(int year) {
        return year(year).orElseGet(() -> StatutoryHolidays.derive(year));
    }

    private static List<HolidayYear> load() {
        List<HolidayYear> out = new ArrayList<>();
        for (int y = WorkingDayCalendar.FIRST_INDEXED_YEAR; y <= WorkingDayCalendar.LAST_INDEXED_YEAR; y++) {
            String path = "/calendar/vn-" + y + ".json";
            try (InputStream in = BundledHolidays.class.getResourceAsStream(path)) {
                if (in == null) continue;
                HolidayYear doc = HolidayYear.fromJson(new String(in.readAllBytes(), StandardCharsets.UTF_8), y);
                out.add(doc);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + path, e);
            } catch (InvalidHolidayYearException e) {
                throw new IllegalStateException("bundled " + path + " is invalid: " + e.getMessage(), e);
            }
        }
        return List.copyOf(out);
    }
}
