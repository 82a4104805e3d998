package dvc766.complaint.api;

import java.time.OffsetDateTime;

/** One PAKN on an official's work list. */
public record OfficialItem(String id, String channel, String unitCode, String category, String status,
                           String procedureCode, String dossierCode, OffsetDateTime receivedAt, OffsetDateTime answerDueAt,
                           boolean overdue, String text, OffsetDateTime updatedAt, long revision) {}
