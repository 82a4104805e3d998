package dvc766.complaint.api;

import java.time.OffsetDateTime;

/** One audited action on a PAKN. */
public record ActionView(String action, OffsetDateTime at, String actorKind, String actorSubject, String actorUnit,
                         String fromStatus, String toStatus) {}
