package dvc766.indicator.domain;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a rule set before it is used or stored; every problem is reported, each with the JSON path of the element,
 * the rule it breaks and a message naming the element (index-766 §9).
 */
public final class RuleSetValidator {

    public static final Set<String> KNOWN_LEVELS = Set.of("PROVINCE", "DEPARTMENT", "SERVICE_CENTER", "DISTRICT", "COMMUNE");

    /**
     * Every indicator the index defines (index-766 §2, plus EARLY_PROCESSING shown apart from on time). A rule set may
     * leave some out or move points between them, but cannot name one the engine has no formula for.
     */
    public static final Set<String> KNOWN_INDICATORS = Set.of(
            "PUBLISH_ON_TIME", "PUBLIC_UPDATE_ON_TIME", "PUBLIC_CONTENT_FULL", "DOSSIER_SYNC",
            "ON_TIME_PROCESSING", "EARLY_PROCESSING", "AVG_PROCESSING_TIME",
            "ONLINE_SERVICE_PROVISION", "ONLINE_SERVICE_USAGE", "ONLINE_DOSSIER_RATE",
            "PAYMENT_INTEGRATION", "PAYMENT_USAGE", "ONLINE_PAYMENT_DOSSIER",
            "E_RESULT", "DIGITIZATION", "DATA_REUSE", "PERSONAL_STORAGE", "CITIZEN_DATA_FORMALITY", "CITIZEN_DATA_DOSSIER",
            "E_CERTIFIED_COPY",
            "PETITION_CLASSIFICATION", "PETITION_ON_TIME", "PETITION_SATISFACTION", "DOSSIER_SATISFACTION");

