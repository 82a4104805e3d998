package dvc766.indicator.domain;

/** PAKN deadlines in working days (index-766 §6, §11; the rule set's {@code deadlines}). */
public record PetitionDeadlines(int answer, int refusal, int infoRequest, int publishAnswer) {

    /** 15 / 2 / 5 / 2 working days, the values of the default rule set. */
    public static final PetitionDeadlines DEFAULT = new PetitionDeadlines(15, 2, 5, 2);

    public static PetitionDeadlines of(RuleSet.Deadlines d) {
        if (d == null) return DEFAULT;
        return new PetitionDeadlines(d.petitionAnswerWorkingDays(), d.petitionRefusalWorkingDays(), d.petitionInfoRequestWorkingDays(),
                d.petitionPublishAnswerWorkingDays());
    }

    /** The profile's name in counter codes: the four parameters, e.g. {@code P10-2-5-2}. */
    public String profile() {
        return "P" + answer + "-" + refusal + "-" + infoRequest + "-" + publishAnswer;
    }

    /**
     * The counter code of a PAKN indicator under these deadlines: PETITION_ON_TIME and PETITION_SATISFACTION depend on
     * them and are kept per profile ({@code PETITION_ON_TIME@P10-2-5-2}); the standard deadlines keep the plain code, as
     * does PETITION_CLASSIFICATION, which no deadline changes.
     */
    public String counterCode(String indicator) {
        boolean dependent = Indicators.PETITION_ON_TIME.equals(indicator) || Indicators.PETITION_SATISFACTION.equals(indicator);
        return dependent && !equals(DEFAULT) ? indicator + "@" + profile() : indicator;
    }
}
