package dvc766.publication.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Orders scored units into a ranking: total descending, equal totals share a rank (1, 2, 2, 4). */
public final class Rankings {

    private Rankings() {}

    /** A unit's current total and, when known, its total in the previous period of the same kind. */
    public record Candidate(String unitCode, String name, BigDecimal total, String band, BigDecimal previousTotal) {}

    /** {@code change} = total − previous total, absent when the previous total is unknown. */
    public record Ranked(int rank, String unitCode, String name, BigDecimal total, String band, BigDecimal change) {}

    public static List<Ranked> rank(List<Candidate> candidates) {
        Comparator<String> names = VietnameseNames.comparator();
        List<Candidate> sorted = new ArrayList<>(candidates);
        // exact totals decide; names (Vietnamese order) and codes only make the listing of ties stable
        sorted.sort(Comparator.comparing(Candidate::total, Comparator.reverseOrder())
                .thenComparing(Candidate::name, names)
                .thenComparing(Candidate::unitCode));
        List<Ranked> out = new ArrayList<>(sorted.size());
        int rank = 0;
        BigDecimal previous = null;
        for (int i = 0; i < sorted.size(); i++) {
            Candidate c = sorted.get(i);
            if (previous == null || c.total().compareTo(previous) != 0) rank = i + 1;
            previous = c.total();
            BigDecimal change = c.previousTotal() == null ? null : c.total().subtract(c.previousTotal());
            out.add(new Ranked(rank, c.unitCode(), c.name(), c.total(), c.band(), change));
        }
        return out;
    }
}
