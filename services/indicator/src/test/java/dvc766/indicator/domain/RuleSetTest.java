package dvc766.indicator.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dvc766.indicator.config.RuleSetCatalog;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleSetTest {

    static final RuleSet RS = RuleSetCatalog.load("dvcqg-2026");

    @Test
    void theDefaultRuleSetHoldsTheWholeIndex() {
        assertThat(RS.indicators()).hasSize(24);
        assertThat(RS.groups()).extracting(RuleSet.Group::code).containsExactly("CKMB", "TDGQ", "CLGQ", "TTTT", "MDSH", "MDHL");
        assertThat(RS.groups().stream().map(RuleSet.Group::max).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("100");
        assertThat(RS.indicators().stream().filter(i -> i.rule() != RuleSet.Rule.SHOWN)).hasSize(21);
        assertThat(RS.indicator("PUBLIC_CONTENT_FULL").orElseThrow().appliesTo("DISTRICT")).isFalse();
        assertThat(RS.indicator("E_CERTIFIED_COPY").orElseThrow().appliesTo("DEPARTMENT")).isFalse();
        assertThat(RS.indicator("E_CERTIFIED_COPY").orElseThrow().appliesTo("COMMUNE")).isTrue();
        assertThat(RS.indicator("DOSSIER_SATISFACTION").orElseThrow().threshold()).isEqualByComparingTo("0.90");
        assertThat(RS.bands()).extracting(RuleSet.Band::name).containsExactly("Xuất sắc", "Tốt", "Khá", "Trung bình", "Yếu");
        assertThat(RS.deadlines().publishWorkingDaysBeforeEffective()).containsEntry("PROVINCE", 5).containsEntry("MINISTRY", 20);
        assertThat(RS.deadlines().petitionAnswerWorkingDays()).isEqualTo(15);
    }

    @Test
    void everyProblemOfABrokenRuleSetIsNamed() {
        List<RuleSet.IndicatorDef> indicators = new ArrayList<>(RS.indicators());
        RuleSet.IndicatorDef first = indicators.get(0);
        // a duplicate, a THRESHOLD without threshold, an unknown group, an unknown ratioTimes
        indicators.add(first);
        indicators.set(1, new RuleSet.IndicatorDef("PUBLIC_UPDATE_ON_TIME", "CKMB", "x", BigDecimal.valueOf(4), RuleSet.Rule.THRESHOLD, null,
                List.of("PROVINCE"), null, null));
        indicators.set(2, new RuleSet.IndicatorDef("PUBLIC_CONTENT_FULL", "NOPE", "x", BigDecimal.valueOf(2), RuleSet.Rule.LINEAR, null,
                List.of("PROVINCE"), null, "MISSING"));
        List<RuleSet.Band> bands = List.of(new RuleSet.Band("TOT", "Tốt", BigDecimal.valueOf(50)), new RuleSet.Band("XUAT_SAC", "Xuất sắc",
                BigDecimal.valueOf(90)));
        RuleSet broken = new RuleSet(RS.id(), 1, RS.name(), null, RS.levels(), RS.whenEmpty(), null, RS.groups(), indicators, bands,
                RS.deadlines());
        List<String> problems = RuleSetValidator.problems(broken);
        assertThat(problems).anyMatch(p -> p.contains("notApplicable"))
                .anyMatch(p -> p.contains("duplicate indicator"))
                .anyMatch(p -> p.contains("(PUBLIC_UPDATE_ON_TIME).threshold"))
                .anyMatch(p -> p.contains("(PUBLIC_CONTENT_FULL).group"))
                .anyMatch(p -> p.contains("(PUBLIC_CONTENT_FULL).ratioTimes"))
                .anyMatch(p -> p.contains("groups (CKMB).max"))
                .anyMatch(p -> p.contains("highest cut-off down"))
                .anyMatch(p -> p.contains("last band must start at 0"));
        assertThatThrownBy(() -> RuleSetValidator.validated(broken)).isInstanceOf(InvalidRuleSetException.class)
                .hasMessageContaining("rule set dvcqg-2026 is not valid");
    }

    @Test
    void aMissingRuleSetFileIsReported() {
        assertThatThrownBy(() -> RuleSetCatalog.load("no-such-set")).isInstanceOf(InvalidRuleSetException.class)
                .hasMessageContaining("no file rulesets/no-such-set.json");
    }
}
