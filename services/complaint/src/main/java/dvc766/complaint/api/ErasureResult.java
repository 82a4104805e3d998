package dvc766.complaint.api;

import java.time.OffsetDateTime;

/** What an erasure removed; the PAKN itself, its times and its statistics stay. */
public record ErasureResult(String id, boolean contactErased, boolean textErased, OffsetDateTime erasedAt) {}
