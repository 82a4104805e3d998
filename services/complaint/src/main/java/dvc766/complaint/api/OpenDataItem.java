package dvc766.complaint.api;

import java.time.OffsetDateTime;

/**
 * One PAKN on the open-data list (Open311-style): no citizen text, no contact, no tracking code; the answer only once
 * published. {@code ref} is a public serial number.
 */
public record OpenDataItem(long ref, String unitCode, String category, String channel, String status,
                           OffsetDateTime receivedAt, OffsetDateTime answeredAt, OffsetDateTime publishedAt,
                           String answer, boolean overdue) {}
