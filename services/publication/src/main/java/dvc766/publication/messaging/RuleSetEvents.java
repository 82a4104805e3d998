package dvc766.publication.messaging;

import dvc766.publication.domain.RuleSetDocument;
import dvc766.publication.store.RuleSetDocuments;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the rule set documents announced on {@code dvc.rulesets.v1}, the highest version of each, so the public API
 * serves their thresholds, rules, levels, bands and deadlines. The lock is taken under the rule set's id in the unit
 * lock space: the version-guarded upsert needs none, the shared intake takes one per event.
 */
@ApplicationScoped
public class RuleSetEvents {

    private final EventIntake intake;
    private final EventIntake.Handler<RuleSetDocument> handler;

    public RuleSetEvents(EventIntake intake, RuleSetDocuments documents) {
        this.intake = intake;
        this.handler = new EventIntake.Handler<>(EventMapper::ruleSet, d -> "rule-set/" + d.id(),
                (eventId, d) -> documents.apply(d, eventId));
    }

    @Incoming("rulesets")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        intake.process(records, handler);
    }
}
