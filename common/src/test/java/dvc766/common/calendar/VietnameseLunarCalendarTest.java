package dvc766.common.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class VietnameseLunarCalendarTest {

    @ParameterizedTest(name = "Tết {0} is {1}")
    @CsvSource({
        // the years the platform serves
        "2022, 2022-02-01", "2023, 2023-01-22", "2024, 2024-02-10", "2025, 2025-01-29", "2026, 2026-02-17",
        "2027, 2027-02-06",
        // and around them
        "2019, 2019-02-05", "2020, 2020-01-25", "2021, 2021-02-12", "2028, 2028-01-26", "2029, 2029-02-13",
        "2031, 2031-01-23", "2032, 2032-02-11", "2033, 2033-01-31", "2034, 2034-02-19",
        "2035, 2035-02-08", "2036, 2036-01-28",
        // where Vietnam (UTC+7) differs from China (UTC+8): 1969-02-17, 1985-02-20, 2007-02-18, 2030-02-03 there
        // (e.g. the new moon of 2 Feb 2030 is at 16:07 UT: 23:07 in Hà Nội, already 3 Feb in Beijing)
        "1969, 1969-02-16", "1985, 1985-01-21", "2007, 2007-02-17", "2030, 2030-02-02"
    })
    void tetNguyenDan(int year, LocalDate expected) {
        assertThat(VietnameseLunarCalendar.newYear(year)).isEqualTo(expected);
        assertThat(VietnameseLunarCalendar.toLunar(expected)).isEqualTo(LunarDate.of(year, 1, 1));
        assertThat(VietnameseLunarCalendar.lastDayOfYear(year - 1)).isEqualTo(expected.minusDays(1));
    }

    @ParameterizedTest(name = "Giỗ Tổ {0} is {1}")
    @CsvSource({
        "2022, 2022-04-10", "2023, 2023-04-29", "2024, 2024-04-18", "2025, 2025-04-07", "2026, 2026-04-26",
        "2027, 2027-04-16", "2021, 2021-04-21", "2020, 2020-04-02"
    })
    void gioToHungVuong(int year, LocalDate expected) {
        assertThat(VietnameseLunarCalendar.toSolar(year, 3, 10)).isEqualTo(expected);
        assertThat(VietnameseLunarCalendar.toLunar(expected)).isEqualTo(LunarDate.of(year, 3, 10));
    }

    @Test
    void leapMonths() {
        Map<Integer, Integer> leaps = Map.of(2012, 4, 2014, 9, 2017, 6, 2020, 4, 2023, 2, 2025, 6, 2028, 5, 2031, 3, 2033, 11,
                2036, 6);
        for (int y = 2010; y <= 2036; y++) {
            OptionalInt leap = VietnameseLunarCalendar.leapMonth(y);
            if (leaps.containsKey(y)) assertThat(leap).as("leap month of %d", y).hasValue(leaps.get(y));
            else assertThat(leap).as("leap month of %d", y).isEmpty();
        }
        // 2023: the leap second month began on 22 March; month 3 on 20 April
        assertThat(VietnameseLunarCalendar.toSolar(new LunarDate(2023, 2, 1, true))).isEqualTo(LocalDate.of(2023, 3, 22));
        assertThat(VietnameseLunarCalendar.toLunar(LocalDate.of(2023, 4, 1))).isEqualTo(new LunarDate(2023, 2, 11, true));
        assertThat(VietnameseLunarCalendar.toSolar(2023, 3, 1)).isEqualTo(LocalDate.of(2023, 4, 20));
        // 2025: leap sixth month from 25 July
        assertThat(VietnameseLunarCalendar.toLunar(LocalDate.of(2025, 7, 25))).isEqualTo(new LunarDate(2025, 6, 1, true));
        // 2033: the leap month is a leap eleventh (the "2033 problem"), and it belongs to lunar year 2033
        LocalDate leap11 = VietnameseLunarCalendar.toSolar(new LunarDate(2033, 11, 1, true));
        assertThat(VietnameseLunarCalendar.toLunar(leap11)).isEqualTo(new LunarDate(2033, 11, 1, true));
        assertThat(VietnameseLunarCalendar.toLunar(LocalDate.of(2034, 1, 1)).year()).isEqualTo(2033);
    }

    @Test
    void otherKnownDates() {
        // Tết Trung thu (15/8) 2025 and 2024, Vu Lan (15/7) 2024, Táo quân (23/12 of 2024) 2025
        assertThat(VietnameseLunarCalendar.toSolar(2025, 8, 15)).isEqualTo(LocalDate.of(2025, 10, 6));
        assertThat(VietnameseLunarCalendar.toSolar(2024, 8, 15)).isEqualTo(LocalDate.of(2024, 9, 17));
        assertThat(VietnameseLunarCalendar.toSolar(2024, 7, 15)).isEqualTo(LocalDate.of(2024, 8, 18));
        assertThat(VietnameseLunarCalendar.toSolar(2024, 12, 23)).isEqualTo(LocalDate.of(2025, 1, 22));
        // last day of the lunar year is the 29th or the 30th
        assertThat(VietnameseLunarCalendar.toLunar(LocalDate.of(2024, 2, 9))).isEqualTo(LunarDate.of(2023, 12, 30));
        assertThat(VietnameseLunarCalendar.toLunar(LocalDate.of(2025, 1, 28))).isEqualTo(LunarDate.of(2024, 12, 29));
        assertThat(VietnameseLunarCalendar.monthLength(2024, 12, false)).isEqualTo(29);
        assertThat(VietnameseLunarCalendar.monthLength(2023, 12, false)).isEqualTo(30);
    }

    @Test
    void everyDayRoundTripsAndYearsHaveRegularLengths() {
        LocalDate previous = null;
        LunarDate previousLunar = null;
        for (LocalDate d = LocalDate.of(1990, 1, 1); d.isBefore(LocalDate.of(2041, 1, 1)); d = d.plusDays(1)) {
            LunarDate l = VietnameseLunarCalendar.toLunar(d);
            assertThat(VietnameseLunarCalendar.toSolar(l)).as("round trip of %s", d).isEqualTo(d);
            if (previousLunar != null) {
                if (l.day() == 1) {
                    assertThat(previousLunar.day()).as("month before %s", d).isIn(29, 30);
                } else {
                    assertThat(l.day()).isEqualTo(previousLunar.day() + 1);
                    assertThat(l.month()).isEqualTo(previousLunar.month());
                    assertThat(l.leap()).isEqualTo(previousLunar.leap());
                }
            }
            previous = d;
            previousLunar = l;
        }
        assertThat(previous).isNotNull();
        for (int y = 1990; y <= 2040; y++) {
            long days = ChronoUnit.DAYS.between(VietnameseLunarCalendar.newYear(y), VietnameseLunarCalendar.newYear(y + 1));
            if (VietnameseLunarCalendar.leapMonth(y).isPresent()) assertThat(days).as("year %d", y).isBetween(383L, 385L);
            else assertThat(days).as("year %d", y).isBetween(353L, 355L);
            LocalDate tet = VietnameseLunarCalendar.newYear(y);
            assertThat(tet).as("Tết %d between 21 January and 20 February", y)
                    .isBetween(LocalDate.of(y, 1, 21), LocalDate.of(y, 2, 20));
        }
    }

    @Test
    void rejectsDatesThatDoNotExist() {
        assertThatThrownBy(() -> VietnameseLunarCalendar.toSolar(new LunarDate(2024, 5, 1, true)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has no leap month 5");
        assertThatThrownBy(() -> VietnameseLunarCalendar.toSolar(2024, 12, 30))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("has 29 days");
        assertThatThrownBy(() -> LunarDate.of(2024, 13, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> VietnameseLunarCalendar.toLunar(LocalDate.of(1800, 1, 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("outside the supported range");
    }

    @Test
    void yearNames() {
        assertThat(VietnameseLunarCalendar.yearName(2024)).isEqualTo("Giáp Thìn");
        assertThat(VietnameseLunarCalendar.yearName(2025)).isEqualTo("Ất Tỵ");
        assertThat(VietnameseLunarCalendar.yearName(2026)).isEqualTo("Bính Ngọ");
        assertThat(VietnameseLunarCalendar.yearName(1945)).isEqualTo("Ất Dậu");
        assertThat(LunarDate.of(2023, 1, 1).yearName()).isEqualTo("Quý Mão");
    }
}
