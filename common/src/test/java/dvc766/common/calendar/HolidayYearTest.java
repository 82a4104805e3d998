package dvc766.common.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class HolidayYearTest {

    @Test
    void bundledYearsAreShippedWithTheirStatus() {
        assertThat(BundledHolidays.years()).extracting(HolidayYear::year).containsExactly(2022, 2023, 2024, 2025, 2026, 2027);
        for (HolidayYear y : BundledHolidays.years()) {
            HolidayYear.Status expected = y.year() <= 2026 ? HolidayYear.Status.OFFICIAL : HolidayYear.Status.DERIVED;
            assertThat(y.status()).as("status of %d", y.year()).isEqualTo(expected);
            assertThat(y.source()).as("source of %d", y.year()).isNotBlank();
        }
    }

    @Test
    void officialDaysOffAsAnnounced() {
        assertThat(daysOff(2023)).contains(
                d("2023-01-02"), d("2023-01-20"), d("2023-01-26"), d("2023-04-29"), d("2023-05-02"), d("2023-05-03"),
                d("2023-09-01"), d("2023-09-04"));
        assertThat(BundledHolidays.year(2023).orElseThrow().makeUpWorkingDays()).isEmpty();
        assertThat(makeUps(2024)).containsExactly(d("2024-05-04"));
        assertThat(makeUps(2025)).containsExactly(d("2025-04-26"));
        assertThat(makeUps(2026)).containsExactly(d("2026-01-10"), d("2026-08-22"));
        assertThat(daysOff(2025)).contains(d("2025-01-27"), d("2025-01-31"), d("2025-05-02"), d("2025-09-01"));
        assertThat(daysOff(2025)).doesNotContain(d("2025-02-03"));
    }

    @Test
    void everyOfficialYearHoldsTheStatutoryHolidays() {
        for (HolidayYear y : BundledHolidays.years()) {
            int year = y.year();
            List<LocalDate> off = daysOff(year);
            assertThat(off).as("fixed holidays of %d", year).contains(
                    LocalDate.of(year, 1, 1), LocalDate.of(year, 4, 30), LocalDate.of(year, 5, 1), LocalDate.of(year, 9, 2),
                    VietnameseLunarCalendar.toSolar(year, 3, 10));
            // Tết: the eve and mùng 1–3 always; five HOLIDAY days in the Tết week
            LocalDate tet = VietnameseLunarCalendar.newYear(year);
            assertThat(off).contains(tet.minusDays(1), tet, tet.plusDays(1), tet.plusDays(2));
            long tetHolidays = y.daysOff().stream()
                    .filter(d -> d.kind() == HolidayYear.Kind.HOLIDAY && d.name().startsWith("Tết Âm lịch"))
                    .count();
            assertThat(tetHolidays).as("Tết holidays of %d", year).isEqualTo(5);
            // two days for Quốc khánh: 2/9 and 1/9 or 3/9
            assertThat(off).containsAnyOf(LocalDate.of(year, 9, 1), LocalDate.of(year, 9, 3));
            // the law's 11 holidays, each listed as HOLIDAY
            assertThat(y.daysOff().stream().filter(d -> d.kind() == HolidayYear.Kind.HOLIDAY)).hasSize(11);
            // as many days off as the rules of the law give: a swapped weekday has its make-up day
            long swaps = y.daysOff().stream().filter(d -> d.name().startsWith("Nghỉ hoán đổi")).count();
            assertThat(y.makeUpWorkingDays()).hasSize((int) swaps);
        }
    }

    @Test
    void jsonRoundTrip() {
        for (HolidayYear y : BundledHolidays.years()) {
            assertThat(HolidayYear.fromJson(y.toJson())).isEqualTo(y);
        }
        HolidayYear y2024 = BundledHolidays.year(2024).orElseThrow();
        assertThat(y2024.toJson()).contains("\"name\": \"Tết Âm lịch (mùng 1 tháng Giêng năm Giáp Thìn)\"");
        assertThat(y2024.toRules().makeUpWorkingDays()).containsExactly(d("2024-05-04"));
    }

    @Test
    void readsEscapesDefaultsAndSortsByDate() {
        HolidayYear y = HolidayYear.fromJson("""
            {"year": 2030, "daysOff": [
               {"date": "2030-09-02", "name": "Qu\\u1ed1c kh\\u00e1nh", "kind": "holiday"},
               {"date": "2030-01-01", "name": "Tết Dương lịch", "kind": "HOLIDAY"}]}
            """);
        assertThat(y.status()).isEqualTo(HolidayYear.Status.OFFICIAL);
        assertThat(y.source()).isEmpty();
        assertThat(y.makeUpWorkingDays()).isEmpty();
        assertThat(y.daysOff()).extracting(HolidayYear.DayOff::date, HolidayYear.DayOff::name)
                .containsExactly(tuple(d("2030-01-01"), "Tết Dương lịch"), tuple(d("2030-09-02"), "Quốc khánh"));
    }

    @Test
    void reportsEveryBrokenRuleWithItsField() {
        String json = """
            {
              "year": 2025,
              "status": "final",
              "daysOff": [
                {"date": "2025-01-01", "name": "Tết Dương lịch", "kind": "HOLIDAY"},
                {"date": "2024-12-31", "name": "Giao thừa", "kind": "HOLIDAY"},
                {"date": "2025-01-01", "name": "again", "kind": "HOLIDAY"},
                {"date": "2025-05-03", "name": "Nghỉ bù", "kind": "COMPENSATING"},
                {"date": "2025-13-01", "name": "", "kind": "DAY_OFF"},
                {"date": "2025-09-02", "kind": "HOLIDAY", "nam": "typo"}
              ],
              "makeUpWorkingDays": [
                {"date": "2025-04-28", "note": "a Monday"},
                {"date": "2025-01-01", "note": "Tết Dương lịch is a Wednesday"},
                {"date": "2025-04-26"},
                {"date": "2025-04-26"},
                {"date": "2025-03-01"}
              ]
            }
            """;
        InvalidHolidayYearException e = catchThrowableOfType(() -> HolidayYear.fromJson(json), InvalidHolidayYearException.class);
        assertThat(e.violations()).extracting(HolidayViolation::field, HolidayViolation::rule).containsExactlyInAnyOrder(
                tuple("status", "value"),
                tuple("daysOff[1].date", "in-year"),
                tuple("daysOff[2].date", "unique"),
                tuple("daysOff[3].kind", "weekday"),
                tuple("daysOff[4].date", "format"),
                tuple("daysOff[4].name", "type"),
                tuple("daysOff[4].kind", "value"),
                tuple("daysOff[5].nam", "unknown-field"),
                tuple("daysOff[5].name", "required"),
                tuple("makeUpWorkingDays[0].date", "weekend"),
                tuple("makeUpWorkingDays[1].date", "weekend"),
                tuple("makeUpWorkingDays[1].date", "conflict"),
                tuple("makeUpWorkingDays[3].date", "unique"));
        assertThat(e.getMessage()).contains("daysOff[3].kind: a compensating day off must be a Monday to Friday, but"
                + " 2025-05-03 is a Saturday");
        assertThat(e.getMessage()).contains("must be one of official, derived, got \"final\"");
    }

    @Test
    void rejectsBadDocuments() {
        assertThat(violations("{\"year\": 2025, \"daysOff\": [")).extracting(HolidayViolation::field, HolidayViolation::rule)
                .containsExactly(tuple("$", "syntax"));
        assertThat(violations("[]")).extracting(HolidayViolation::rule).containsExactly("type");
        assertThat(violations("{\"daysOff\": []}")).extracting(HolidayViolation::field).containsExactly("year");
        assertThat(violations("{\"year\": 2025.5, \"daysOff\": []}")).extracting(HolidayViolation::rule).containsExactly("type");
        assertThat(violations("{\"year\": 2025}")).extracting(HolidayViolation::field).containsExactly("daysOff");
        assertThat(violations("{\"year\": 2025, \"daysOff\": [], \"comment\": 1}"))
                .extracting(HolidayViolation::field).containsExactly("comment");
        assertThat(violations("{\"year\": 2025, \"year\": 2026, \"daysOff\": []}"))
                .extracting(HolidayViolation::rule).containsExactly("syntax");
        assertThat(violations("{\"year\": 1700, \"daysOff\": []}")).extracting(HolidayViolation::rule).containsExactly("range");
        // the year of the request path must match the document's
        InvalidHolidayYearException e = catchThrowableOfType(
                () -> HolidayYear.fromJson("{\"year\": 2025, \"daysOff\": []}", 2026), InvalidHolidayYearException.class);
        assertThat(e.violations()).extracting(HolidayViolation::rule).containsExactly("year-mismatch");
    }

    @Test
    void theConstructorChecksTheSameRules() {
        assertThatThrownBy(() -> new HolidayYear(2025, HolidayYear.Status.OFFICIAL, "", List.of(),
                List.of(new HolidayYear.MakeUpWorkingDay(d("2025-04-28"), "Monday"))))
                .isInstanceOf(InvalidHolidayYearException.class)
                .hasMessageContaining("makeUpWorkingDays[0].date: a make-up working day must be a Saturday or Sunday");
        assertThatThrownBy(() -> new HolidayYear(2025, null, "", List.of(), List.of()))
                .isInstanceOf(InvalidHolidayYearException.class).hasMessageContaining("status");
        // a holiday itself may fall on a weekend
        HolidayYear ok = new HolidayYear(2023, HolidayYear.Status.OFFICIAL, null,
                List.of(new HolidayYear.DayOff(d("2023-01-01"), "Tết Dương lịch", HolidayYear.Kind.HOLIDAY)), null);
        assertThat(ok.toRules().daysOff()).containsExactly(d("2023-01-01"));
    }

    private static List<HolidayViolation> violations(String json) {
        return catchThrowableOfType(() -> HolidayYear.fromJson(json), InvalidHolidayYearException.class).violations();
    }

    private static List<LocalDate> daysOff(int year) {
        return BundledHolidays.year(year).orElseThrow().daysOff().stream().map(HolidayYear.DayOff::date).toList();
    }

    private static List<LocalDate> makeUps(int year) {
        return BundledHolidays.year(year).orElseThrow().makeUpWorkingDays().stream()
                .map(HolidayYear.MakeUpWorkingDay::date).toList();
    }

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }
}
