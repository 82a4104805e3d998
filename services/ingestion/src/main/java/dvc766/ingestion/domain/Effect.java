package dvc766.ingestion.domain;

/** What an accepted submission did to the stored state. Only CREATED and UPDATED emit an event. */
public enum Effect {
    CREATED, UPDATED, UNCHANGED, STALE;

    public boolean changesState() { return this == CREATED || this == UPDATED; }
}
