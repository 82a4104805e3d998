package dvc766.common.calendar;

/**
 * The two astronomical quantities the Vietnamese lunisolar calendar is built from: the instants of new moon and the
 * Sun's apparent longitude. Formulas from J. Meeus, <i>Astronomical Algorithms</i> (2nd ed.): new moon with the
 * periodic and planetary terms of chapter 49 (error well under a minute around 2000), the Sun of chapter 25 at "low
 * accuracy" (about 0.01°, i.e. a quarter of an hour of solar motion), and ΔT from the Espenak–Meeus polynomials.
 * All times are Julian Days; {@code jde} is Terrestrial Time, {@code jd} is Universal Time.
 */
final class LunarAstronomy {

    /** Mean synodic month in days. */
    static final double SYNODIC_MONTH = 29.530588861;
    /** JDE of the mean new moon k = 0 (6 January 2000). */
    private static final double NEW_MOON_EPOCH = 2451550.09766;
    /** Julian Day number of 1970-01-01 (noon-based day count). */
    static final long JDN_UNIX_EPOCH = 2440588L;

    private LunarAstronomy() {}

    /** The JDE of the true new moon number {@code k} (k = 0 is the new moon of 6 January 2000). */
    static double newMoonJde(long k) {
        double t = k / 1236.85;
        double t2 = t * t;
        double t3 = t2 * t;
        double t4 = t3 * t;
        double jde = NEW_MOON_EPOCH + SYNODIC_MONTH * k + 0.00015437 * t2 - 0.000000150 * t3 + 0.00000000073 * t4;
        double e = 1 - 0.002516 * t - 0.0000074 * t2;
        double m = rad(2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3);
        double mp = rad(201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4);
        double f = rad(160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4);
        double om = rad(124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3);

        double c = -0.40720 * Math.sin(mp)
                + 0.17241 * e * Math.sin(m)
                + 0.01608 * Math.sin(2 * mp)
                + 0.01039 * Math.sin(2 * f)
                + 0.00739 * e * Math.sin(mp - m)
                - 0.00514 * e * Math.sin(mp + m)
                + 0.00208 * e * e * Math.sin(2 * m)
                - 0.00111 * Math.sin(mp - 2 * f)
                - 0.00057 * Math.sin(mp + 2 * f)
                + 0.00056 * e * Math.sin(2 * mp + m)
                - 0.00042 * Math.sin(3 * mp)
                + 0.00042 * e * Math.sin(m + 2 * f)
                + 0.00038 * e * Math.sin(m - 2 * f)
                - 0.00024 * e * Math.sin(2 * mp - m)
                - 0.00017 * Math.sin(om)
                - 0.00007 * Math.sin(mp + 2 * m)
                + 0.00004 * Math.sin(2 * mp - 2 * f)
                + 0.00004 * Math.sin(3 * m)
                + 0.00003 * Math.sin(mp + m - 2 * f)
                + 0.00003 * Math.sin(2 * mp + 2 * f)
                - 0.00003 * Math.sin(mp + m + 2 * f)
                + 0.00003 * Math.sin(mp - m + 2 * f)
                - 0.00002 * Math.sin(mp - m - 2 * f)
                - 0.00002 * Math.sin(3 * mp + m)
                + 0.00002 * Math.sin(4 * mp);

        // planetary arguments
        double[][] planetary = {
            {299.77, 0.107408, 0.000325}, {251.88, 0.016321, 0.000165}, {251.83, 26.651886, 0.000164},
            {349.42, 36.412478, 0.000126}, {84.66, 18.206239, 0.000110}, {141.74, 53.303771, 0.000062},
            {207.14, 2.453732, 0.000060}, {154.84, 7.306860, 0.000056}, {34.52, 27.261239, 0.000047},
            {207.19, 0.121824, 0.000042}, {291.34, 1.844379, 0.000040}, {161.72, 24.198154, 0.000037},
            {239.56, 25.513099, 0.000035}, {331.55, 3.592518, 0.000023}};
        double a = 0;
        for (int i = 0; i < planetary.length; i++) {
            double arg = planetary[i][0] + planetary[i][1] * k - (i == 0 ? 0.009173 * t2 : 0);
            a += planetary[i][2] * Math.sin(rad(arg));
        }
        return jde + c + a;
    }

