package dvc766.common.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatutoryHolidaysTest {

    @Test
    void derivedYearEqualsTheOfficialOneWhenTheGovernmentMadeTheUsualChoices() {
        // 2022: Tết = last day + mùng 1–4, Quốc khánh 1–2/9, every weekend holiday compensated on the next working day
        assertThat(dates(StatutoryHolidays.derive(2022))).containsExactlyElementsOf(dates(BundledHolidays.year(2022).orElseThrow()));
    }

    @Test
    void bundled2027IsTheDerivedOne() {
        HolidayYear bundled = BundledHolidays.year(2027).orElseThrow();
        assertThat(bundled.status()).isEqualTo(HolidayYear.Status.DERIVED);
        assertThat(bundled).isEqualTo(StatutoryHolidays.derive(2027));
        assertThat(dates(bundled)).containsExactly(
                d("2027-01-01"),
                d("2027-02-05"), d("2027-02-06"), d("2027-02-07"), d("2027-02-08"), d("2027-02-09"), // 29 Chạp, mùng 1–4
                d("2027-02-10"), d("2027-02-11"), // compensating Saturday 6 and Sunday 7 February
                d("2027-04-16"),                  // Giỗ Tổ, Friday
                d("2027-04-30"), d("2027-05-01"), d("2027-05-03"), // 1/5 is a Saturday
                d("2027-09-02"), d("2027-09-03"));
    }

    @Test
    void compensationSkipsDaysAlreadyOff() {
        // 2023 derived: Giỗ Tổ Sat 29/4, 30/4 Sun, 1/5 Mon → compensating Tue 2/5 and Wed 3/5 (as announced)
        HolidayYear y = StatutoryHolidays.derive(2023);
        assertThat(y.daysOff()).filteredOn(d -> d.kind() == HolidayYear.Kind.COMPENSATING)
                .extracting(HolidayYear.DayOff::date)
                .contains(d("2023-05-02"), d("2023-05-03"), d("2023-01-02"), d("2023-09-04"));
        for (HolidayYear.DayOff off : y.daysOff()) {
            if (off.kind() == HolidayYear.Kind.COMPENSATING) assertThat(HolidayYear.isWeekend(off.date())).isFalse();
        }
    }

    @Test
    void nationalDayAdjacentFollowsRecentPractice() {
        assertThat(StatutoryHolidays.nationalDayAdjacent(d("2024-09-02"))).isEqualTo(d("2024-09-03")); // Mon → Tue
        assertThat(StatutoryHolidays.nationalDayAdjacent(d("2025-09-02"))).isEqualTo(d("2025-09-01")); // Tue → Mon
        assertThat(StatutoryHolidays.nationalDayAdjacent(d("2026-09-02"))).isEqualTo(d("2026-09-01")); // Wed → Tue
        assertThat(StatutoryHolidays.nationalDayAdjacent(d("2021-09-02"))).isEqualTo(d("2021-09-03")); // Thu → Fri
        assertThat(StatutoryHolidays.nationalDayAdjacent(d("2022-09-02"))).isEqualTo(d("2022-09-01")); // Fri → Thu
        assertThat(StatutoryHolidays.nationalDayAdjacent(d("2023-09-02"))).isEqualTo(d("2023-09-01")); // Sat → Fri
    }

    @Test
    void everyIndexedYearCanBeDerived() {
        for (int y = WorkingDayCalendar.FIRST_INDEXED_YEAR; y <= WorkingDayCalendar.LAST_INDEXED_YEAR; y++) {
            HolidayYear derived = StatutoryHolidays.derive(y);
            assertThat(derived.daysOff().stream().filter(d -> d.kind() == HolidayYear.Kind.HOLIDAY)).hasSize(11);
            assertThat(HolidayYear.fromJson(derived.toJson())).isEqualTo(derived);
        }
    }

    private static List<LocalDate> dates(HolidayYear y) {
        return y.daysOff().stream().map(HolidayYear.DayOff::date).toList();
    }

    private static LocalDate d(String s) {
        return LocalDate.parse(s);
    }
}
