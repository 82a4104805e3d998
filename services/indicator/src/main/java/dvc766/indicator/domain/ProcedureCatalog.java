package dvc766.indicator.domain;

import static dvc766.indicator.domain.Indicators.*;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What the procedure-level indicators need to know about a procedure (index-766 §11 "Procedures"): who implements it
 * and its flags. A procedure belongs to S(u) when one of its units is in S(u) and counts once there.
 */
public record ProcedureCatalog(String code, List<String> unitCodes, boolean online, boolean feeBearing, boolean paymentIntegrated,
        boolean citizen, Instant madePublicAt, boolean publicFull) {

    /** The seven parts a public record must have. */
    public static final Set<String> REQUIRED_PARTS = Set.of("NAME", "STEPS", "CHANNELS", "DOSSIER_COMPOSITION", "TIME_LIMIT", "APPLICANTS",
            "IMPLEMENTING_BODY");

    public ProcedureCatalog {
        unitCodes = unitCodes == null ? List.of() : List.copyOf(unitCodes);
    }

    /**
     * What the procedure adds, once, to the present-state counters of every unit whose subtree holds it: the catalogue
     * indicators, and the denominators of the usage indicators (whose numerators are per period).
     */
    public Map<String, Counts> counts(Instant now) {
        Map<String, Counts> m = new TreeMap<>();
        m.put(ONLINE_SERVICE_PROVISION, Counts.of(online));
        if (feeBearing) m.put(PAYMENT_INTEGRATION, Counts.of(paymentIntegrated));
        if (madePublicAt != null && !madePublicAt.isAfter(now)) m.put(PUBLIC_CONTENT_FULL, Counts.of(publicFull));
        if (online) m.put(ONLINE_SERVICE_USAGE, new Counts(0, 1));
        if (feeBearing) m.put(PAYMENT_USAGE, new Counts(0, 1));
        if (citizen) m.put(CITIZEN_DATA_FORMALITY, new Counts(0, 1));
        return m;
    }

    /** When time alone next changes {@link #counts}: a {@code madePublicAt} after {@code now}; null when nothing is pending. */
    public Instant nextCheckAt(Instant now) {
        return madePublicAt != null && madePublicAt.isAfter(now) ? madePublicAt : null;
    }

    /**
     * The state the present-state counters hold while the check at {@code pendingCheck} has not run by {@code now}: a
     * {@code madePublicAt} that was still in the future when the counters were written is not counted yet.
     */
    public ProcedureCatalog asCounted(Instant pendingCheck, Instant now) {
        if (pendingCheck == null || pendingCheck.isAfter(now) || madePublicAt == null) return this;
        return new ProcedureCatalog(code, unitCodes, online, feeBearing, paymentIntegrated, citizen, null, publicFull);
    }

    /** Whether a qualifying dossier makes the procedure count in a usage indicator's numerator. */
    public boolean gate(String usageIndicator) {
        return switch (usageIndicator) {
            case ONLINE_SERVICE_USAGE -> online;
            case PAYMENT_USAGE -> feeBearing;
            case CITIZEN_DATA_FORMALITY -> citizen;
            default -> false;
        };
    }

    public static ProcedureCatalog of(String code, List<String> unitCodes, String onlineLevel, boolean feeBearing, boolean paymentIntegrated,
            List<String> applicantTypes, Instant madePublicAt, List<String> publicParts) {
        return new ProcedureCatalog(code, unitCodes == null ? List.of() : unitCodes.stream().filter(u -> u != null && !u.isBlank()).distinct().sorted().toList(),
                "FULL".equals(onlineLevel) || "PARTIAL".equals(onlineLevel), feeBearing, paymentIntegrated,
                applicantTypes != null && applicantTypes.contains("CITIZEN"), madePublicAt,
                publicParts != null && publicParts.containsAll(REQUIRED_PARTS));
    }
}
