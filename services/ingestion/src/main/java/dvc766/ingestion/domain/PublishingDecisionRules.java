package dvc766.ingestion.domain;

import static dvc766.ingestion.domain.Checks.instant;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The rules a publishing decision must meet: shape (400) and plausibility against the clock (422). */
public final class PublishingDecisionRules {

    /** The event schema's bound on a decision's number, which travels in the Kafka key. */
    static final int MAX_NUMBER = 100;
    /** The event schema's bound on the procedures of one decision. */
    static final int MAX_PROCEDURES = 1000;

    private PublishingDecisionRules() {}

    public static PublishingDecision validate(PublishingDecisionDraft d, String prefix, Violations v) {
        int before = v.list().size();
        String unitCode = Checks.code(d.unitCode(), prefix + "unitCode", v);
        Checks.required(d.unitCode(), prefix + "unitCode", v);
        String number = number(d.number(), prefix + "number", v);
        Checks.required(d.number(), prefix + "number", v);
        Checks.required(d.signedOn(), prefix + "signedOn", v);
        Checks.required(d.legalEffectiveOn(), prefix + "legalEffectiveOn", v);
        Checks.required(d.updatedAt(), prefix + "updatedAt", v);

        List<PublishingDecision.Entry> entries = new ArrayList<>();
        if (Checks.required(d.procedures(), prefix + "procedures", v)) {
            if (d.procedures().isEmpty()) v.add(prefix + "procedures", "minItems", "must name at least one procedure");
            if (d.procedures().size() > MAX_PROCEDURES) {
                v.add(prefix + "procedures", "maxItems", "must name at most " + MAX_PROCEDURES + " procedures");
            }
            Map<String, Integer> seen = new HashMap<>();
            for (int i = 0; i < d.procedures().size(); i++) {
                PublishingDecisionDraft.EntryDraft e = d.procedures().get(i);
                if (e == null) continue; // already reported as not an object
                String at = prefix + "procedures[" + i + "].";
                String code = Checks.code(e.procedureCode(), at + "procedureCode", v);
                Checks.required(e.procedureCode(), at + "procedureCode", v);
                DecisionAction action = Checks.oneOf(DecisionAction.class, e.action(), at + "action", v);
                Checks.required(e.action(), at + "action", v);
                if (code != null) {
                    Integer first = seen.putIfAbsent(code, i);
                    if (first != null) {
                        v.add(at + "procedureCode", "uniqueItems", "procedure " + code + " is already procedures["
                                + first + "] of this decision");
                    }
                }
                entries.add(new PublishingDecision.Entry(code, action, instant(e.madePublicAt())));
            }
        }
        if (v.list().size() > before) return null;
        return new PublishingDecision(unitCode, number, d.signedOn(), d.legalEffectiveOn(), entries,
                instant(d.updatedAt()));
    }

    /**
     * Facts that cannot be true yet or contradict each other in time (422): a decision signed after the day it reached
     * us, a procedure made public for it before it was signed, times beyond {@code now} plus the skew tolerated.
     * {@code zone} is where the decision's dates are local days.
     */
    public static void plausibility(PublishingDecision p, String prefix, Instant now, Duration skew, ZoneId zone,
            Violations v) {
        LocalDate latest = LocalDate.ofInstant(now.plus(skew), zone);
        if (p.signedOn().isAfter(latest)) {
            v.add(prefix + "signedOn", "notInFuture", "the decision cannot be signed on " + p.signedOn()
                    + ", after the day it was received (" + LocalDate.ofInstant(now, zone) + ")");
        }
        Instant signedDayStart = p.signedOn().atStartOfDay(zone).toInstant();
        for (int i = 0; i < p.procedures().size(); i++) {
            PublishingDecision.Entry e = p.procedures().get(i);
            if (e.madePublicAt() == null) continue;
            String at = prefix + "procedures[" + i + "].madePublicAt";
            Plausibility.notInFuture(e.madePublicAt(), at, now, skew, v);
            if (e.madePublicAt().isBefore(signedDayStart)) {
                v.add(at, "notBefore", "procedure " + e.procedureCode() + " cannot be made public for this decision ("
                        + e.madePublicAt() + ") before the decision was signed (" + p.signedOn() + ")");
            }
        }
        Plausibility.notInFuture(p.updatedAt(), prefix + "updatedAt", now, skew, v);
    }

    private static String number(String value, String field, Violations v) {
        String s = Checks.text(value, field, v);
        if (s == null) return null;
        if (s.length() > MAX_NUMBER) {
            v.add(field, "maxLength", "must be at most " + MAX_NUMBER + " characters");
            return null;
        }
        if (s.chars().anyMatch(Character::isISOControl)) {
            v.add(field, "pattern", "must not contain control characters");
            return null;
        }
        return s;
    }
}
