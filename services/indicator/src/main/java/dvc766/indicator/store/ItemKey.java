package dvc766.indicator.store;

import java.util.Comparator;

/** One item of a distinct-counted indicator at a unit: (unit, period, indicator, procedure code). Ordered for locking. */
public record ItemKey(String unit, String period, String indicator, String item) implements Comparable<ItemKey> {

    private static final Comparator<ItemKey> ORDER = Comparator.comparing(ItemKey::unit).thenComparing(ItemKey::period)
            .thenComparing(ItemKey::indicator).thenComparing(ItemKey::item);

    @Override
    public int compareTo(ItemKey o) { return ORDER.compare(this, o); }
}
