package dvc766.complaint.api;

import dvc766.complaint.domain.Complaint;
import dvc766.complaint.domain.Status;
import dvc766.complaint.store.ActionLog;
import dvc766.complaint.store.StoredComplaint;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.List;

/** Stored PAKN to response records; every time in Vietnam's offset (+07:00). */
final class Views {

    private static final ZoneId VN = ZoneId.of("Asia/Ho_Chi_Minh");

    private Views() {}

    static OffsetDateTime t(Instant i) {
        return i == null ? null : OffsetDateTime.ofInstant(i, VN);
    }

    static CitizenView citizen(StoredComplaint s) {
        Complaint c = s.complaint();
        return new CitizenView(c.id(), c.unitCode(), c.category().name(), c.status().name(), t(c.receivedAt()),
                c.closed() ? null : t(s.answerDueAt()), c.status() == Status.INFO_REQUESTED ? s.infoNote() : null,
                t(c.refusedAt()), s.refusalReason(), t(c.answeredAt()), s.answer(), t(c.publishedAt()),
                c.rating() == null ? null : c.rating().name(), c.raisedAgain());
    }

    static OpenDataItem open(StoredComplaint s) {
        Complaint c = s.complaint();
        return new OpenDataItem(s.ref(), c.unitCode(), c.category().name(), c.channel().name(), c.status().name(),
                t(c.receivedAt()), t(c.answeredAt()), t(c.publishedAt()), c.publishedAt() != null ? s.answer() : null,
                s.overdue());
    }

    static OfficialItem item(StoredComplaint s) {
        Complaint c = s.complaint();
        return new OfficialItem(c.id(), c.channel().name(), c.unitCode(), c.category().name(), c.status().name(),
                c.procedureCode(), c.dossierCode(), t(c.receivedAt()), t(s.answerDueAt()), s.overdue(), s.text(),
                t(s.updatedAt()), s.revision());
    }

    static OfficialDetail detail(StoredComplaint s, String infoReply, ContactDto contact, List<ActionLog.Entry> actions) {
        Complaint c = s.complaint();
        return new OfficialDetail(c.id(), c.channel().name(), c.unitCode(), c.category().name(), c.status().name(),
                c.procedureCode(), c.dossierCode(), t(c.receivedAt()),
                c.transfers().stream().map(x -> new TransferDto(t(x.at()), x.fromUnitCode(), x.toUnitCode())).toList(),
                c.infoRequests().stream().map(r -> new InfoRequestDto(t(r.requestedAt()), t(r.returnedAt()))).toList(),
                t(c.refusedAt()), t(c.answeredAt()), t(c.publishedAt()), t(c.withdrawnAt()),
                c.rating() == null ? null : c.rating().name(), c.raisedAgain(), t(s.answerDueAt()), s.overdue(),
                s.text(), s.answer(), s.refusalReason(), s.infoNote(), infoReply, s.raisedAgainText(), contact,
                t(s.personalDataErasedAt()), t(s.updatedAt()), s.revision(),
                actions.stream().map(a -> new ActionView(a.action(), t(a.at()), a.actorKind(), a.actorSubject(),
                        a.actorUnit(), a.fromStatus(), a.toStatus())).toList());
    }
}
