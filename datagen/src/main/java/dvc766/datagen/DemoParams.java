package dvc766.datagen;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What to generate. The same parameters (seed and {@code now} included) always give the same province.
 *
 * @param seed                the random seed
 * @param now                 the generation instant: nothing generated lies after it; kept at +07:00, whole seconds
 * @param communesPerDistrict made-up communes under each district (0–999)
 * @param dossiersPerMonth    dossiers received per month over the whole province
 * @param months              how many months back from {@code now} dossiers are received (1–120)
 */
public record DemoParams(long seed, OffsetDateTime now, int communesPerDistrict, int dossiersPerMonth, int months) {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    public static final long DEFAULT_SEED = 766;
    public static final int DEFAULT_COMMUNES_PER_DISTRICT = 10;
    public static final int DEFAULT_DOSSIERS_PER_MONTH = 3000;
    public static final int DEFAULT_MONTHS = 6;

    public DemoParams {
        Objects.requireNonNull(now, "now");
        now = now.atZoneSameInstant(ZONE).toOffsetDateTime().truncatedTo(ChronoUnit.SECONDS);
        if (communesPerDistrict < 0 || communesPerDistrict > 999) {
            throw new IllegalArgumentException("communesPerDistrict must be in 0..999, was " + communesPerDistrict);
        }
        if (dossiersPerMonth < 0) throw new IllegalArgumentException("dossiersPerMonth must be >= 0, was " + dossiersPerMonth);
        if (months < 1 || months > 120) throw new IllegalArgumentException("months must be in 1..120, was " + months);
    }

    /** The defaults (seed 766, 10 communes per district, 3000 dossiers a month, 6 months) at the given instant. */
    public static DemoParams defaults(Instant now) {
        return new DemoParams(DEFAULT_SEED, now.atZone(ZONE).toOffsetDateTime(), DEFAULT_COMMUNES_PER_DISTRICT,
                DEFAULT_DOSSIERS_PER_MONTH, DEFAULT_MONTHS);
    }

    public DemoParams withSeed(long s) { return new DemoParams(s, now, communesPerDistrict, dossiersPerMonth, months); }

    public DemoParams withNow(OffsetDateTime n) { return new DemoParams(seed, n, communesPerDistrict, dossiersPerMonth, months); }

    public DemoParams withCommunesPerDistrict(int c) { return new DemoParams(seed, now, c, dossiersPerMonth, months); }

    public DemoParams withDossiersPerMonth(int d) { return new DemoParams(seed, now, communesPerDistrict, d, months); }

    public DemoParams withMonths(int m) { return new DemoParams(seed, now, communesPerDistrict, dossiersPerMonth, m); }

    /** Total dossiers generated: {@code months × dossiersPerMonth}. */
    public long totalDossiers() {
        return (long) months * dossiersPerMonth;
    }
}
