package dvc766.complaint.domain;

/** Where a PAKN stands. REFUSED, ANSWERED, PUBLISHED and WITHDRAWN close it (ANSWERED still awaits publication). */
public enum Status {
    RECEIVED, ACCEPTED, TRANSFERRED, INFO_REQUESTED, REFUSED, ANSWERED, PUBLISHED, WITHDRAWN
}
