package dvc766.complaint.domain;

/** What a PAKN is about (index-766 PETITION_CLASSIFICATION). */
public enum Category {
    /** About regulations and administrative procedures (TTHC). */
    TTHC_REGULATION,
    /** About the conduct of officials. */
    OFFICIAL_CONDUCT
}
