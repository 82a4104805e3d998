package dvc766.indicator.domain;

import java.util.Set;

/** Indicator codes of index-766 §2; the engine computes every one of them. */
public final class Indicators {

    public static final String DOSSIER_SYNC = "DOSSIER_SYNC";
    public static final String ON_TIME_PROCESSING = "ON_TIME_PROCESSING";
    public static final String EARLY_PROCESSING = "EARLY_PROCESSING";
    public static final String AVG_PROCESSING_TIME = "AVG_PROCESSING_TIME";
    public static final String ONLINE_DOSSIER_RATE = "ONLINE_DOSSIER_RATE";
    public static final String ONLINE_PAYMENT_DOSSIER = "ONLINE_PAYMENT_DOSSIER";
    public static final String E_RESULT = "E_RESULT";
    public static final String DIGITIZATION = "DIGITIZATION";
    public static final String DATA_REUSE = "DATA_REUSE";
    public static final String PERSONAL_STORAGE = "PERSONAL_STORAGE";
    public static final String CITIZEN_DATA_DOSSIER = "CITIZEN_DATA_DOSSIER";
    public static final String DOSSIER_SATISFACTION = "DOSSIER_SATISFACTION";
    public static final String PETITION_ON_TIME = "PETITION_ON_TIME";
    public static final String PETITION_SATISFACTION = "PETITION_SATISFACTION";
    public static final String PETITION_CLASSIFICATION = "PETITION_CLASSIFICATION";
    public static final String PUBLISH_ON_TIME = "PUBLISH_ON_TIME";
    public static final String PUBLIC_UPDATE_ON_TIME = "PUBLIC_UPDATE_ON_TIME";
    public static final String ONLINE_SERVICE_PROVISION = "ONLINE_SERVICE_PROVISION";
    public static final String ONLINE_SERVICE_USAGE = "ONLINE_SERVICE_USAGE";
    public static final String PAYMENT_INTEGRATION = "PAYMENT_INTEGRATION";
    public static final String PAYMENT_USAGE = "PAYMENT_USAGE";
    public static final String CITIZEN_DATA_FORMALITY = "CITIZEN_DATA_FORMALITY";
    public static final String PUBLIC_CONTENT_FULL = "PUBLIC_CONTENT_FULL";
    public static final String E_CERTIFIED_COPY = "E_CERTIFIED_COPY";

    /** The period key of counters that hold the present state of the catalogue and the tree, whatever the period. */
    public static final String CURRENT = "*";

    /** Per-PAKN indicators, from {@link PetitionTiming#contributionsOf}. */
    public static final Set<String> PETITION = Set.of(PETITION_ON_TIME, PETITION_SATISFACTION, PETITION_CLASSIFICATION);
    /** Counted once per procedure over a subtree, from publishing decisions ({@link DecisionContributions}). */
    public static final Set<String> DECISION = Set.of(PUBLISH_ON_TIME, PUBLIC_UPDATE_ON_TIME);
    /** Procedures with at least one qualifying dossier in the period, among the procedures of the subtree. */
    public static final Set<String> USAGE = Set.of(ONLINE_SERVICE_USAGE, PAYMENT_USAGE, CITIZEN_DATA_FORMALITY);
    /** Point-in-time procedure catalogue figures ({@link ProcedureCatalog}). */
    public static final Set<String> CATALOG = Set.of(ONLINE_SERVICE_PROVISION, PAYMENT_INTEGRATION, PUBLIC_CONTENT_FULL);

    /** The per-dossier indicators, all produced by {@link DossierContributions#contributionsOf}. */
    public static final Set<String> DOSSIER = Set.of(DOSSIER_SYNC, ON_TIME_PROCESSING, EARLY_PROCESSING, AVG_PROCESSING_TIME,
            ONLINE_DOSSIER_RATE, ONLINE_PAYMENT_DOSSIER, E_RESULT, DIGITIZATION, DATA_REUSE, PERSONAL_STORAGE,
            CITIZEN_DATA_DOSSIER, DOSSIER_SATISFACTION);

    /** Every indicator the engine computes. */
    public static final Set<String> COMPUTED = union(DOSSIER, PETITION, DECISION, USAGE, CATALOG, Set.of(E_CERTIFIED_COPY));

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        java.util.Set<String> out = new java.util.TreeSet<>();
        for (Set<String> s : sets) out.addAll(s);
        return Set.copyOf(out);
    }

    private Indicators() {}
}
