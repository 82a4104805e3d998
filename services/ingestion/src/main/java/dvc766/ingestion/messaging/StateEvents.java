package dvc766.ingestion.messaging;

import dvc766.contracts.events.DossierData;
import dvc766.contracts.events.EventType;
import dvc766.contracts.events.ProcedureData;
import dvc766.contracts.events.PublishingDecisionData;
import dvc766.contracts.events.UnitData;
import dvc766.ingestion.domain.Dossier;
import dvc766.ingestion.domain.Procedure;
import dvc766.ingestion.domain.PublishingDecision;
import dvc766.ingestion.domain.Unit;
import dvc766.kit.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import dvc766.ingestion.store.Change;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Announces each new state, whole, through the transactional outbox: the event exists exactly when the change
 * commits. Must be called inside the transaction that writes the state.
 */
@ApplicationScoped
public class StateEvents {

    private final Outbox outbox;

    public StateEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    /**
     * A unit comes alone (an administrator's PUT): the kit's outbox, one row. {@code edges} is its whole dated place in
     * the tree after this write, as {@code unit_edge} holds it.
     */
    public void unit(Unit u, long revision, List<UnitData.ParentEdge> edges) {
        outbox.append(EventType.UNIT_UPSERTED, u.code(), unitData(u, revision, edges));
    }

    /** Procedures and dossiers come in batches: their events are written as one JDBC batch. */
    public void procedures(List<Change<Procedure>> changes) {
        outbox.appendAll(EventType.PROCEDURE_UPSERTED, changes.stream()
                .map(ch -> new Outbox.Event(ch.state().code(), procedureData(ch.state(), ch.revision()))).toList());
    }

    public void dossiers(List<Change<Dossier>> changes) {
        outbox.appendAll(EventType.DOSSIER_UPSERTED, changes.stream()
                .map(ch -> new Outbox.Event(ch.state().code(), dossierData(ch.state(), ch.revision()))).toList());
    }

    /** Key {@code unitCode/number}: a decision's events stay in order on one partition. */
    public void publishingDecisions(List<Change<PublishingDecision>> changes) {
        outbox.appendAll(EventType.PUBLISHING_DECISION_UPSERTED, changes.stream()
                .map(ch -> new Outbox.Event(ch.state().key(), publishingDecisionData(ch.state(), ch.revision()))).toList());
    }

    public static PublishingDecisionData publishingDecisionData(PublishingDecision d, long revision) {
        return new PublishingDecisionData(d.unitCode(), d.number(), d.signedOn(), d.legalEffectiveOn(),
                d.procedures().stream().map(e -> new PublishingDecisionData.Procedure(e.procedureCode(),
                        e.action().name(), utc(e.madePublicAt()))).toList(),
                utc(d.updatedAt()), revision);
    }

    public static UnitData unitData(Unit u, long revision, List<UnitData.ParentEdge> edges) {
        return new UnitData(u.code(), u.name(), u.level().name(), u.parentCode(), u.validFrom(), u.validTo(),
                u.eCertifiedCopySince(), utc(u.updatedAt()), revision, edges);
    }

    public static ProcedureData procedureData(Procedure p, long revision) {
        return new ProcedureData(p.code(), p.name(), p.field(), p.unitCodes(),
                p.applicantTypes().stream().map(Enum::name).toList(), p.onlineLevel().name(),
                p.eligibleForFullOnline(), p.feeBearing(), p.paymentIntegrated(), p.paperResult(),
                new ProcedureData.LegalTime(p.legalTime().amount(), p.legalTime().unit().name()),
                p.publicParts().stream().map(Enum::name).toList(), utc(p.madePublicAt()), utc(p.updatedAt()), revision);
    }

    public static DossierData dossierData(Dossier d, long revision) {
        return new DossierData(d.code(), d.procedureCode(), d.unitCode(), d.channel().name(), utc(d.receivedAt()),
                utc(d.dueAt()), d.status().name(), utc(d.finishedAt()), name(d.finishKind()),
                d.supplements().stream().map(s -> new DossierData.Supplement(utc(s.requestedAt()), utc(s.returnedAt())))
                        .toList(),
                utc(d.syncedAt()), d.eResult(), d.inputsDigitized(), d.reusedData(), d.personalStoreLinked(),
                d.populationDataUsed(), d.feeAmount(), utc(d.paidOnlineAt()), name(d.rating()), utc(d.updatedAt()),
                revision);
    }

    private static OffsetDateTime utc(Instant t) {
        return t == null ? null : OffsetDateTime.ofInstant(t, ZoneOffset.UTC);
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }
}
