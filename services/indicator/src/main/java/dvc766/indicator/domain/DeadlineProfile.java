package dvc766.indicator.domain;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The deadline parameters a rule set scores with. Four indicators depend on them (PETITION_ON_TIME,
 * PETITION_SATISFACTION, PUBLISH_ON_TIME, PUBLIC_UPDATE_ON_TIME), so their counters are kept per profile: the PAKN part
 * and the decision part separately ({@link PetitionDeadlines#counterCode}, {@link DecisionDeadlines#counterCode}), so a
 * rule set changing only PAKN deadlines shares the decision counters. The standard deadlines (index-766: 15/2/5/2 and
 * 5/5) keep the plain codes; every other counter is shared by every rule set.
 */
public record DeadlineProfile(PetitionDeadlines petition, DecisionDeadlines decision) {

    public static final DeadlineProfile STANDARD = new DeadlineProfile(PetitionDeadlines.DEFAULT, DecisionDeadlines.DEFAULT);

    /** The indicators whose counters belong to a profile. */
    public static final Set<String> DEPENDENT = Set.of(Indicators.PETITION_ON_TIME, Indicators.PETITION_SATISFACTION,
            Indicators.PUBLISH_ON_TIME, Indicators.PUBLIC_UPDATE_ON_TIME);

    public static DeadlineProfile of(RuleSet rs) {
        RuleSet.Deadlines d = rs == null ? null : rs.deadlines();
        return new DeadlineProfile(PetitionDeadlines.of(d), DecisionDeadlines.of(d));
    }

    /** The counter code of an indicator under this profile (the plain code for the shared ones). */
    public String counterCode(String indicator) {
        return decision.counterCode(petition.counterCode(indicator));
    }

    /**
     * A unit's counts as this profile's rule sets see them: the four dependent indicators read from this profile's
     * counters, under their plain codes; the other profiles' counters left out.
     */
    public Map<String, Counts> select(Map<String, Counts> pooled) {
        Map<String, Counts> out = new HashMap<>();
        pooled.forEach((code, c) -> { if (code.indexOf('@') < 0 && !DEPENDENT.contains(code)) out.put(code, c); });
        for (String indicator : DEPENDENT) {
            Counts c = pooled.get(counterCode(indicator));
            if (c != null) out.put(indicator, c);
        }
        return out;
    }

    /** The distinct PAKN deadlines among the rule sets, in a stable order (the engine evaluates a PAKN once per each). */
    public static List<PetitionDeadlines> petitionProfiles(Collection<RuleSet> ruleSets) {
        Map<String, PetitionDeadlines> out = new TreeMap<>();
        ruleSets.forEach(rs -> { PetitionDeadlines p = of(rs).petition(); out.put(p.profile(), p); });
        return out.isEmpty() ? List.of(PetitionDeadlines.DEFAULT) : List.copyOf(out.values());
    }

    /** The distinct decision deadlines among the rule sets, in a stable order. */
    public static List<DecisionDeadlines> decisionProfiles(Collection<RuleSet> ruleSets) {
        Map<String, DecisionDeadlines> out = new TreeMap<>();
        ruleSets.forEach(rs -> { DecisionDeadlines p = of(rs).decision(); out.put(p.profile(), p); });
        return out.isEmpty() ? List.of(DecisionDeadlines.DEFAULT) : List.copyOf(out.values());
    }
}
