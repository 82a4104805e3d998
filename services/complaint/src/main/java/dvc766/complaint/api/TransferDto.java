package dvc766.complaint.api;

import java.time.OffsetDateTime;

public record TransferDto(OffsetDateTime at, String fromUnitCode, String toUnitCode) {}
