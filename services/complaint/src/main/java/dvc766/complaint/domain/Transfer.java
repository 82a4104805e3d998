package dvc766.complaint.domain;

import java.time.Instant;

/** A transfer to the competent unit. */
public record Transfer(Instant at, String fromUnitCode, String toUnitCode) {}
