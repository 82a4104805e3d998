package dvc766.ingestion.store;

import java.util.UUID;

/** A new state to write, its new revision and the submission that brought it. */
public record Change<T>(T state, long revision, UUID submissionId) {}
