package dvc766.ingestion.store;

/** A stored current state with ingestion's revision counter. */
public record Stored<T>(T state, long revision) {}
