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
}
