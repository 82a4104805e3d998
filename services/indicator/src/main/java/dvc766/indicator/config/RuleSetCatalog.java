package dvc766.indicator.config;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dvc766.indicator.domain.Indicators;
import dvc766.indicator.domain.InvalidRuleSetException;
import dvc766.indicator.domain.RuleSet;
import dvc766.indicator.domain.RuleSetValidator;
import dvc766.indicator.messaging.RuleSetEvents;
import dvc766.indicator.store.RuleSetStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The rule sets this instance scores under. They live in the database (table {@code rule_set}): the bundled ones
 * ({@code rulesets/<id>.json} for the ids in {@code dvc.indicator.rule-sets}) are validated and seeded at start, an
 * administrator stores more with {@code PUT /api/v1/admin/rulesets/{id}}. Every stored rule set is active: scores are
 * kept under each, side by side. The in-memory copy follows the table ({@link #refreshIfChanged}, called by the
 * scheduler every second, so another instance's store reaches this one within about a second).
 */
@Singleton
@Startup
public class RuleSetCatalog {

    private static final Logger LOG = Logger.getLogger(RuleSetCatalog.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).setSerializationInclusion(JsonInclude.Include.NON_NULL)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private record Snapshot(long revision, Map<String, RuleSet> byId) {}

    private final RuleSetStore store;
    private final IndicatorConfig config;
    private final Clock clock;
    private volatile Snapshot snapshot;

    public RuleSetCatalog(RuleSetStore store, IndicatorConfig config, RuleSetEvents events, Clock clock) {
        this.store = store;
        this.config = config;
        this.clock = clock;
        if (!config.ruleSets().contains(config.defaultRuleSet())) {
            throw new IllegalStateException("dvc.indicator.default-rule-set " + config.defaultRuleSet()
                    + " is not among the bundled dvc.indicator.rule-sets " + config.ruleSets());
        }
        // a broken bundled rule set stops the start with every problem listed, instead of producing wrong scores
        List<RuleSet> bundled = config.ruleSets().stream().map(RuleSetCatalog::load).toList();
        QuarkusTransaction.requiringNew().run(() -> bundled.forEach(rs -> {
            Instant now = clock.instant();
            if (store.seed(rs.id(), rs.version(), write(rs), now)) {
                events.stored(rs, now);
                LOG.infof("rule set %s v%d seeded", rs.id(), rs.version());
            }
        }));
        reload();
        snapshot.byId().values().forEach(rs -> LOG.infof("rule set %s v%d active: %d indicators, %d computed by the engine so far",
                rs.id(), rs.version(), rs.indicators().size(), computed(rs).size()));
    }

    /** Reads and validates a bundled rule set from the classpath. */
    public static RuleSet load(String id) {
        String resource = "rulesets/" + id + ".json";
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw InvalidRuleSetException.of(id, "$", "exists", "no file " + resource + " on the classpath");
            RuleSet rs = JSON.readValue(in, RuleSet.class);
            if (!id.equals(rs.id())) throw InvalidRuleSetException.of(id, "id", "matches", "the file " + resource + " holds rule set " + rs.id());
            return RuleSetValidator.validated(rs);
        } catch (IOException e) {
            throw InvalidRuleSetException.of(id, "$", "json", "unreadable JSON in " + resource + ": " + e.getMessage());
        }
    }

    /** Parses a rule set document (unknown properties are errors); throws Jackson's exception with the JSON path. */
    public static RuleSet parse(String json) throws JsonProcessingException {
        return JSON.readValue(json, RuleSet.class);
    }

    /** The canonical JSON of a rule set, as stored. */
    public static String write(RuleSet rs) {
        try {
            return JSON.writeValueAsString(rs);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write rule set " + rs.id(), e);
        }
    }

    /** Re-reads the stored rule sets when any was stored since the last read (one cheap query otherwise). */
    public void refreshIfChanged() {
        if (store.revision() != snapshot.revision()) reload();
    }

    /** Re-reads every stored rule set; one that no longer validates (a newer engine's rule) is skipped and logged. */
    public synchronized void reload() {
        long revision = store.revision();
        Map<String, RuleSet> byId = new LinkedHashMap<>();
        for (RuleSetStore.Stored s : store.all()) {
            try {
                byId.put(s.id(), RuleSetValidator.validated(parse(s.json())));
            } catch (JsonProcessingException | InvalidRuleSetException e) {
                LOG.errorf("stored rule set %s v%d cannot be used and is skipped: %s", s.id(), s.version(), e.getMessage());
            }
        }
        if (!byId.containsKey(config.defaultRuleSet())) {
            throw new IllegalStateException("the default rule set " + config.defaultRuleSet() + " is not stored");
        }
        snapshot = new Snapshot(revision, byId);
    }

    /** Every active rule set, in id order. */
    public List<RuleSet> active() { return new ArrayList<>(snapshot.byId().values()); }

    public Optional<RuleSet> find(String id) { return Optional.ofNullable(id == null ? null : snapshot.byId().get(id)); }

    public RuleSet defaultRuleSet() { return snapshot.byId().get(config.defaultRuleSet()); }

    /** Whether the id is one of the rule sets bundled with the service (seeded at start). */
    public boolean isBundled(String id) { return config.ruleSets().contains(id); }

    /** The indicators of the rule set that the engine computes today. */
    public static Set<String> computed(RuleSet rs) {
        Set<String> out = new HashSet<>();
        rs.indicators().forEach(i -> { if (Indicators.COMPUTED.contains(i.code())) out.add(i.code()); });
        return out;
    }
}