    /** Kinds of body for the publishing deadlines (5/20 and 5/10 working days). */
    public static final Set<String> KNOWN_BODY_KINDS = Set.of("PROVINCE", "MINISTRY");

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]*");
    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    private RuleSetValidator() {}

    /** The rule set if it is valid; otherwise an {@link InvalidRuleSetException} listing every problem. */
    public static RuleSet validated(RuleSet rs) {
        List<RuleSetViolation> v = violations(rs);
        if (!v.isEmpty()) throw new InvalidRuleSetException(rs == null || rs.id() == null ? "?" : rs.id(), v);
        return rs;
    }

    /** Every problem as "field: message". */
    public static List<String> problems(RuleSet rs) {
        return violations(rs).stream().map(RuleSetViolation::toString).toList();
    }

    public static List<RuleSetViolation> violations(RuleSet rs) {
        Collector p = new Collector();
        if (rs == null) {
            p.add("$", "required", "the rule set is empty");
            return p.out;
        }
        if (rs.id() == null || !ID.matcher(rs.id()).matches()) {
            p.add("id", "format", "id is required: lower-case letters, digits and '-', at most 63 (got " + rs.id() + ")");
        }
        if (rs.version() < 1) p.add("version", "min", "version must be ≥ 1 (got " + rs.version() + ")");
        if (rs.name() == null || rs.name().isBlank()) p.add("name", "required", "name is required");
        if (rs.whenEmpty() == null) p.add("whenEmpty", "required", "whenEmpty is required: one of FULL, ZERO, EXCLUDE");
        if (rs.notApplicable() == null) p.add("notApplicable", "required", "notApplicable is required: one of FULL, ZERO, EXCLUDE");
        if (rs.levels() == null || rs.levels().isEmpty()) {
            p.add("levels", "required", "levels is required: the unit levels the rule set scores");
        } else {
            for (int i = 0; i < rs.levels().size(); i++) {
                String level = rs.levels().get(i);
                if (!KNOWN_LEVELS.contains(level)) p.add("levels[" + i + "]", "known-level", "unknown level " + level + " (known: " + sorted(KNOWN_LEVELS) + ")");
            }
        }
        Set<String> groupCodes = groups(rs, p);
        indicators(rs, groupCodes, p);
        totals(rs, p);
        bands(rs, p);
        deadlines(rs, p);
        return p.out;
    }

    private static Set<String> groups(RuleSet rs, Collector p) {
        Set<String> groupCodes = new HashSet<>();
        if (rs.groups() == null || rs.groups().isEmpty()) {
            p.add("groups", "required", "at least one group is required");
            return groupCodes;
        }
        for (int i = 0; i < rs.groups().size(); i++) {
            RuleSet.Group g = rs.groups().get(i);
            String at = "groups[" + i + "]";
            if (g == null) {
                p.add(at, "required", "group is null");
                continue;
            }
            if (g.code() == null || !CODE.matcher(g.code()).matches()) p.add(at + ".code", "format", "group code is required, upper-case (got " + g.code() + ")");
            else if (!groupCodes.add(g.code())) p.add(at + ".code", "unique", "duplicate group " + g.code());
            if (g.max() == null || g.max().signum() < 0) p.add(at + ".max", "min", "group " + g.code() + ": max is required, ≥ 0");
        }
        return groupCodes;
    }

    private static void indicators(RuleSet rs, Set<String> groupCodes, Collector p) {
        if (rs.indicators() == null || rs.indicators().isEmpty()) {
            p.add("indicators", "required", "at least one indicator is required");
            return;
        }
        Set<String> codes = new HashSet<>();
        rs.indicators().forEach(i -> { if (i != null && i.code() != null) codes.add(i.code()); });
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rs.indicators().size(); i++) {
            RuleSet.IndicatorDef ind = rs.indicators().get(i);
            String at = "indicators[" + i + "]";
            if (ind == null) {
                p.add(at, "required", "indicator is null");
                continue;
            }
            String name = ind.code() == null ? at : ind.code();
            if (ind.code() == null || !CODE.matcher(ind.code()).matches()) {
                p.add(at + ".code", "format", "indicator code is required, upper-case (got " + ind.code() + ")");
            } else if (!KNOWN_INDICATORS.contains(ind.code())) {
                p.add(at + ".code", "known-indicator", "unknown indicator " + ind.code() + ": the engine has no formula for it (known: "
                        + sorted(KNOWN_INDICATORS) + ")");
            } else if (!seen.add(ind.code())) {
                p.add(at + ".code", "unique", "duplicate indicator " + ind.code());
            }
            if (ind.group() == null || !groupCodes.contains(ind.group())) {
                p.add(at + ".group", "known-group", name + ": group must name a group of the rule set (got " + ind.group() + ")");
            }
            if (ind.max() == null || ind.max().signum() < 0) p.add(at + ".max", "min", name + ": max is required, ≥ 0");
            if (ind.rule() == null) {
                p.add(at + ".rule", "required", name + ": rule is required, one of LINEAR, THRESHOLD, SHOWN");
            } else {
                switch (ind.rule()) {
                    case THRESHOLD -> {
                        if (ind.threshold() == null || ind.threshold().signum() <= 0 || ind.threshold().compareTo(BigDecimal.ONE) > 0) {
                            p.add(at + ".threshold", "range", name + ": a THRESHOLD rule needs a threshold in (0, 1] (got "
                                    + (ind.threshold() == null ? "none" : ind.threshold().toPlainString()) + ")");
                        }
                    }
                    case LINEAR -> {
                        if (ind.threshold() != null) p.add(at + ".threshold", "absent", name + ": only a THRESHOLD rule has a threshold");
                    }
                    case SHOWN -> {
                        if (ind.max() != null && ind.max().signum() != 0) p.add(at + ".max", "shown-zero", name + ": a SHOWN indicator carries no points, max must be 0");
                        if (ind.threshold() != null) p.add(at + ".threshold", "absent", name + ": only a THRESHOLD rule has a threshold");
                    }
                }
            }
            if (ind.levels() != null) {
                if (ind.levels().isEmpty()) p.add(at + ".levels", "non-empty", name + ": leave levels out to apply everywhere; an empty list applies nowhere");
                for (int j = 0; j < ind.levels().size(); j++) {
                    String level = ind.levels().get(j);
                    if (!KNOWN_LEVELS.contains(level)) {
                        p.add(at + ".levels[" + j + "]", "known-level", name + ": unknown level " + level + " (known: " + sorted(KNOWN_LEVELS) + ")");
                    } else if (rs.levels() == null || !rs.levels().contains(level)) {
                        p.add(at + ".levels[" + j + "]", "rule-set-level", name + ": " + level + " is not a level of the rule set");
                    }
                }
            }
            if (ind.ratioTimes() != null && (!codes.contains(ind.ratioTimes()) || ind.ratioTimes().equals(ind.code()))) {
                p.add(at + ".ratioTimes", "known-indicator", name + ": ratioTimes must name another indicator of the rule set (got " + ind.ratioTimes() + ")");
            }
            if (ind.measure() == RuleSet.Measure.MEAN_HOURS && ind.rule() != RuleSet.Rule.SHOWN) {
                p.add(at + ".measure", "shown-only", name + ": a MEAN_HOURS figure is not a ratio and can only be SHOWN");
            }
        }
        if (rs.groups() == null) return;
        for (int i = 0; i < rs.groups().size(); i++) {
            RuleSet.Group g = rs.groups().get(i);
            if (g == null || g.max() == null || g.code() == null) continue;
            BigDecimal sum = rs.indicators().stream().filter(ind -> ind != null && g.code().equals(ind.group()) && ind.max() != null)
                    .map(RuleSet.IndicatorDef::max).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (sum.compareTo(g.max()) != 0) {
                p.add("groups[" + i + "].max", "sum", "group " + g.code() + ": max " + g.max().toPlainString()
                        + " differs from the sum of its indicators' max, " + sum.toPlainString());
            }
        }
    }

    /** The declared total must be what the groups add up to. */
    private static void totals(RuleSet rs, Collector p) {
        if (rs.max() == null || rs.max().signum() <= 0) {
            p.add("max", "required", "max is required: the declared total of points (> 0)");
            return;
        }
        if (rs.groups() == null) return;
        BigDecimal sum = rs.groups().stream().filter(g -> g != null && g.max() != null).map(RuleSet.Group::max)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        if (sum.compareTo(rs.max()) != 0) {
            p.add("max", "sum", "the groups' max add up to " + sum.toPlainString() + ", not to the declared total " + rs.max().toPlainString());
        }
    }

    private static void bands(RuleSet rs, Collector p) {
        if (rs.bands() == null || rs.bands().isEmpty()) {
            p.add("bands", "required", "at least one band is required");
            return;
        }
        BigDecimal previous = null;
        Set<String> bandCodes = new HashSet<>();
        for (int i = 0; i < rs.bands().size(); i++) {
            RuleSet.Band b = rs.bands().get(i);
            String at = "bands[" + i + "]";
            if (b == null) {
                p.add(at, "required", "band is null");
                continue;
            }
            if (b.code() == null || !CODE.matcher(b.code()).matches()) p.add(at + ".code", "format", "band code is required, upper-case (got " + b.code() + ")");
            else if (!bandCodes.add(b.code())) p.add(at + ".code", "unique", "duplicate band " + b.code());
            if (b.name() == null || b.name().isBlank()) p.add(at + ".name", "required", "band " + b.code() + ": name is required");
            if (b.minPercent() == null || b.minPercent().signum() < 0 || b.minPercent().compareTo(BigDecimal.valueOf(100)) > 0) {
                p.add(at + ".minPercent", "range", "band " + b.code() + ": minPercent is required, in [0, 100]");
            } else {
                if (previous != null && b.minPercent().compareTo(previous) >= 0) {
                    p.add(at + ".minPercent", "descending", "band " + b.code() + ": bands must be listed from the highest cut-off down");
                }
                previous = b.minPercent();
            }
        }
        RuleSet.Band last = rs.bands().get(rs.bands().size() - 1);
        if (last != null && last.minPercent() != null && last.minPercent().signum() != 0) {
            p.add("bands[" + (rs.bands().size() - 1) + "].minPercent", "last-zero", "the last band must start at 0 so that every total has a band");
        }
    }

    private static void deadlines(RuleSet rs, Collector p) {
        RuleSet.Deadlines d = rs.deadlines();
        if (d == null) {
            p.add("deadlines", "required", "deadlines is required (working days: publishing, public update, PAKN)");
            return;
        }
        bodyKinds("deadlines.publishWorkingDaysBeforeEffective", d.publishWorkingDaysBeforeEffective(), p);
        bodyKinds("deadlines.publicUpdateWorkingDaysAfterSigning", d.publicUpdateWorkingDaysAfterSigning(), p);
        positive("deadlines.petitionAnswerWorkingDays", d.petitionAnswerWorkingDays(), p);
        positive("deadlines.petitionRefusalWorkingDays", d.petitionRefusalWorkingDays(), p);
        positive("deadlines.petitionInfoRequestWorkingDays", d.petitionInfoRequestWorkingDays(), p);
        positive("deadlines.petitionPublishAnswerWorkingDays", d.petitionPublishAnswerWorkingDays(), p);
    }

    private static void bodyKinds(String field, Map<String, Integer> days, Collector p) {
        if (days == null || !days.keySet().containsAll(KNOWN_BODY_KINDS)) {
            p.add(field, "required", "working days are required for each kind of body " + sorted(KNOWN_BODY_KINDS));
        }
        if (days == null) return;
        days.forEach((kind, n) -> {
            if (!KNOWN_BODY_KINDS.contains(kind)) p.add(field + "." + kind, "known-kind", "unknown kind of body " + kind + " (known: " + sorted(KNOWN_BODY_KINDS) + ")");
            if (n == null || n < 0 || n > 366) p.add(field + "." + kind, "range", "working days must be in [0, 366] (got " + n + ")");
        });
    }

    private static void positive(String field, int n, Collector p) {
        if (n <= 0 || n > 366) p.add(field, "range", "working days must be in [1, 366] (got " + n + ")");
    }

    private static List<String> sorted(Set<String> s) {
        return s.stream().sorted().toList();
    }

    private static final class Collector {
        final List<RuleSetViolation> out = new ArrayList<>();

        void add(String field, String rule, String message) {
            out.add(new RuleSetViolation(field, rule, message));
        }
    }
}
