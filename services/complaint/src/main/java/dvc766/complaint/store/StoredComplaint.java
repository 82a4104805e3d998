package dvc766.complaint.store;

import dvc766.complaint.domain.Complaint;
import java.time.Instant;

/** A PAKN as stored: its timed state, its bookkeeping and its texts. */
public record StoredComplaint(Complaint complaint, long ref, long revision, Instant updatedAt, Instant sourceUpdatedAt,
                              boolean overdue, Instant answerDueAt, Instant nextCheckAt, String text, String answer,
                              String refusalReason, String infoNote, String raisedAgainText, String secretHash,
                              Instant personalDataErasedAt) {

    public String id() { return complaint.id(); }

    /** The same with a new timed state; texts and bookkeeping are set by the caller. */
    public StoredComplaint with(Complaint c) {
        return new StoredComplaint(c, ref, revision, updatedAt, sourceUpdatedAt, overdue, answerDueAt, nextCheckAt, text,
                answer, refusalReason, infoNote, raisedAgainText, secretHash, personalDataErasedAt);
    }
}
