package dvc766.indicator.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dvc766.indicator.config.RuleSetCatalog;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RuleSetTest {

    static final RuleSet RS = RuleSetCatalog.load("dvcqg-2026");

    static RuleSet with(List<RuleSet.IndicatorDef> indicators, List<RuleSet.Group> groups, List<RuleSet.Band> bands, RuleSet.Deadlines deadlines,
            BigDecimal max) {
        return new RuleSet(RS.id(), 1, RS.name(), null, RS.levels(), RS.whenEmpty(), RS.notApplicable(), groups, indicators, bands, deadlines, max);
    }

    @Test
    void theDefaultRuleSetHoldsTheWholeIndex() {
        assertThat(RS.indicators()).hasSize(24);
        assertThat(RS.max()).isEqualByComparingTo("100");
        assertThat(RS.groups()).extracting(RuleSet.Group::code).containsExactly("CKMB", "TDGQ", "CLGQ", "TTTT", "MDSH", "MDHL");
        assertThat(RS.groups().stream().map(RuleSet.Group::max).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("100");
        assertThat(RS.indicators().stream().filter(i -> i.rule() != RuleSet.Rule.SHOWN)).hasSize(21);
        assertThat(RS.indicator("PUBLIC_CONTENT_FULL").orElseThrow().appliesTo("DISTRICT")).isFalse();
        assertThat(RS.indicator("E_CERTIFIED_COPY").orElseThrow().appliesTo("DEPARTMENT")).isFalse();
        assertThat(RS.indicator("E_CERTIFIED_COPY").orElseThrow().appliesTo("COMMUNE")).isTrue();
        assertThat(RS.indicator("DOSSIER_SATISFACTION").orElseThrow().threshold()).isEqualByComparingTo("0.90");
        assertThat(RS.bands()).extracting(RuleSet.Band::name).containsExactly("Xuất sắc", "Tốt", "Khá", "Trung bình", "Yếu");
        assertThat(RS.deadlines().publishWorkingDaysBeforeEffective()).containsEntry("PROVINCE", 5).containsEntry("MINISTRY", 20);
        assertThat(RS.deadlines().publicUpdateWorkingDaysAfterSigning()).containsEntry("PROVINCE", 5).containsEntry("MINISTRY", 10);
        assertThat(List.of(RS.deadlines().petitionAnswerWorkingDays(), RS.deadlines().petitionRefusalWorkingDays(),
                RS.deadlines().petitionInfoRequestWorkingDays(), RS.deadlines().petitionPublishAnswerWorkingDays())).containsExactly(15, 2, 5, 2);
        assertThat(RuleSetValidator.violations(RS)).isEmpty();
        assertThat(RS.indicators()).allMatch(i -> RuleSetValidator.KNOWN_INDICATORS.contains(i.code()));
    }

    @Test
    void everyProblemOfABrokenRuleSetIsNamedWithItsPathAndRule() {
        List<RuleSet.IndicatorDef> indicators = new ArrayList<>(RS.indicators());
        RuleSet.IndicatorDef first = indicators.get(0);
        indicators.add(first); // [24] duplicate
        indicators.set(1, new RuleSet.IndicatorDef("PUBLIC_UPDATE_ON_TIME", "CKMB", "x", BigDecimal.valueOf(4), RuleSet.Rule.THRESHOLD,
                new BigDecimal("1.5"), List.of("PROVINCE"), null, null));
        indicators.set(2, new RuleSet.IndicatorDef("PUBLIC_CONTENT_FULL", "NOPE", "x", BigDecimal.valueOf(2), RuleSet.Rule.LINEAR, null,
                List.of("PROVINCE", "HAMLET"), null, "MISSING"));
        indicators.set(3, new RuleSet.IndicatorDef("QUEUE_LENGTH", "CKMB", "x", BigDecimal.valueOf(6), RuleSet.Rule.LINEAR, null, null, null, null));
        List<RuleSet.Band> bands = List.of(new RuleSet.Band("TOT", "Tốt", BigDecimal.valueOf(50)),
                new RuleSet.Band("XUAT_SAC", "Xuất sắc", BigDecimal.valueOf(90)));
        RuleSet.Deadlines deadlines = new RuleSet.Deadlines(Map.of("PROVINCE", 5), Map.of("PROVINCE", 5, "MINISTRY", 10), 15, 0, 5, 2);
        RuleSet broken = with(indicators, RS.groups(), bands, deadlines, BigDecimal.valueOf(90));
        List<RuleSetViolation> v = RuleSetValidator.violations(broken);
        assertThat(v).extracting(x -> x.field() + " " + x.rule()).contains(
                "indicators[24].code unique",
                "indicators[1].threshold range",
                "indicators[2].group known-group",
                "indicators[2].levels[1] known-level",
                "indicators[2].ratioTimes known-indicator",
                "indicators[3].code known-indicator",
                "max sum",
                "bands[1].minPercent descending",
                "bands[1].minPercent last-zero",
                "deadlines.publishWorkingDaysBeforeEffective required",
                "deadlines.petitionRefusalWorkingDays range");
        assertThat(v).filteredOn(x -> x.field().equals("indicators[3].code")).first().extracting(RuleSetViolation::message)
                .asString().contains("unknown indicator QUEUE_LENGTH");
        assertThat(v).filteredOn(x -> x.field().equals("max")).first().extracting(RuleSetViolation::message)
                .asString().contains("add up to 100, not to the declared total 90");
        assertThatThrownBy(() -> RuleSetValidator.validated(broken)).isInstanceOf(InvalidRuleSetException.class)
                .hasMessageContaining("rule set dvcqg-2026 is not valid");
    }

    @Test
    void groupsMustAddUpToTheirIndicatorsAndUnknownLevelsAreNamed() {
        List<RuleSet.Group> groups = new ArrayList<>(RS.groups());
        groups.set(0, new RuleSet.Group("CKMB", "x", BigDecimal.valueOf(20)));
        RuleSet rs = new RuleSet(RS.id(), 0, " ", null, List.of("PROVINCE", "VILLAGE"), null, RS.notApplicable(), groups, RS.indicators(),
                RS.bands(), RS.deadlines(), BigDecimal.valueOf(100));
        assertThat(RuleSetValidator.violations(rs)).extracting(x -> x.field() + " " + x.rule()).contains(
                "version min", "name required", "whenEmpty required", "levels[1] known-level", "groups[0].max sum", "max sum");
    }

    @Test
    void aMissingRuleSetFileIsReported() {
        assertThatThrownBy(() -> RuleSetCatalog.load("no-such-set")).isInstanceOf(InvalidRuleSetException.class)
                .hasMessageContaining("no file rulesets/no-such-set.json");
    }
}
