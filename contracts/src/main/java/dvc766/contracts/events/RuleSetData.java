package dvc766.contracts.events;

import java.time.OffsetDateTime;
import java.util.Map;

/**
 * A rule set as the indicator service stored it (seeded from its bundle or put by an administrator): the whole
 * validated document (index-766 §9: groups, indicators with rule and threshold, levels, whenEmpty/notApplicable,
 * bands, deadlines), kept as a JSON object so consumers see every field the indicator stores. {@code version} grows
 * with each change of the rule set.
 */
public record RuleSetData(
        String id,
        int version,
        Map<String, Object> document,
        OffsetDateTime storedAt) {}
