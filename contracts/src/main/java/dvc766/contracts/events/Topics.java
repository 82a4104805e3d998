package dvc766.contracts.events;

/** Default topic names; deployments may rename them through configuration. */
public final class Topics {
    public static final String UNITS = "dvc.units.v1";
    public static final String PROCEDURES = "dvc.procedures.v1";
    public static final String DOSSIERS = "dvc.dossiers.v1";
    public static final String PUBLISHING_DECISIONS = "dvc.publishing-decisions.v1";
    public static final String COMPLAINTS = "dvc.complaints.v1";
    public static final String CALENDAR = "dvc.calendar.v1";
    public static final String SCORES = "dvc.scores.v1";
    public static final String RULE_SETS = "dvc.rulesets.v1";

    private Topics() {}
}