    /** The mean new moon number nearest to (at or before, roughly) the given JD. */
    static long approximateK(double jd) {
        return (long) Math.floor((jd - NEW_MOON_EPOCH) / SYNODIC_MONTH);
    }

    /** The Sun's apparent geocentric longitude in degrees, [0, 360), at the given JDE. */
    static double sunLongitude(double jde) {
        double t = (jde - 2451545.0) / 36525.0;
        double l0 = 280.46646 + 36000.76983 * t + 0.0003032 * t * t;
        double m = rad(357.52911 + 35999.05029 * t - 0.0001537 * t * t);
        double c = (1.914602 - 0.004817 * t - 0.000014 * t * t) * Math.sin(m)
                + (0.019993 - 0.000101 * t) * Math.sin(2 * m)
                + 0.000289 * Math.sin(3 * m);
        double omega = rad(125.04 - 1934.136 * t);
        double lambda = l0 + c - 0.00569 - 0.00478 * Math.sin(omega);
        return normalize(lambda);
    }

    /** The JDE at which the Sun's apparent longitude equals {@code target} degrees, searched near {@code guessJde}. */
    static double sunLongitudeInstant(double target, double guessJde) {
        double jde = guessJde;
        for (int i = 0; i < 50; i++) {
            double diff = normalize(target - sunLongitude(jde) + 180) - 180; // in (-180, 180]
            if (Math.abs(diff) < 1e-7) break;
            jde += diff * 365.2422 / 360.0;
        }
        return jde;
    }

    /** ΔT = TT − UT in seconds (Espenak–Meeus polynomials), for a decimal year. */
    static double deltaTSeconds(double year) {
        if (year >= 2005 && year < 2050) {
            double t = year - 2000;
            return 62.92 + 0.32217 * t + 0.005589 * t * t;
        }
        if (year >= 1986 && year < 2005) {
            double t = year - 2000;
            return 63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * t * t * t + 0.000651814 * t * t * t * t
                    + 0.00002373599 * t * t * t * t * t;
        }
        if (year >= 1961 && year < 1986) {
            double t = year - 1975;
            return 45.45 + 1.067 * t - t * t / 260 - t * t * t / 718;
        }
        if (year >= 1941 && year < 1961) {
            double t = year - 1950;
            return 29.07 + 0.407 * t - t * t / 233 + t * t * t / 2547;
        }
        if (year >= 1920 && year < 1941) {
            double t = year - 1920;
            return 21.20 + 0.84493 * t - 0.076100 * t * t + 0.0020936 * t * t * t;
        }
        if (year >= 1900 && year < 1920) {
            double t = year - 1900;
            return -2.79 + 1.494119 * t - 0.0598939 * t * t + 0.0061966 * t * t * t - 0.000197 * t * t * t * t;
        }
        double u = (year - 1820) / 100.0;
        if (year >= 2050 && year < 2150) {
            return -20 + 32 * u * u - 0.5628 * (2150 - year);
        }
        return -20 + 32 * u * u;
    }

    /** Universal Time JD to Terrestrial Time JDE. */
    static double toJde(double jd) {
        return jd + deltaTSeconds(decimalYear(jd)) / 86400.0;
    }

    /** Terrestrial Time JDE to Universal Time JD. */
    static double toJd(double jde) {
        return jde - deltaTSeconds(decimalYear(jde)) / 86400.0;
    }

    private static double decimalYear(double jd) {
        return 2000.0 + (jd - 2451544.5) / 365.2425;
    }

    static double normalize(double degrees) {
        double d = degrees % 360.0;
        return d < 0 ? d + 360.0 : d;
    }

    private static double rad(double degrees) {
        return Math.toRadians(normalize(degrees));
    }
}
