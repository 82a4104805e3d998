package dvc766.complaint.api;

import java.time.OffsetDateTime;

/** What the citizen who holds the secret sees of the PAKN (no contact: it is never sent back). */
public record CitizenView(String trackingCode, String unitCode, String category, String status, OffsetDateTime receivedAt,
                          OffsetDateTime answerDueAt, String informationRequested, OffsetDateTime refusedAt,
                          String refusalReason, OffsetDateTime answeredAt, String answer, OffsetDateTime publishedAt,
                          String rating, boolean raisedAgain) {}
