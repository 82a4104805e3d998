package dvc766.indicator.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/** Checks a rule set before it is used; every problem is reported, each naming the element and the rule it breaks. */
public final class RuleSetValidator {

    public static final Set<String> KNOWN_LEVELS = Set.of("PROVINCE", "DEPARTMENT", "SERVICE_CENTER", "DISTRICT", "COMMUNE");
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private RuleSetValidator() {}

    /** The rule set if it is valid; otherwise an {@link InvalidRuleSetException} listing every problem. */
    public static RuleSet validated(RuleSet rs) {
        List<String> problems = problems(rs);
        if (!problems.isEmpty()) throw new InvalidRuleSetException(rs == null || rs.id() == null ? "?" : rs.id(), problems);
        return rs;
    }

    public static List<String> problems(RuleSet rs) {
        List<String> p = new ArrayList<>();
        if (rs == null) return List.of("the rule set is empty");
        if (rs.id() == null || !ID.matcher(rs.id()).matches()) p.add("id: required, lower-case letters, digits and '-' (got " + rs.id() + ")");
        if (rs.version() < 1) p.add("version: must be ≥ 1");
        if (rs.name() == null || rs.name().isBlank()) p.add("name: required");
        if (rs.whenEmpty() == null) p.add("whenEmpty: required, one of FULL, ZERO, EXCLUDE");
        if (rs.notApplicable() == null) p.add("notApplicable: required, one of FULL, ZERO, EXCLUDE");
        if (rs.levels() == null || rs.levels().isEmpty()) {
            p.add("levels: required, a list of unit levels");
        } else {
            for (String level : rs.levels()) {
                if (!KNOWN_LEVELS.contains(level)) p.add("levels: unknown level " + level + " (known: " + KNOWN_LEVELS + ")");
            }
        }
        Set<String> groupCodes = new HashSet<>();
        if (rs.groups() == null || rs.groups().isEmpty()) {
            p.add("groups: at least one group is required");
        } else {
            for (int i = 0; i < rs.groups().size(); i++) {
                RuleSet.Group g = rs.groups().get(i);
                String at = "groups[" + i + "]";
                if (g.code() == null || !CODE.matcher(g.code()).matches()) p.add(at + ".code: required, upper-case code");
                else if (!groupCodes.add(g.code())) p.add(at + ".code: duplicate group " + g.code());
                if (g.max() == null || g.max().signum() < 0) p.add(at + ".max: required, ≥ 0");
            }
        }
        Set<String> indicatorCodes = new HashSet<>();
        if (rs.indicators() == null || rs.indicators().isEmpty()) {
            p.add("indicators: at least one indicator is required");
        } else {
            for (RuleSet.IndicatorDef ind : rs.indicators()) {
                if (ind.code() != null) indicatorCodes.add(ind.code());
            }
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < rs.indicators().size(); i++) {
                RuleSet.IndicatorDef ind = rs.indicators().get(i);
                String at = "indicators[" + i + "]" + (ind.code() == null ? "" : " (" + ind.code() + ")");
                if (ind.code() == null || !CODE.matcher(ind.code()).matches()) p.add(at + ".code: required, upper-case code");
                else if (!seen.add(ind.code())) p.add(at + ".code: duplicate indicator");
                if (ind.group() == null || !groupCodes.contains(ind.group())) p.add(at + ".group: must name a group of the rule set (got " + ind.group() + ")");
                if (ind.max() == null || ind.max().signum() < 0) p.add(at + ".max: required, ≥ 0");
                if (ind.rule() == null) {
                    p.add(at + ".rule: required, one of LINEAR, THRESHOLD, SHOWN");
                } else {
                    switch (ind.rule()) {
                        case THRESHOLD -> {
                            if (ind.threshold() == null || ind.threshold().signum() <= 0 || ind.threshold().compareTo(BigDecimal.ONE) > 0) {
                                p.add(at + ".threshold: a THRESHOLD rule needs a threshold in (0, 1]");
                            }
                        }
                        case LINEAR -> {
                            if (ind.threshold() != null) p.add(at + ".threshold: only a THRESHOLD rule has a threshold");
                        }
                        case SHOWN -> {
                            if (ind.max() != null && ind.max().signum() != 0) p.add(at + ".max: a SHOWN indicator carries no points, max must be 0");
                            if (ind.threshold() != null) p.add(at + ".threshold: only a THRESHOLD rule has a threshold");
                        }
                    }
                }
                if (ind.levels() != null) {
                    if (ind.levels().isEmpty()) p.add(at + ".levels: leave out to apply everywhere; an empty list applies nowhere");
                    for (String level : ind.levels()) {
                        if (rs.levels() == null || !rs.levels().contains(level)) p.add(at + ".levels: " + level + " is not a level of the rule set");
                    }
                }
                if (ind.ratioTimes() != null) {
                    if (!indicatorCodes.contains(ind.ratioTimes()) || ind.ratioTimes().equals(ind.code())) {
                        p.add(at + ".ratioTimes: must name another indicator of the rule set (got " + ind.ratioTimes() + ")");
                    }
                }
                if (ind.measure() == RuleSet.Measure.MEAN_HOURS && ind.rule() != RuleSet.Rule.SHOWN) {
                    p.add(at + ".measure: a MEAN_HOURS figure is not a ratio and can only be SHOWN");
                }
            }
            if (rs.groups() != null) {
                for (RuleSet.Group g : rs.groups()) {
                    if (g.max() == null || g.code() == null) continue;
                    BigDecimal sum = rs.indicators().stream().filter(i -> g.code().equals(i.group()) && i.max() != null)
                            .map(RuleSet.IndicatorDef::max).reduce(BigDecimal.ZERO, BigDecimal::add);
                    if (sum.compareTo(g.max()) != 0) {
                        p.add("groups (" + g.code() + ").max: " + g.max().toPlainString() + " differs from the sum of its indicators' max, "
                                + sum.toPlainString());
                    }
                }
            }
        }
        if (rs.bands() == null || rs.bands().isEmpty()) {
            p.add("bands: at least one band is required");
        } else {
            BigDecimal previous = null;
            Set<String> bandCodes = new HashSet<>();
            for (int i = 0; i < rs.bands().size(); i++) {
                RuleSet.Band b = rs.bands().get(i);
                String at = "bands[" + i + "]";
                if (b.code() == null || !CODE.matcher(b.code()).matches()) p.add(at + ".code: required, upper-case code");
                else if (!bandCodes.add(b.code())) p.add(at + ".code: duplicate band");
                if (b.name() == null || b.name().isBlank()) p.add(at + ".name: required");
                if (b.minPercent() == null || b.minPercent().signum() < 0 || b.minPercent().compareTo(BigDecimal.valueOf(100)) > 0) {
                    p.add(at + ".minPercent: required, in [0, 100]");
                } else {
                    if (previous != null && b.minPercent().compareTo(previous) >= 0) p.add(at + ".minPercent: bands must be listed from the highest cut-off down");
                    previous = b.minPercent();
                }
            }
            RuleSet.Band last = rs.bands().get(rs.bands().size() - 1);
            if (last.minPercent() != null && last.minPercent().signum() != 0) p.add("bands: the last band must start at 0 so that every total has a band");
        }
        if (rs.deadlines() == null) {
            p.add("deadlines: required");
        } else {
            RuleSet.Deadlines d = rs.deadlines();
            if (d.publishWorkingDaysBeforeEffective() == null || d.publishWorkingDaysBeforeEffective().isEmpty()) {
                p.add("deadlines.publishWorkingDaysBeforeEffective: required, working days per kind of body (PROVINCE, MINISTRY)");
            } else if (d.publishWorkingDaysBeforeEffective().values().stream().anyMatch(v -> v == null || v < 0)) {
                p.add("deadlines.publishWorkingDaysBeforeEffective: values must be ≥ 0");
            }
            if (d.publicUpdateWorkingDaysAfterSigning() == null || d.publicUpdateWorkingDaysAfterSigning().isEmpty()) {
                p.add("deadlines.publicUpdateWorkingDaysAfterSigning: required, working days per kind of body (PROVINCE, MINISTRY)");
            } else if (d.publicUpdateWorkingDaysAfterSigning().values().stream().anyMatch(v -> v == null || v < 0)) {
                p.add("deadlines.publicUpdateWorkingDaysAfterSigning: values must be ≥ 0");
            }
            if (d.petitionAnswerWorkingDays() <= 0) p.add("deadlines.petitionAnswerWorkingDays: must be > 0");
            if (d.petitionRefusalWorkingDays() <= 0) p.add("deadlines.petitionRefusalWorkingDays: must be > 0");
            if (d.petitionInfoRequestWorkingDays() <= 0) p.add("deadlines.petitionInfoRequestWorkingDays: must be > 0");
            if (d.petitionPublishAnswerWorkingDays() <= 0) p.add("deadlines.petitionPublishAnswerWorkingDays: must be > 0");
        }
        return p.stream().filter(Objects::nonNull).toList();
    }
}
