package dvc766.ingestion.store;

import dvc766.ingestion.domain.Effect;
import dvc766.ingestion.domain.Outcome;
import dvc766.ingestion.domain.Violation;
import java.util.List;
import java.util.UUID;

/** What became of one object: the HTTP status it earns (201, 200, 400, 403, 422), its effect or its errors. */
public record ItemResult(Integer index, String key, UUID submissionId, int status, Outcome outcome, Effect effect,
        List<Violation> errors) {}
