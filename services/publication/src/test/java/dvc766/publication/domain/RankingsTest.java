package dvc766.publication.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class RankingsTest {

    @Test
    void equalTotalsShareARankAndTheNextRankSkips() {
        List<Rankings.Ranked> r = Rankings.rank(List.of(
                candidate("A", "Hà Trung", "80", null),
                candidate("B", "Đông Sơn", "80.000", "81"),
                candidate("C", "Thường Xuân", "90", "90"),
                candidate("D", "Ân Thi", "70.5", null),
                candidate("E", "Bá Thước", "70.50", "0")));
        assertThat(r).extracting(x -> x.rank() + " " + x.unitCode()).containsExactly("1 C", "2 B", "2 A", "4 D", "4 E");
        assertThat(r.get(0).change()).isEqualByComparingTo("0");
        assertThat(r.get(1).change()).isEqualByComparingTo("-1");
        assertThat(r.get(2).change()).isNull();
        assertThat(r.get(4).change()).isEqualByComparingTo("70.5");
    }

    @Test
    void tiesAreListedInVietnameseOrderNotCodePointOrder() {
        List<Rankings.Ranked> r = Rankings.rank(List.of(
                candidate("1", "Hà Trung", "5", null),
                candidate("2", "Điện Biên", "5", null),
                candidate("3", "Dương Nội", "5", null),
                candidate("4", "Ân Thi", "5", null),
                candidate("5", null, "5", null)));
        assertThat(r).extracting(Rankings.Ranked::name).containsExactly("Ân Thi", "Dương Nội", "Điện Biên", "Hà Trung", null);
        assertThat(r).extracting(Rankings.Ranked::rank).containsOnly(1);
    }

    @Test
    void nothingToRank() {
        assertThat(Rankings.rank(List.of())).isEmpty();
    }

    private static Rankings.Candidate candidate(String code, String name, String total, String previous) {
        return new Rankings.Candidate(code, name, new BigDecimal(total), "TOT", previous == null ? null : new BigDecimal(previous));
    }
}
