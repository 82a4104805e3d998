package dvc766.indicator.store;

import dvc766.common.calendar.LegalTimeUnit;
import dvc766.contracts.events.DossierData;
import dvc766.contracts.events.ProcedureData;
import dvc766.indicator.domain.DossierFacts;
import dvc766.indicator.domain.ProcedureFacts;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

/** Maps the events' data to the domain's facts. */
public final class Facts {

    private Facts() {}

    public static DossierFacts dossier(DossierData d) {
        List<DossierFacts.Supplement> supplements = d.supplements() == null ? List.of()
                : d.supplements().stream().filter(s -> s != null)
                        .map(s -> new DossierFacts.Supplement(instant(s.requestedAt()), instant(s.returnedAt()))).toList();
        return new DossierFacts(d.code(), d.procedureCode(), d.unitCode(), d.channel(), instant(d.receivedAt()), instant(d.dueAt()),
                d.status(), instant(d.finishedAt()), d.finishKind(), supplements, instant(d.syncedAt()), d.eResult(),
                d.inputsDigitized(), d.reusedData(), d.personalStoreLinked(), d.populationDataUsed(), d.feeAmount(),
                instant(d.paidOnlineAt()), d.rating());
    }

    public static ProcedureFacts procedure(ProcedureData p) {
        return new ProcedureFacts(p.code(), legalTime(p.legalTime() == null ? null : p.legalTime().amount(),
                p.legalTime() == null ? null : p.legalTime().unit()), p.paperResult());
    }

    static ProcedureFacts.LegalTime legalTime(Integer amount, String unit) {
        if (amount == null || unit == null) return null;
        try {
            return new ProcedureFacts.LegalTime(amount, LegalTimeUnit.valueOf(unit));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
