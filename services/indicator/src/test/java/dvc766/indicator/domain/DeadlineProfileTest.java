package dvc766.indicator.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dvc766.indicator.config.RuleSetCatalog;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Counter codes per deadline profile, and a rule set's view of them when it is scored. */
class DeadlineProfileTest {

    static final RuleSet RS = RuleSetCatalog.load("dvcqg-2026");

    static RuleSet withDeadlines(RuleSet.Deadlines d) {
        return new RuleSet("other", 1, RS.name(), null, RS.levels(), RS.whenEmpty(), RS.notApplicable(), RS.groups(), RS.indicators(), RS.bands(),
                d, RS.max());
    }

    static final RuleSet.Deadlines TEN_DAYS_PAKN = new RuleSet.Deadlines(RS.deadlines().publishWorkingDaysBeforeEffective(),
            RS.deadlines().publicUpdateWorkingDaysAfterSigning(), 10, 2, 5, 2);
    static final RuleSet.Deadlines THREE_DAYS_DECISIONS = new RuleSet.Deadlines(Map.of("PROVINCE", 3, "MINISTRY", 20),
            Map.of("PROVINCE", 3, "MINISTRY", 10), 15, 2, 5, 2);

    @Test
    void theStandardDeadlinesKeepThePlainCodesAndOthersTheirProfile() {
        assertThat(DeadlineProfile.of(RS)).isEqualTo(DeadlineProfile.STANDARD);
        for (String code : Indicators.COMPUTED) assertThat(DeadlineProfile.STANDARD.counterCode(code)).isEqualTo(code);
        DeadlineProfile pakn = DeadlineProfile.of(withDeadlines(TEN_DAYS_PAKN));
        assertThat(pakn.counterCode("PETITION_ON_TIME")).isEqualTo("PETITION_ON_TIME@P10-2-5-2");
        assertThat(pakn.counterCode("PETITION_SATISFACTION")).isEqualTo("PETITION_SATISFACTION@P10-2-5-2");
        // what no deadline changes stays shared, and so does the decision part, which is the standard one
        assertThat(pakn.counterCode("PETITION_CLASSIFICATION")).isEqualTo("PETITION_CLASSIFICATION");
        assertThat(pakn.counterCode("PUBLISH_ON_TIME")).isEqualTo("PUBLISH_ON_TIME");
        assertThat(pakn.counterCode("ON_TIME_PROCESSING")).isEqualTo("ON_TIME_PROCESSING");
        DeadlineProfile decisions = DeadlineProfile.of(withDeadlines(THREE_DAYS_DECISIONS));
        assertThat(decisions.counterCode("PUBLISH_ON_TIME")).isEqualTo("PUBLISH_ON_TIME@D3-3");
        assertThat(decisions.counterCode("PUBLIC_UPDATE_ON_TIME")).isEqualTo("PUBLIC_UPDATE_ON_TIME@D3-3");
        assertThat(decisions.counterCode("PETITION_ON_TIME")).isEqualTo("PETITION_ON_TIME");
    }

    @Test
    void theDistinctProfilesOfTheRuleSetsAreEvaluatedOnceEach() {
        List<RuleSet> sets = List.of(RS, withDeadlines(TEN_DAYS_PAKN), withDeadlines(THREE_DAYS_DECISIONS), withDeadlines(TEN_DAYS_PAKN));
        assertThat(DeadlineProfile.petitionProfiles(sets)).containsExactly(new PetitionDeadlines(10, 2, 5, 2), PetitionDeadlines.DEFAULT);
        assertThat(DeadlineProfile.decisionProfiles(sets)).containsExactly(new DecisionDeadlines(3, 3), DecisionDeadlines.DEFAULT);
        assertThat(DeadlineProfile.petitionProfiles(List.of(RS))).containsExactly(PetitionDeadlines.DEFAULT);
    }

    @Test
    void aRuleSetIsScoredOnItsProfilesCounters() {
        Map<String, Counts> counters = Map.of("PETITION_ON_TIME", new Counts(2, 2), "PETITION_ON_TIME@P10-2-5-2", new Counts(1, 2),
                "PETITION_SATISFACTION", new Counts(1, 2), "ON_TIME_PROCESSING", new Counts(1, 4), "PUBLISH_ON_TIME@D3-3", new Counts(1, 1));
        RuleSet pakn = withDeadlines(TEN_DAYS_PAKN);
        // no counter of its own for PETITION_SATISFACTION yet: empty, not the default's
        assertThat(DeadlineProfile.of(pakn).select(counters)).isEqualTo(Map.of("PETITION_ON_TIME", new Counts(1, 2), "ON_TIME_PROCESSING",
                new Counts(1, 4)));
        assertThat(DeadlineProfile.STANDARD.select(counters)).isEqualTo(Map.of("PETITION_ON_TIME", new Counts(2, 2), "PETITION_SATISFACTION",
                new Counts(1, 2), "ON_TIME_PROCESSING", new Counts(1, 4)));
        Score s = Scoring.score(pakn, "PROVINCE", counters, RuleSetCatalog.computed(pakn));
        Score.IndicatorScore onTime = s.indicators().stream().filter(i -> i.code().equals("PETITION_ON_TIME")).findFirst().orElseThrow();
        assertThat(onTime.points()).isEqualByComparingTo("3");
        assertThat(onTime.numerator()).isEqualByComparingTo("1");
    }
}
