package dvc766.indicator.domain;

/**
 * What objects add to one item (a procedure) of a distinct-counted indicator: how many name it ({@code refs}) and how
 * many of those fail it ({@code fails}). The item counts once in a subtree's denominator while refs > 0, and in its
 * numerator while, besides, fails = 0.
 */
public record ItemCount(long refs, long fails) {

    public static final ItemCount ZERO = new ItemCount(0, 0);

    public static ItemCount of(boolean failed) { return new ItemCount(1, failed ? 1 : 0); }

    public ItemCount plus(ItemCount o) { return new ItemCount(refs + o.refs, fails + o.fails); }

    public ItemCount negate() { return new ItemCount(-refs, -fails); }

    public boolean isZero() { return refs == 0 && fails == 0; }

    public boolean counted() { return refs > 0; }

    public boolean passed() { return refs > 0 && fails == 0; }

    /** How the pooled counts of the item's indicator move when an item goes from {@code before} to {@code after}. */
    public static Counts change(ItemCount before, ItemCount after) {
        return new Counts((after.passed() ? 1 : 0) - (before.passed() ? 1 : 0), (after.counted() ? 1 : 0) - (before.counted() ? 1 : 0));
    }
}
