package dvc766.indicator.domain;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Exact decimal arithmetic for points: sums and products are exact; a quotient is exact when it terminates and
 * otherwise carries 34 significant digits (IEEE decimal128). Nothing is rounded to two decimals here.
 */
public final class Decimals {

    public static final MathContext QUOTIENT = MathContext.DECIMAL128;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Decimals() {}

    public static BigDecimal divide(BigDecimal a, BigDecimal b) {
        return plain(a.divide(b, QUOTIENT));
    }

    /** One canonical form per value (2.50 and 2.5 are the same figure), never in exponent notation for integers. */
    public static BigDecimal plain(BigDecimal x) {
        if (x.signum() == 0) return BigDecimal.ZERO;
        BigDecimal s = x.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    public static BigDecimal percent(BigDecimal part, BigDecimal whole) {
        return divide(part.multiply(HUNDRED), whole);
    }
}
