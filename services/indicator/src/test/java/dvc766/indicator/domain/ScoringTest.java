package dvc766.indicator.domain;

import static dvc766.indicator.domain.Indicators.*;
import static org.assertj.core.api.Assertions.assertThat;

import dvc766.indicator.config.RuleSetCatalog;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Points from pooled counts under the default rule set, computed by hand. */
class ScoringTest {

    static final RuleSet RS = RuleSetCatalog.load("dvcqg-2026");

    static Score.IndicatorScore indicator(Score s, String code) {
        return s.indicators().stream().filter(i -> i.code().equals(code)).findFirst().orElseThrow();
    }

    static Score score(String level, Map<String, Counts> pooled) {
        return Scoring.score(RS, level, pooled, RuleSetCatalog.computed(RS));
    }

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void linearPointsAreMaxTimesRatio() {
        Score.IndicatorScore i = indicator(score("DISTRICT", Map.of(ON_TIME_PROCESSING, new Counts(3, 5))), ON_TIME_PROCESSING);
        assertThat(i.numerator()).isEqualByComparingTo("3");
        assertThat(i.denominator()).isEqualByComparingTo("5");
        assertThat(i.ratio()).isEqualByComparingTo("0.6");
        assertThat(i.points()).isEqualTo(d("12"));
        assertThat(i.max()).isEqualTo(d("20"));
    }

    @Test
    void nonTerminatingQuotientsKeep34SignificantDigitsAndAreNotRoundedToTwoDecimals() {
        Score.IndicatorScore i = indicator(score("DISTRICT", Map.of(ON_TIME_PROCESSING, new Counts(2, 3))), ON_TIME_PROCESSING);
        assertThat(i.points()).isEqualTo(d("13.33333333333333333333333333333333"));
        assertThat(i.ratio()).isEqualTo(d("0.6666666666666666666666666666666667"));
    }

    @Test
    void thresholdRuleReachesFullPointsAtTheThreshold() {
        // DIGITIZATION: max 4, threshold 0.80
        assertThat(indicator(score("DISTRICT", Map.of(DIGITIZATION, new Counts(7, 10))), DIGITIZATION).points()).isEqualTo(d("3.5"));
        assertThat(indicator(score("DISTRICT", Map.of(DIGITIZATION, new Counts(8, 10))), DIGITIZATION).points()).isEqualTo(d("4"));
        assertThat(indicator(score("DISTRICT", Map.of(DIGITIZATION, new Counts(10, 10))), DIGITIZATION).points()).isEqualTo(d("4"));
    }

    @Test
    void onlineDossierRateIsMultipliedByTheSyncRatio() {
        // online 3/10 × synced 5/10 = 0.15; threshold 0.50 → 6 × 0.15 / 0.5 = 1.8
        Score s = score("DISTRICT", Map.of(ONLINE_DOSSIER_RATE, new Counts(3, 10), DOSSIER_SYNC, new Counts(5, 10)));
        Score.IndicatorScore i = indicator(s, ONLINE_DOSSIER_RATE);
        assertThat(i.numerator()).isEqualByComparingTo("3");
        assertThat(i.denominator()).isEqualByComparingTo("10");
        assertThat(i.ratio()).isEqualTo(d("0.15"));
        assertThat(i.points()).isEqualTo(d("1.8"));
    }

    @Test
    void anEmptyDenominatorEarnsFullPointsAndHasNoRatio() {
        Score.IndicatorScore i = indicator(score("DISTRICT", Map.of()), ON_TIME_PROCESSING);
        assertThat(i.ratio()).isNull();
        assertThat(i.points()).isEqualTo(d("20"));
        assertThat(i.denominator()).isEqualTo(BigDecimal.ZERO);
    }

