package dvc766.datagen;

/** A dossier's status in the agency's one-stop-shop system. */
public enum DossierStatus {
    RECEIVED, IN_PROGRESS, AWAITING_SUPPLEMENT, PROCESSED, RESULT_RETURNED, REFUSED, STOPPED, WITHDRAWN;

    public boolean finished() {
        return ordinal() >= PROCESSED.ordinal();
    }
}
