package dvc766.complaint.api;

import java.time.OffsetDateTime;

/** The tracking code and the secret (shown once; needed to follow the PAKN and to rate the answer). */
public record SubmitResponse(String trackingCode, String secret, String status, String unitCode, String category,
                             OffsetDateTime receivedAt, OffsetDateTime answerDueAt) {}
