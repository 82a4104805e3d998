package dvc766.indicator.store;

import java.util.Comparator;

/** A unit and a period key, e.g. ("38", "2026-11"). */
public record UnitPeriod(String unit, String period) implements Comparable<UnitPeriod> {

    private static final Comparator<UnitPeriod> ORDER = Comparator.comparing(UnitPeriod::unit).thenComparing(UnitPeriod::period);

    @Override
    public int compareTo(UnitPeriod o) { return ORDER.compare(this, o); }
}
