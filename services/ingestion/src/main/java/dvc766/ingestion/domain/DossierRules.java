package dvc766.ingestion.domain;

import static dvc766.ingestion.domain.Checks.instant;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The rules a dossier must meet: shape (answered 400) and plausibility against the clock (answered 422). */
public final class DossierRules {

    private DossierRules() {}

    /**
     * Checks required fields, enums, codes and the rules between fields; {@code prefix} is the JSON path of the
     * dossier in the request ("" for a single write, "items[3]." in a batch). Returns null when anything failed.
     */
    public static Dossier validate(DossierDraft d, String prefix, Violations v) {
        int before = v.list().size();
        String code = Checks.code(d.code(), prefix + "code", v);
        Checks.required(d.code(), prefix + "code", v);
        String procedureCode = Checks.code(d.procedureCode(), prefix + "procedureCode", v);
        Checks.required(d.procedureCode(), prefix + "procedureCode", v);
        String unitCode = Checks.code(d.unitCode(), prefix + "unitCode", v);
        Checks.required(d.unitCode(), prefix + "unitCode", v);
        Channel channel = Checks.oneOf(Channel.class, d.channel(), prefix + "channel", v);
        Checks.required(d.channel(), prefix + "channel", v);
        Checks.required(d.receivedAt(), prefix + "receivedAt", v);
        DossierStatus status = Checks.oneOf(DossierStatus.class, d.status(), prefix + "status", v);
        Checks.required(d.status(), prefix + "status", v);
        FinishKind finishKind = Checks.oneOf(FinishKind.class, d.finishKind(), prefix + "finishKind", v);
        Rating rating = Checks.oneOf(Rating.class, d.rating(), prefix + "rating", v);
        Checks.required(d.updatedAt(), prefix + "updatedAt", v);

        // a dossier ends with a time and a kind of ending, or with neither
        if (d.finishedAt() != null && d.finishKind() == null && !v.has(prefix + "finishKind")) {
            v.add(prefix + "finishKind", "requiredWith", "is required when finishedAt is set");
        }
        if (d.finishKind() != null && d.finishedAt() == null && !v.has(prefix + "finishedAt")) {
            v.add(prefix + "finishedAt", "requiredWith", "is required when finishKind is set");
        }

        List<Dossier.Supplement> supplements = new ArrayList<>();
        List<DossierDraft.SupplementDraft> drafts = d.supplements() == null ? List.of() : d.supplements();
        for (int i = 0; i < drafts.size(); i++) {
            DossierDraft.SupplementDraft s = drafts.get(i);
            if (s == null) continue;
            String at = prefix + "supplements[" + i + "].";
            Checks.required(s.requestedAt(), at + "requestedAt", v);
            if (s.requestedAt() != null && s.returnedAt() != null && s.returnedAt().isBefore(s.requestedAt())) {
                v.add(at + "returnedAt", "notBefore", "must not be before supplements[" + i + "].requestedAt");
            }
            supplements.add(new Dossier.Supplement(instant(s.requestedAt()), instant(s.returnedAt())));
        }

        BigDecimal fee = d.feeAmount() == null ? BigDecimal.ZERO : d.feeAmount();
        if (fee.signum() < 0) v.add(prefix + "feeAmount", "minimum", "must not be negative");

        if (v.list().size() > before) return null;
        return new Dossier(code, procedureCode, unitCode, channel, instant(d.receivedAt()), instant(d.dueAt()), status,
                instant(d.finishedAt()), finishKind, supplements, instant(d.syncedAt()), bool(d.eResult()),
                bool(d.inputsDigitized()), bool(d.reusedData()), bool(d.personalStoreLinked()),
                bool(d.populationDataUsed()), fee, instant(d.paidOnlineAt()), rating, instant(d.updatedAt()));
    }

    /**
     * Facts that cannot be true yet or contradict each other in time (answered 422): times beyond {@code now} plus
     * the clock skew tolerated, an end before the start, an appointment before receipt.
     */
    public static void plausibility(Dossier d, String prefix, Instant now, Duration skew, Violations v) {
        Plausibility.notInFuture(d.receivedAt(), prefix + "receivedAt", now, skew, v);
        Plausibility.notInFuture(d.finishedAt(), prefix + "finishedAt", now, skew, v);
        Plausibility.notInFuture(d.updatedAt(), prefix + "updatedAt", now, skew, v);
        if (d.finishedAt() != null && d.finishedAt().isBefore(d.receivedAt())) {
            v.add(prefix + "finishedAt", "notBefore", "the dossier cannot finish (" + d.finishedAt()
                    + ") before it was received (" + d.receivedAt() + ")");
        }
        if (d.dueAt() != null && d.dueAt().isBefore(d.receivedAt())) {
            v.add(prefix + "dueAt", "notBefore", "the appointment date (" + d.dueAt()
                    + ") cannot be before the dossier was received (" + d.receivedAt() + ")");
        }
    }

    private static boolean bool(Boolean b) { return b != null && b; }
}
