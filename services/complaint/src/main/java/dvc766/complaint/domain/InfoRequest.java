package dvc766.complaint.domain;

import java.time.Instant;

/** A request for more information; {@code returnedAt} is null while the citizen's reply is awaited. */
public record InfoRequest(Instant requestedAt, Instant returnedAt) {

    public boolean awaited() { return returnedAt == null; }
}
