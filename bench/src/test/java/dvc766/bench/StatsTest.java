package dvc766.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void nearestRankPercentilesAndThroughput() {
        Stats s = new Stats();
        for (int i = 1; i <= 100; i++) s.record(i * 1_000_000L, 10);
        s.wall(2_000_000_000L);
        assertThat(s.p50()).isEqualTo(50.0);
        assertThat(s.p99()).isEqualTo(99.0);
        assertThat(s.maxMs()).isEqualTo(100.0);
        assertThat(s.itemsPerSecond()).isEqualTo(500.0);
    }

    @Test
    void emptyHasNoPercentiles() {
        Stats s = new Stats();
        s.error();
        assertThat(s.p99()).isNaN();
        assertThat(s.errors()).isEqualTo(1);
        assertThat(Results.ms(Double.NaN)).isEqualTo("–");
    }
}
