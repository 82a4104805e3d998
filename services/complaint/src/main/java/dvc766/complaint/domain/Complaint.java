package dvc766.complaint.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The timed state of a PAKN: what the deadlines and the events need (index-766 §10, §11), never personal data.
 * {@code unitCode} is the unit currently competent. Immutable; the {@code with…} methods give the next state.
 */
public record Complaint(String id, Channel channel, String unitCode, Category category, String procedureCode,
                        String dossierCode, Instant receivedAt, List<Transfer> transfers, List<InfoRequest> infoRequests,
                        Instant refusedAt, Instant answeredAt, Instant publishedAt, Instant withdrawnAt, Rating rating,
                        boolean raisedAgain, Status status) {

    public Complaint {
        transfers = List.copyOf(transfers);
        infoRequests = List.copyOf(infoRequests);
    }

    /** A PAKN just received on the portal. */
    public static Complaint received(String id, String unitCode, Category category, String procedureCode,
            String dossierCode, Instant at) {
        return new Complaint(id, Channel.PORTAL, unitCode, category, procedureCode, dossierCode, at, List.of(), List.of(),
                null, null, null, null, null, false, Status.RECEIVED);
    }

    /** Answered, refused or withdrawn (index-766 §11 "closed"). */
    public boolean closed() {
        return refusedAt != null || answeredAt != null || withdrawnAt != null;
    }

    public Complaint withStatus(Status s) {
        return new Complaint(id, channel, unitCode, category, procedureCode, dossierCode, receivedAt, transfers,
                infoRequests, refusedAt, answeredAt, publishedAt, withdrawnAt, rating, raisedAgain, s);
    }

    Complaint transferred(Instant at, String to) {
        List<Transfer> t = new ArrayList<>(transfers);
        t.add(new Transfer(at, unitCode, to));
        return new Complaint(id, channel, to, category, procedureCode, dossierCode, receivedAt, t, infoRequests,
                refusedAt, answeredAt, publishedAt, withdrawnAt, rating, raisedAgain, Status.TRANSFERRED);
    }

    Complaint infoRequested(Instant at) {
        List<InfoRequest> r = new ArrayList<>(infoRequests);
        r.add(new InfoRequest(at, null));
        return new Complaint(id, channel, unitCode, category, procedureCode, dossierCode, receivedAt, transfers, r,
                refusedAt, answeredAt, publishedAt, withdrawnAt, rating, raisedAgain, Status.INFO_REQUESTED);
    }

    Complaint infoReturned(Instant at) {
        List<InfoRequest> r = new ArrayList<>(infoRequests);
        int last = r.size() - 1;
        r.set(last, new InfoRequest(r.get(last).requestedAt(), at));
        return new Complaint(id, channel, unitCode, category, procedureCode, dossierCode, receivedAt, transfers, r,
                refusedAt, answeredAt, publishedAt, withdrawnAt, rating, raisedAgain, Status.ACCEPTED);
    }

    Complaint refused(Instant at) {
        return new Complaint(id, channel, unitCode, category, procedureCode, dossierCode, receivedAt, transfers,
                infoRequests, at, answeredAt, publishedAt, withdrawnAt, rating, raisedAgain, Status.REFUSED);
    }

    Complaint answered(Instant at) {
        return new Complaint(id, channel, unitCode, category, procedureCode, dossierCode, receivedAt, transfers,
                infoRequests, refusedAt, at, publishedAt, withdrawnAt, rating, raisedAgain, Status.ANSWERED);
    }

    Complaint published(Instant at) {
        return new Complaint(id, channel, unitCode, category, procedureCode, dossierCode, receivedAt, transfers,
                infoRequests, refusedAt, answeredAt, at, withdrawnAt, rating, raisedAgain, Status.PUBLISHED);
    }

    Complaint rated(Rating r, boolean again) {
        return new Complaint(id, channel, unitCode, category, procedureCode, dossierCode, receivedAt, transfers,
                infoRequests, refusedAt, answeredAt, publishedAt, withdrawnAt, r, again, status);
    }
}