    @Test
    void provinceOnlyIndicatorsAreNotApplicableBelowAndEarnFullPointsThere() {
        Score.IndicatorScore district = indicator(score("DISTRICT", Map.of(CITIZEN_DATA_DOSSIER, new Counts(0, 4))), CITIZEN_DATA_DOSSIER);
        assertThat(district.applicable()).isFalse();
        assertThat(district.points()).isEqualTo(d("2"));
        Score.IndicatorScore province = indicator(score("PROVINCE", Map.of(CITIZEN_DATA_DOSSIER, new Counts(0, 4))), CITIZEN_DATA_DOSSIER);
        assertThat(province.applicable()).isTrue();
        assertThat(province.points()).isEqualTo(BigDecimal.ZERO);
    }

    @Test
    void shownOnlyIndicatorsCarryNoPointsAndTheMeanIsInHours() {
        Score.IndicatorScore avg = indicator(score("DISTRICT", Map.of(AVG_PROCESSING_TIME, new Counts(7200 + 3600, 2))), AVG_PROCESSING_TIME);
        assertThat(avg.numerator()).isEqualTo(d("3"));
        assertThat(avg.ratio()).isEqualTo(d("1.5"));
        assertThat(avg.points()).isEqualTo(BigDecimal.ZERO);
        assertThat(avg.max()).isEqualTo(BigDecimal.ZERO);
    }

    @Test
    void totalAndMaxAreSumsOverTheComputedIndicatorsOnly() {
        Map<String, Counts> pooled = new HashMap<>();
        pooled.put(ON_TIME_PROCESSING, new Counts(1, 2)); // 10 of 20
        // the twelve per-dossier indicators, named here so that the test does not follow what the engine computes
        java.util.Set<String> perDossier = java.util.Set.of(DOSSIER_SYNC, ON_TIME_PROCESSING, EARLY_PROCESSING, AVG_PROCESSING_TIME,
                ONLINE_DOSSIER_RATE, ONLINE_PAYMENT_DOSSIER, E_RESULT, DIGITIZATION, DATA_REUSE, PERSONAL_STORAGE, CITIZEN_DATA_DOSSIER,
                DOSSIER_SATISFACTION);
        Score s = Scoring.score(RS, "DISTRICT", pooled, perDossier);
        // computed today: DOSSIER_SYNC 6, ON_TIME_PROCESSING 20, ONLINE_DOSSIER_RATE 6, ONLINE_PAYMENT_DOSSIER 6, E_RESULT 6,
        // DIGITIZATION 4, DATA_REUSE 2, PERSONAL_STORAGE 4, CITIZEN_DATA_DOSSIER 2, DOSSIER_SATISFACTION 6 (+ 3 shown, 0)
        assertThat(s.max()).isEqualTo(d("62"));
        assertThat(s.total()).isEqualTo(d("52"));
        assertThat(s.indicators()).hasSize(12);
        assertThat(s.groups()).extracting(Score.GroupScore::code).containsExactly("CKMB", "TDGQ", "CLGQ", "TTTT", "MDSH", "MDHL");
        assertThat(s.groups().get(1).points()).isEqualTo(d("10"));
        assertThat(s.groups().get(1).max()).isEqualTo(d("20"));
        // 52 / 62 = 83.9 % → Tốt
        assertThat(s.band()).isEqualTo("TOT");
    }

    @Test
    void bandsFollowThePercentageOfTheMaximum() {
        assertThat(Scoring.band(RS, d("90"), d("100"))).isEqualTo("XUAT_SAC");
        assertThat(Scoring.band(RS, d("89.99"), d("100"))).isEqualTo("TOT");
        assertThat(Scoring.band(RS, d("70"), d("100"))).isEqualTo("KHA");
        assertThat(Scoring.band(RS, d("50"), d("100"))).isEqualTo("TRUNG_BINH");
        assertThat(Scoring.band(RS, d("49.99"), d("100"))).isEqualTo("YEU");
        assertThat(Scoring.band(RS, d("31"), d("62"))).isEqualTo("TRUNG_BINH");
    }
}
