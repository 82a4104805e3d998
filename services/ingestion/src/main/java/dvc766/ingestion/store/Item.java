package dvc766.ingestion.store;

import dvc766.ingestion.domain.Violation;
import java.util.List;
import java.util.UUID;

/**
 * One object of a request after reading and validation in memory: either a valid {@code state} or the
 * {@code errors} (400) that keep it out. {@code prefix} is its JSON path in the request ("" or "items[3].").
 */
public record Item<T>(UUID submissionId, Integer index, String key, String prefix, Payload payload, T state,
        List<Violation> errors) {

    public Item {
        errors = List.copyOf(errors);
    }
}
