package dvc766.common.period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class PeriodTest {

    @Test
    void parsesEveryKindAndWritesItBack() {
        for (String key : List.of("2026-11", "2026-Q4", "2026", "2026-01-05..2026-02-10")) {
            assertThat(Period.parse(key).key()).isEqualTo(key);
        }
    }

    @Test
    void cutsPeriodsInVietnamTime() {
        Period nov = Period.parse("2026-11");
        assertThat(nov.start()).isEqualTo(Instant.parse("2026-10-31T17:00:00Z"));
        assertThat(nov.end()).isEqualTo(Instant.parse("2026-11-30T17:00:00Z"));
        // 23:30 UTC on 31 October is already 1 November in Hà Nội
        assertThat(Period.containing(Instant.parse("2026-10-31T23:30:00Z"), Period.Kind.MONTH).key()).isEqualTo("2026-11");
        assertThat(Period.containing(Instant.parse("2026-09-30T16:59:59Z"), Period.Kind.QUARTER).key()).isEqualTo("2026-Q3");
    }

    @Test
    void rangeIncludesBothDates() {
        Period r = Period.parse("2026-01-05..2026-01-05");
        assertThat(r.lengthInDays()).isEqualTo(1);
        assertThat(r.contains(Instant.parse("2026-01-05T16:59:59Z"))).isTrue();
        assertThat(r.contains(Instant.parse("2026-01-05T17:00:00Z"))).isFalse();
    }

    @Test
    void neighbours() {
        assertThat(Period.parse("2026-01").previous().key()).isEqualTo("2025-12");
        assertThat(Period.parse("2026-Q4").next().key()).isEqualTo("2027-Q1");
        assertThat(Period.parse("2026").previous().key()).isEqualTo("2025");
    }

    @Test
    void listsStandardPeriodsOverlappingAnInterval() {
        List<String> keys = Period.standardPeriodsOverlapping(
                Instant.parse("2026-03-20T03:00:00Z"), Instant.parse("2026-04-02T03:00:00Z"))
                .stream().map(Period::key).toList();
        assertThat(keys).containsExactly("2026", "2026-Q1", "2026-03", "2026-Q2", "2026-04");
    }

    @Test
    void rejectsNonsenseWithAReadableMessage() {
        assertThatThrownBy(() -> Period.parse("2026-13")).hasMessageContaining("invalid period '2026-13'");
        assertThatThrownBy(() -> Period.parse("2026-Q5")).hasMessageContaining("expected");
        assertThatThrownBy(() -> Period.parse("2026-02-10..2026-01-05")).hasMessageContaining("before");
        assertThatThrownBy(() -> Period.parse("")).hasMessageContaining("required");
    }
}
