package dvc766.complaint.domain;

/** Where a PAKN was received; PORTAL = submitted on this platform, the others are imported. */
public enum Channel {
    PORTAL, NATIONAL_PAKN, PROVINCIAL_PORTAL, HOTLINE, OTHER;

    public boolean imported() { return this != PORTAL; }
}
