package dvc766.ingestion.domain;

import static dvc766.ingestion.domain.Checks.instant;

import dvc766.common.calendar.LegalTimeUnit;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.TreeSet;

/** The rules a procedure must meet. */
public final class ProcedureRules {

    /** Ten years in the longest unit is already absurd; the bound catches typos and overflow. */
    static final int MAX_LEGAL_TIME = 3660;

    private ProcedureRules() {}

    public static Procedure validate(ProcedureDraft d, String prefix, Violations v) {
        int before = v.list().size();
        String code = Checks.code(d.code(), prefix + "code", v);
        Checks.required(d.code(), prefix + "code", v);
        String name = Checks.text(d.name(), prefix + "name", v);
        Checks.required(d.name(), prefix + "name", v);
        String field = Checks.text(d.field(), prefix + "field", v);

        List<String> unitCodes = null;
        if (Checks.required(d.unitCodes(), prefix + "unitCodes", v)) {
            if (d.unitCodes().isEmpty()) v.add(prefix + "unitCodes", "minItems", "must name at least one unit");
            TreeSet<String> seen = new TreeSet<>();
            for (int i = 0; i < d.unitCodes().size(); i++) {
                String at = prefix + "unitCodes[" + i + "]";
                String u = Checks.code(d.unitCodes().get(i), at, v);
                if (u != null && !seen.add(u)) v.add(at, "uniqueItems", "is listed twice");
            }
            unitCodes = List.copyOf(seen);
        }
        List<ApplicantType> applicants = Checks.allOf(ApplicantType.class, d.applicantTypes(), prefix + "applicantTypes", v);
        if (Checks.required(d.applicantTypes(), prefix + "applicantTypes", v) && d.applicantTypes().isEmpty()) {
            v.add(prefix + "applicantTypes", "minItems", "must name at least one applicant type");
        }
        OnlineLevel online = Checks.oneOf(OnlineLevel.class, d.onlineLevel(), prefix + "onlineLevel", v);
        Checks.required(d.onlineLevel(), prefix + "onlineLevel", v);

        Procedure.LegalTime legalTime = null;
        if (Checks.required(d.legalTime(), prefix + "legalTime", v)) {
            String at = prefix + "legalTime.";
            Integer amount = d.legalTime().amount();
            if (Checks.required(amount, at + "amount", v) && (amount < 1 || amount > MAX_LEGAL_TIME)) {
                v.add(at + "amount", "range", "must be between 1 and " + MAX_LEGAL_TIME);
            }
            LegalTimeUnit unit = Checks.oneOf(LegalTimeUnit.class, d.legalTime().unit(), at + "unit", v);
            Checks.required(d.legalTime().unit(), at + "unit", v);
            if (amount != null && unit != null) legalTime = new Procedure.LegalTime(amount, unit);
        }
        List<PublicPart> parts = Checks.allOf(PublicPart.class, d.publicParts(), prefix + "publicParts", v);
        Checks.required(d.updatedAt(), prefix + "updatedAt", v);

        if (v.list().size() > before) return null;
        return new Procedure(code, name, field, unitCodes, applicants, online, bool(d.eligibleForFullOnline()),
                bool(d.feeBearing()), bool(d.paymentIntegrated()), bool(d.paperResult()), legalTime,
                parts == null ? List.of() : parts, instant(d.madePublicAt()), instant(d.updatedAt()));
    }

    public static void plausibility(Procedure p, String prefix, Instant now, Duration skew, Violations v) {
        Plausibility.notInFuture(p.updatedAt(), prefix + "updatedAt", now, skew, v);
    }

    private static boolean bool(Boolean b) { return b != null && b; }
}
