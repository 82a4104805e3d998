package dvc766.complaint.domain;

/** The PAKN deadlines in working days (index-766 §6, rule-set parameters 15/2/5/2). */
public record DeadlineRules(int answerDays, int refusalDays, int infoRequestDays, int publishDays) {

    public static final DeadlineRules DEFAULT = new DeadlineRules(15, 2, 5, 2);
}
