package dvc766.indicator.domain;

import dvc766.common.period.Period;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The dated unit tree (index-766 §3): each unit's parent edges, each over [from, to) (null bounds open). A period is
 * pooled under the tree of its tree day, te's local date: the period's last day once it has ended, today while it runs.
 */
public final class UnitTree {

    /** The unit sits under {@code parent} over [{@code from}, {@code to}); null bounds are open. */
    public record Edge(String parent, LocalDate from, LocalDate to) {
        boolean holds(LocalDate day) {
            return (from == null || !day.isBefore(from)) && (to == null || day.isBefore(to));
        }
    }

    /** No real tree is this deep; the bound also stops a walk should a cycle ever exist. */
    public static final int MAX_DEPTH = 32;

    private final Map<String, List<Edge>> edges;

    public UnitTree(Map<String, List<Edge>> edges) {
        this.edges = new TreeMap<>(edges);
    }

    /** A tree whose units keep one parent on every day. */
    public static UnitTree undated(Map<String, String> parents) {
        Map<String, List<Edge>> out = new TreeMap<>();
        parents.forEach((child, parent) -> { if (parent != null) out.put(child, List.of(new Edge(parent, null, null))); });
        return new UnitTree(out);
    }

    /**
     * The day whose tree a period is pooled under: te = min(period end, now), taken as the local date of its last
     * instant, that is the period's last day for a past period and today for the current one. {@code *} (the present
     * state) is today.
     */
    public static LocalDate treeDay(String periodKey, Instant now) {
        LocalDate today = now.atZone(Period.ZONE).toLocalDate();
        if (Indicators.CURRENT.equals(periodKey)) return today;
        LocalDate last = Period.parse(periodKey).endDayExclusive().minusDays(1);
        return last.isBefore(today) ? last : today;
    }

    /** The unit's edges, oldest first. */
    public List<Edge> edges(String unit) {
        return edges.getOrDefault(unit, List.of());
    }

    public String parentOn(String unit, LocalDate day) {
        for (Edge e : edges.getOrDefault(unit, List.of())) if (e.holds(day)) return e.parent();
        return null;
    }

    /** The unit's ancestors on that day, itself excluded, nearest first. */
    public List<String> ancestorsOn(String unit, LocalDate day) {
        List<String> out = new ArrayList<>();
        String at = parentOn(unit, day);
        while (at != null && out.size() < MAX_DEPTH && !at.equals(unit)) {
            out.add(at);
            at = parentOn(at, day);
        }
        return out;
    }

    /** The unit and every unit below it on that day, among {@code units} (and the unit itself). */
    public Set<String> subtreeOn(String unit, LocalDate day, Collection<String> units) {
        Set<String> out = new TreeSet<>();
        out.add(unit);
        for (String u : units) if (ancestorsOn(u, day).contains(unit)) out.add(u);
        return out;
    }
}
