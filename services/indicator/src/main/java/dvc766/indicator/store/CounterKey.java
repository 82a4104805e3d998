package dvc766.indicator.store;

import java.util.Comparator;

/** One counter: a unit's numerator and denominator of an indicator for a period. Ordered, to lock rows in one order. */
public record CounterKey(String unit, String period, String indicator) implements Comparable<CounterKey> {

    private static final Comparator<CounterKey> ORDER = Comparator.comparing(CounterKey::unit)
            .thenComparing(CounterKey::period).thenComparing(CounterKey::indicator);

    @Override
    public int compareTo(CounterKey o) { return ORDER.compare(this, o); }
}
