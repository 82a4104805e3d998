package dvc766.complaint.domain;

/** What an official of the competent unit can do to a PAKN. */
public enum Action {
    /** Take it on. */
    ACCEPT,
    /** Hand it to the competent unit; the deadlines start again (index-766 §6). */
    TRANSFER,
    /** Ask the citizen for more information; the answer deadline waits meanwhile. */
    REQUEST_INFO,
    /** Record the citizen's reply to the request for information. */
    RECORD_INFO,
    /** Refuse it, with a reason. */
    REFUSE,
    /** Answer it. */
    ANSWER,
    /** Publish the answer. */
    PUBLISH
}
