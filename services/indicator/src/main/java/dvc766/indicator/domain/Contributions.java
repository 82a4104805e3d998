package dvc766.indicator.domain;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** What one dossier adds to each indicator's counts for one period; indicators it does not touch are absent. */
public record Contributions(Map<String, Counts> byIndicator) {

    public static final Contributions NONE = new Contributions(Map.of());

    public Contributions {
        TreeMap<String, Counts> m = new TreeMap<>();
        byIndicator.forEach((k, v) -> { if (!v.isZero()) m.put(k, v); });
        byIndicator = Collections.unmodifiableMap(m);
    }

    public Counts of(String indicator) { return byIndicator.getOrDefault(indicator, Counts.ZERO); }

    public boolean isEmpty() { return byIndicator.isEmpty(); }
}
