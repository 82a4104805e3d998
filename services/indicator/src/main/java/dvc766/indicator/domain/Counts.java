package dvc766.indicator.domain;

/** A numerator and a denominator: what one dossier adds to an indicator, or what a unit has in total. */
public record Counts(long numerator, long denominator) {

    public static final Counts ZERO = new Counts(0, 0);
    public static final Counts ONE_OF_ONE = new Counts(1, 1);
    public static final Counts NONE_OF_ONE = new Counts(0, 1);

    public static Counts of(boolean counted) { return counted ? ONE_OF_ONE : NONE_OF_ONE; }

    public Counts plus(Counts o) { return new Counts(numerator + o.numerator, denominator + o.denominator); }

    public Counts minus(Counts o) { return new Counts(numerator - o.numerator, denominator - o.denominator); }

    public Counts negate() { return new Counts(-numerator, -denominator); }

    public boolean isZero() { return numerator == 0 && denominator == 0; }
}
