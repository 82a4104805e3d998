package dvc766.publication.messaging;

import dvc766.publication.domain.PlacedScore;
import dvc766.publication.store.ScorecardStore;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the current scorecard per (unit, period, rule set) from {@code dvc.scores.v1}: a newer version replaces the
 * held one and is appended to the history; an older or equal version (reordered or redelivered) changes nothing.
 */
@ApplicationScoped
public class ScoreEvents {

    private final EventIntake intake;
    private final EventIntake.Handler<PlacedScore> handler;

    public ScoreEvents(EventIntake intake, ScorecardStore scorecards) {
        this.intake = intake;
        this.handler = new EventIntake.Handler<>(EventMapper::placedScore, PlacedScore::unitCode,
                (eventId, placed) -> scorecards.apply(placed, eventId));
    }

    @Incoming("scores")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        intake.process(records, handler);
    }
}
