package dvc766.indicator.store;

import java.util.Comparator;

/** A published score's identity, and the key of its events: {@code unit/period/ruleSet}. */
public record ScoreKey(String unit, String period, String ruleSet) implements Comparable<ScoreKey> {

    private static final Comparator<ScoreKey> ORDER = Comparator.comparing(ScoreKey::unit)
            .thenComparing(ScoreKey::period).thenComparing(ScoreKey::ruleSet);

    public String eventKey() { return unit + "/" + period + "/" + ruleSet; }

    @Override
    public int compareTo(ScoreKey o) { return ORDER.compare(this, o); }
}
