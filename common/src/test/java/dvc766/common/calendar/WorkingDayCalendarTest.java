package dvc766.common.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingDayCalendarTest {

    private final WorkingDayCalendar vn = WorkingDayCalendar.vietnam();

    private static LocalDate date(String s) {
        return LocalDate.parse(s);
    }

    @ParameterizedTest(name = "{0} has {1} working days")
    @CsvSource({
        // weekdays − days off on weekdays + make-up weekend days (counted by hand from the data files)
        "2022, 249", // 260 − 11
        "2023, 249", // 260 − 11
        "2024, 251", // 262 − 12 + 1 (4/5)
        "2025, 250", // 261 − 12 + 1 (26/4)
        "2026, 250", // 261 − 13 + 2 (10/1, 22/8)
        "2027, 250"  // 261 − 11, derived
    })
    void workingDaysPerYear(int year, int expected) {
        assertThat(vn.workingDaysIn(year)).isEqualTo(expected);
    }

    @Test
    void holidaysCompensatingDaysAndMakeUpSaturdays() {
        // Tết 2024: 8–14 February off, including the compensating 13 and 14
        for (LocalDate d = date("2024-02-08"); !d.isAfter(date("2024-02-14")); d = d.plusDays(1)) {
            assertThat(vn.isWorkingDay(d)).as("%s", d).isFalse();
        }
        assertThat(vn.isWorkingDay(date("2024-02-07"))).isTrue();
        assertThat(vn.isWorkingDay(date("2024-02-15"))).isTrue();
        // make-up Saturdays are working days, the swapped weekdays are not
        assertThat(vn.isWorkingDay(date("2024-05-04"))).isTrue();
        assertThat(vn.isWorkingDay(date("2024-04-29"))).isFalse();
        assertThat(vn.isWorkingDay(date("2025-04-26"))).isTrue();
        assertThat(vn.isWorkingDay(date("2025-05-02"))).isFalse();
        assertThat(vn.isWorkingDay(date("2026-01-10"))).isTrue();
        assertThat(vn.isWorkingDay(date("2026-08-22"))).isTrue();
        assertThat(vn.isWorkingDay(date("2026-08-31"))).isFalse();
        // an ordinary Saturday is not
        assertThat(vn.isWorkingDay(date("2025-04-19"))).isFalse();
        // Giỗ Tổ on a weekday, and its compensating Monday when it fell on Sunday
        assertThat(vn.isWorkingDay(date("2025-04-07"))).isFalse();
        assertThat(vn.isWorkingDay(date("2026-04-27"))).isFalse();
    }

    @Test
    void deadlineAcrossTet() {
        // received Wednesday 7 Feb 2024, 10:00 local; 3 working days: 15, 16 and 19 February
        Instant received = Instant.parse("2024-02-07T03:00:00Z");
        assertThat(vn.endOfWorkingDaysAfter(received, 3)).isEqualTo(Instant.parse("2024-02-19T17:00:00Z"));
        assertThat(vn.add(received, 3, LegalTimeUnit.WORKING_DAYS)).isEqualTo(Instant.parse("2024-02-19T17:00:00Z"));
        // received on a Tết day itself: that day never counts
        assertThat(vn.endOfWorkingDaysAfter(Instant.parse("2025-01-29T02:00:00Z"), 1))
                .isEqualTo(Instant.parse("2025-02-03T17:00:00Z"));
    }

    @Test
    void deadlineAcrossThirtyAprilAndMayDayWithMakeUpSaturday() {
        // Friday 26 Apr 2024: 27–28 weekend, 29 (swapped), 30/4, 1/5 off; 2 and 3 May count, then Saturday 4 May
        Instant friday = Instant.parse("2024-04-26T02:00:00Z");
        assertThat(vn.endOfWorkingDaysAfter(friday, 2)).isEqualTo(Instant.parse("2024-05-03T17:00:00Z"));
        assertThat(vn.endOfWorkingDaysAfter(friday, 3)).isEqualTo(Instant.parse("2024-05-04T17:00:00Z"));
        // a PAKN received Friday 25 Apr 2025 gets 15 working days: the make-up Saturday 26/4 is the first
        assertThat(vn.endOfWorkingDaysAfter(Instant.parse("2025-04-25T02:00:00Z"), 15))
                .isEqualTo(Instant.parse("2025-05-20T17:00:00Z"));
        assertThat(vn.endOfWorkingDaysAfter(Instant.parse("2025-04-25T02:00:00Z"), 1))
                .isEqualTo(Instant.parse("2025-04-26T17:00:00Z"));
    }

    @Test
    void theLocalDateDecidesNotTheUtcDate() {
        // 17:30 UTC Friday 25 Apr 2025 is 00:30 Saturday 26 Apr in Hà Nội (a make-up working day, which does not
        // count as it is the received date): the first working day after is Monday 28 April
        assertThat(vn.endOfWorkingDaysAfter(Instant.parse("2025-04-25T17:30:00Z"), 1))
                .isEqualTo(Instant.parse("2025-04-28T17:00:00Z"));
        // half an hour earlier it is still Friday locally: the first working day after is the Saturday
        assertThat(vn.endOfWorkingDaysAfter(Instant.parse("2025-04-25T16:30:00Z"), 1))
                .isEqualTo(Instant.parse("2025-04-26T17:00:00Z"));
        // 23:30 UTC Friday 21 Aug 2026 is Saturday 22 Aug locally (make-up day): next is Monday 24 Aug
        assertThat(vn.endOfWorkingDaysAfter(Instant.parse("2026-08-21T23:30:00Z"), 1))
                .isEqualTo(Instant.parse("2026-08-24T17:00:00Z"));
        // the deadline is 24:00 local, i.e. 17:00 UTC
        assertThat(vn.endOfWorkingDaysAfter(Instant.parse("2026-03-02T01:00:00Z"), 1))
                .isEqualTo(Instant.parse("2026-03-03T17:00:00Z"));
    }

    @Test
    void workingDaysBefore() {
        // legal effect on Monday 3 Feb 2025: counting back from Sunday 2 Feb over Tết, the 5th working day is 20 Jan
        assertThat(vn.workingDaysBefore(date("2025-02-03"), 5)).isEqualTo(date("2025-01-20"));
        assertThat(vn.workingDaysBefore(date("2025-02-03"), 1)).isEqualTo(date("2025-01-24"));
        // the make-up Saturday counts backwards too
        assertThat(vn.workingDaysBefore(date("2024-05-06"), 1)).isEqualTo(date("2024-05-04"));
        assertThat(vn.workingDaysBefore(date("2024-05-06"), 2)).isEqualTo(date("2024-05-03"));
        // D itself never counts, even when it is a working day
        assertThat(vn.workingDaysBefore(date("2025-03-05"), 1)).isEqualTo(date("2025-03-04"));
        // 20 working days (a ministry) before 1 Jul 2026
        assertThat(vn.workingDaysBefore(date("2026-07-01"), 20)).isEqualTo(date("2026-06-03"));
        assertThat(vn.workingDaysBefore(date("2026-07-01"), 0)).isEqualTo(date("2026-07-01"));
    }

    @Test
    void calendarAndMonthAndHourUnits() {
        Instant t = Instant.parse("2024-01-31T03:00:00Z"); // 10:00 local, 31 January 2024
        assertThat(vn.add(t, 36, LegalTimeUnit.HOURS)).isEqualTo(Instant.parse("2024-02-01T15:00:00Z"));
        // 30 calendar days: Tết does not matter; ends 24:00 of 1 March (2024 is a leap year)
        assertThat(vn.add(t, 30, LegalTimeUnit.DAYS)).isEqualTo(Instant.parse("2024-03-01T17:00:00Z"));
        // one month after 31 January is the month's last day, 29 February
        assertThat(vn.add(t, 1, LegalTimeUnit.MONTHS)).isEqualTo(Instant.parse("2024-02-29T17:00:00Z"));
        assertThat(vn.add(t, 12, LegalTimeUnit.MONTHS)).isEqualTo(Instant.parse("2025-01-31T17:00:00Z"));
        // the local date of 23:30 UTC is the next day
        assertThat(vn.add(Instant.parse("2024-01-30T23:30:00Z"), 1, LegalTimeUnit.DAYS))
                .isEqualTo(Instant.parse("2024-02-01T17:00:00Z"));
    }

    @Test
    void zeroAndNegativeCounts() {
        Instant t = Instant.parse("2025-06-10T03:00:00Z");
        assertThat(vn.endOfWorkingDaysAfter(t, 0)).isEqualTo(Instant.parse("2025-06-10T17:00:00Z"));
        assertThatThrownBy(() -> vn.endOfWorkingDaysAfter(t, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> vn.workingDaysBefore(date("2025-06-10"), -2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void indexAnswersEqualDayByDayCounting() {
        // every date from just before the index to just after it, against a plain loop over the year rules
        for (LocalDate d = date("2019-11-01"); d.isBefore(date("2036-02-15")); d = d.plusDays(1)) {
            for (int n : new int[] {1, 2, 5, 15, 20, 40}) {
                assertThat(vn.workingDayAfter(d, n)).as("%d after %s", n, d).isEqualTo(naiveAfter(d, n));
                assertThat(vn.workingDaysBefore(d, n)).as("%d before %s", n, d).isEqualTo(naiveBefore(d, n));
            }
            assertThat(vn.isWorkingDay(d)).isEqualTo(naiveIsWorking(d));
        }
        assertThat(vn.workingDaysBetween(date("2019-12-01"), date("2036-01-10")))
                .isEqualTo(naiveCount(date("2019-12-01"), date("2036-01-10")));
        assertThat(vn.workingDaysBetween(date("2024-01-01"), date("2024-01-01"))).isZero();
    }

    @Test
    void theShippedCalendarCoversTheIndexYears() {
        assertThat(vn.years()).containsExactlyElementsOf(
                java.util.stream.IntStream.rangeClosed(2020, 2035).boxed().toList());
        // a derived year outside the bundle still has Tết off: 2030-02-02 is Saturday Tết, so Mon 4 Feb is off
        assertThat(vn.isWorkingDay(date("2030-02-04"))).isFalse();
        assertThat(vn.isWorkingDay(date("2030-02-01"))).isFalse(); // last day of Kỷ Dậu
        // far outside the index: weekends only, counted day by day
        assertThat(vn.isWorkingDay(date("2040-01-02"))).isTrue();
        assertThat(vn.workingDayAfter(date("2040-01-06"), 1)).isEqualTo(date("2040-01-09"));
    }

    @Test
    void anAdministratorReplacesAYear() {
        // say the government announces Tết 2027 as 4–10 February with Friday 12 February swapped for Saturday 20
        String json = """
            {
              "year": 2027,
              "status": "official",
              "source": "test announcement",
              "daysOff": [
                {"date": "2027-01-01", "name": "Tết Dương lịch", "kind": "HOLIDAY"},
                {"date": "2027-02-04", "name": "Tết Âm lịch", "kind": "HOLIDAY"},
                {"date": "2027-02-05", "name": "Tết Âm lịch", "kind": "HOLIDAY"},
                {"date": "2027-02-06", "name": "Tết Âm lịch", "kind": "HOLIDAY"},
                {"date": "2027-02-07", "name": "Tết Âm lịch", "kind": "HOLIDAY"},
                {"date": "2027-02-08", "name": "Tết Âm lịch", "kind": "HOLIDAY"},
                {"date": "2027-02-09", "name": "Nghỉ bù", "kind": "COMPENSATING"},
                {"date": "2027-02-10", "name": "Nghỉ bù", "kind": "COMPENSATING"},
                {"date": "2027-02-12", "name": "Nghỉ hoán đổi", "kind": "COMPENSATING"}
              ],
              "makeUpWorkingDays": [ {"date": "2027-02-20", "note": "Làm bù cho thứ Sáu 12/2"} ]
            }
            """;
        HolidayYear announced = HolidayYear.fromJson(json, 2027);
        WorkingDayCalendar updated = vn.withYear(announced);

        Instant wednesday = Instant.parse("2027-02-03T03:00:00Z");
        // derived rules: 4 Feb (Thu) works, then 5–11 off; announced: 4–10 and 12 off, 11 works
        assertThat(vn.endOfWorkingDaysAfter(wednesday, 2)).isEqualTo(Instant.parse("2027-02-12T17:00:00Z"));
        assertThat(updated.endOfWorkingDaysAfter(wednesday, 2)).isEqualTo(Instant.parse("2027-02-15T17:00:00Z"));
        assertThat(updated.isWorkingDay(date("2027-02-20"))).isTrue();
        assertThat(updated.isWorkingDay(date("2027-02-11"))).isTrue();
        assertThat(updated.isWorkingDay(date("2027-04-16"))).isTrue(); // not listed in the replacement any more
        // the original calendar is unchanged, other years are untouched
        assertThat(vn.isWorkingDay(date("2027-04-16"))).isFalse();
        assertThat(updated.workingDaysIn(2026)).isEqualTo(vn.workingDaysIn(2026));
        // the same through YearRules
        assertThat(vn.withYear(YearRules.fromJson(json)).workingDaysIn(2027)).isEqualTo(updated.workingDaysIn(2027));
    }

    @Test
    void weekendsOnlyAndOfStillWork() {
        WorkingDayCalendar plain = WorkingDayCalendar.weekendsOnly();
        assertThat(plain.isWorkingDay(date("2024-02-12"))).isTrue();
        assertThat(plain.workingDaysIn(2024)).isEqualTo(262);
        WorkingDayCalendar one = WorkingDayCalendar.of(List.of(new YearRules(2024, Set.of(date("2024-02-12")), Set.of())));
        assertThat(one.isWorkingDay(date("2024-02-12"))).isFalse();
        assertThat(one.rules(2024)).isPresent();
        assertThat(one.rules(2025)).isEmpty();
    }

    // ---- a plain reference implementation over the year rules ----

    private boolean naiveIsWorking(LocalDate d) {
        YearRules r = vn.rules(d.getYear()).orElse(null);
        if (r != null && r.makeUpWorkingDays().contains(d)) return true;
        if (r != null && r.daysOff().contains(d)) return false;
        return d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY;
    }

    private LocalDate naiveAfter(LocalDate d, int n) {
        LocalDate cur = d;
        for (int counted = 0; counted < n; ) {
            cur = cur.plusDays(1);
            if (naiveIsWorking(cur)) counted++;
        }
        return cur;
    }

    private LocalDate naiveBefore(LocalDate d, int n) {
        LocalDate cur = d;
        for (int counted = 0; counted < n; ) {
            cur = cur.minusDays(1);
            if (naiveIsWorking(cur)) counted++;
        }
        return cur;
    }

    private int naiveCount(LocalDate from, LocalDate to) {
        int c = 0;
        for (LocalDate d = from; d.isBefore(to); d = d.plusDays(1)) if (naiveIsWorking(d)) c++;
        return c;
    }
}
