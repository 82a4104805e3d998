package dvc766.indicator.domain;

import java.util.Set;

/** Indicator codes of index-766 §2 that this engine computes today. */
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

    /** The per-dossier indicators, all produced by {@link DossierContributions#contributionsOf}. */
    public static final Set<String> COMPUTED = Set.of(DOSSIER_SYNC, ON_TIME_PROCESSING, EARLY_PROCESSING, AVG_PROCESSING_TIME,
            ONLINE_DOSSIER_RATE, ONLINE_PAYMENT_DOSSIER, E_RESULT, DIGITIZATION, DATA_REUSE, PERSONAL_STORAGE,
            CITIZEN_DATA_DOSSIER, DOSSIER_SATISFACTION);

    private Indicators() {}
}
