package dvc766.complaint.messaging;

import dvc766.complaint.domain.Complaint;
import dvc766.complaint.store.StoredComplaint;
import dvc766.contracts.events.ComplaintData;
import dvc766.contracts.events.EventType;
import dvc766.kit.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Announces every change of a PAKN (dvc.complaint.upserted, whole state, no personal data) through the outbox. */
@ApplicationScoped
public class ComplaintEvents {

    private final Outbox outbox;

    public ComplaintEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void announce(StoredComplaint s) {
        outbox.append(EventType.COMPLAINT_UPSERTED, s.id(), data(s));
    }

    public static ComplaintData data(StoredComplaint s) {
        Complaint c = s.complaint();
        return new ComplaintData(c.id(), c.channel().name(), c.unitCode(), c.category().name(), c.procedureCode(),
                c.dossierCode(), t(c.receivedAt()),
                c.transfers().stream().map(x -> new ComplaintData.Transfer(t(x.at()), x.fromUnitCode(), x.toUnitCode())).toList(),
                c.infoRequests().stream().map(r -> new ComplaintData.InfoRequest(t(r.requestedAt()), t(r.returnedAt()))).toList(),
                t(c.refusedAt()), t(c.answeredAt()), t(c.publishedAt()), t(c.withdrawnAt()),
                c.rating() == null ? null : c.rating().name(), c.raisedAgain(), c.status().name(), t(s.updatedAt()),
                s.revision());
    }

    private static OffsetDateTime t(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, ZoneOffset.UTC);
    }
}
