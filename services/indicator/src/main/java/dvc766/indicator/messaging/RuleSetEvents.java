package dvc766.indicator.messaging;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dvc766.contracts.events.EventType;
import dvc766.contracts.events.RuleSetData;
import dvc766.indicator.config.RuleSetCatalog;
import dvc766.indicator.domain.RuleSet;
import dvc766.kit.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

/**
 * Announces a stored rule set on {@code dvc.rulesets.v1} through the outbox, so publication can serve its definitions
 * (thresholds, rules, levels, bands, deadlines) on the public path. Called inside the transaction that stores it.
 */
@ApplicationScoped
public class RuleSetEvents {

    // big decimals keep a threshold written 0.90 as 0.90 in the event
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);
    private static final TypeReference<Map<String, Object>> DOCUMENT = new TypeReference<>() {};

    private final Outbox outbox;

    public RuleSetEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void stored(RuleSet rs, Instant storedAt) {
        outbox.append(EventType.RULE_SET_STORED, rs.id(), toData(rs, storedAt));
    }

    static RuleSetData toData(RuleSet rs, Instant storedAt) {
        try {
            Map<String, Object> document = JSON.readValue(RuleSetCatalog.write(rs), DOCUMENT);
            return new RuleSetData(rs.id(), rs.version(), document, storedAt.atOffset(ZoneOffset.UTC));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot re-read rule set " + rs.id(), e);
        }
    }
}
