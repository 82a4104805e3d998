package dvc766.ingestion.api;

import dvc766.ingestion.domain.DossierDraft;
import dvc766.ingestion.domain.ProcedureDraft;
import dvc766.ingestion.domain.PublishingDecisionDraft;
import dvc766.ingestion.domain.UnitDraft;
import dvc766.ingestion.domain.Violations;
import java.util.List;

/**
 * Reads request objects into drafts. The field names here are the API: they match the request records
 * ({@link DossierRequest}, …) that document it, which a test checks.
 */
final class Readers {

    private Readers() {}

    /**
     * The object's code: in a batch item the {@code code} field; in a single write the path's code, which the body
     * may repeat but not contradict.
     */
    static String code(JsonInput in, String pathCode, Violations v) {
        String body = in.text("code");
        if (pathCode == null) return body;
        if (body != null && !body.equals(pathCode)) {
            v.add(in.path("code"), "matchesPath", "must equal the code in the path (" + pathCode + ") or be left out");
        }
        return pathCode;
    }

    static DossierDraft dossier(JsonInput in, String pathCode, Violations v) {
        String code = code(in, pathCode, v);
        List<DossierDraft.SupplementDraft> supplements = null;
        List<JsonInput> list = in.objects("supplements");
        if (list != null) {
            supplements = list.stream().map(s -> {
                if (s == null) return null;
                DossierDraft.SupplementDraft d = new DossierDraft.SupplementDraft(s.time("requestedAt"), s.time("returnedAt"));
                s.rejectUnknown();
                return d;
            }).toList();
        }
        return new DossierDraft(code, in.text("procedureCode"), in.text("unitCode"), in.text("channel"),
                in.time("receivedAt"), in.time("dueAt"), in.text("status"), in.time("finishedAt"), in.text("finishKind"),
                supplements, in.time("syncedAt"), in.bool("eResult"), in.bool("inputsDigitized"), in.bool("reusedData"),
                in.bool("personalStoreLinked"), in.bool("populationDataUsed"), in.decimal("feeAmount"),
                in.time("paidOnlineAt"), in.text("rating"), in.time("updatedAt"));
    }

    static ProcedureDraft procedure(JsonInput in, String pathCode, Violations v) {
        String code = code(in, pathCode, v);
        JsonInput lt = in.object("legalTime");
        ProcedureDraft.LegalTimeDraft legalTime = null;
        if (lt != null) {
            legalTime = new ProcedureDraft.LegalTimeDraft(lt.integer("amount"), lt.text("unit"));
            lt.rejectUnknown();
        }
        return new ProcedureDraft(code, in.text("name"), in.text("field"), in.texts("unitCodes"),
                in.texts("applicantTypes"), in.text("onlineLevel"), in.bool("eligibleForFullOnline"),
                in.bool("feeBearing"), in.bool("paymentIntegrated"), in.bool("paperResult"), legalTime,
                in.texts("publicParts"), in.time("madePublicAt"), in.time("updatedAt"));
    }

    /** A decision has no code: its key is its unit and number, both in the body, single or batch alike. */
    static PublishingDecisionDraft publishingDecision(JsonInput in, String pathCode, Violations v) {
        List<PublishingDecisionDraft.EntryDraft> entries = null;
        List<JsonInput> list = in.objects("procedures");
        if (list != null) {
            entries = list.stream().map(e -> {
                if (e == null) return null;
                PublishingDecisionDraft.EntryDraft d = new PublishingDecisionDraft.EntryDraft(e.text("procedureCode"),
                        e.text("action"), e.time("madePublicAt"));
                e.rejectUnknown();
                return d;
            }).toList();
        }
        return new PublishingDecisionDraft(in.text("unitCode"), in.text("number"), in.date("signedOn"),
                in.date("legalEffectiveOn"), entries, in.time("updatedAt"));
    }

    static UnitDraft unit(JsonInput in, String pathCode, Violations v) {
        String code = code(in, pathCode, v);
        return new UnitDraft(code, in.text("name"), in.text("level"), in.text("parentCode"), in.date("validFrom"),
                in.date("validTo"), in.date("eCertifiedCopySince"), in.time("updatedAt"));
    }
}
