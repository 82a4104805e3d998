package dvc766.publication.domain;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/**
 * A score change this service has applied (and recorded in its history as row {@code id}): what the live stream
 * tells its listeners. Listeners read the full scorecard from the API when they need more.
 */
public record ScoreChange(
        long id,
        String unitCode,
        String period,
        String ruleSet,
        long version,
        BigDecimal total,
        String band,
        OffsetDateTime asOf) {}
