package dvc766.indicator.config;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dvc766.indicator.domain.Indicators;
import dvc766.indicator.domain.InvalidRuleSetException;
import dvc766.indicator.domain.RuleSet;
import dvc766.indicator.domain.RuleSetValidator;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The rule sets this instance scores under, loaded from {@code rulesets/<id>.json} and validated when the service
 * starts: a broken rule set stops the start with every problem listed, instead of producing wrong scores.
 */
@Singleton
public class RuleSetCatalog {

    private static final Logger LOG = Logger.getLogger(RuleSetCatalog.class);
    private static final ObjectMapper JSON = new ObjectMapper().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    private final Map<String, RuleSet> active = new LinkedHashMap<>();
    private final String defaultId;

    public RuleSetCatalog(IndicatorConfig config) {
        for (String id : config.ruleSets()) active.put(id, load(id));
        if (!active.containsKey(config.defaultRuleSet())) {
            throw new IllegalStateException("dvc.indicator.default-rule-set " + config.defaultRuleSet()
                    + " is not among dvc.indicator.rule-sets " + config.ruleSets());
        }
        this.defaultId = config.defaultRuleSet();
    }

    void onStart(@Observes StartupEvent e) {
        active.values().forEach(rs -> LOG.infof("rule set %s v%d loaded: %d indicators, %d computed by the engine so far",
                rs.id(), rs.version(), rs.indicators().size(), computed(rs).size()));
    }

    /** Reads and validates a rule set from the classpath. */
    public static RuleSet load(String id) {
        String resource = "rulesets/" + id + ".json";
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) throw new InvalidRuleSetException(id, List.of("no file " + resource + " on the classpath"));
            RuleSet rs = JSON.readValue(in, RuleSet.class);
            if (!id.equals(rs.id())) throw new InvalidRuleSetException(id, List.of("id: the file " + resource + " holds rule set " + rs.id()));
            return RuleSetValidator.validated(rs);
        } catch (IOException e) {
            throw new InvalidRuleSetException(id, List.of("unreadable JSON in " + resource + ": " + e.getMessage()));
        }
    }

    public List<RuleSet> active() { return new ArrayList<>(active.values()); }

    public Optional<RuleSet> find(String id) { return Optional.ofNullable(active.get(id)); }

    public RuleSet defaultRuleSet() { return active.get(defaultId); }

    /** The indicators of the rule set that the engine computes today. */
    public static Set<String> computed(RuleSet rs) {
        Set<String> out = new HashSet<>();
        rs.indicators().forEach(i -> { if (Indicators.COMPUTED.contains(i.code())) out.add(i.code()); });
        return out;
    }
}
