package dvc766.complaint.api;

import java.time.OffsetDateTime;

public record InfoRequestDto(OffsetDateTime requestedAt, OffsetDateTime returnedAt) {}
