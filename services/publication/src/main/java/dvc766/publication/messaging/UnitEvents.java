package dvc766.publication.messaging;

import dvc766.publication.domain.Unit;
import dvc766.publication.store.ScorecardStore;
import dvc766.publication.store.UnitStore;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Keeps the unit tree from {@code dvc.units.v1}; a newer revision replaces the held one and its copies on scorecards. */
@ApplicationScoped
public class UnitEvents {

    private final EventIntake intake;
    private final EventIntake.Handler<Unit> handler;

    public UnitEvents(EventIntake intake, UnitStore units, ScorecardStore scorecards) {
        this.intake = intake;
        this.handler = new EventIntake.Handler<>(EventMapper::unit, Unit::code, (eventId, unit) -> {
            if (units.upsert(unit)) scorecards.refreshUnit(unit);
        });
    }

    @Incoming("units")
    @Blocking
    public void consume(ConsumerRecords<String, String> records) {
        intake.process(records, handler);
    }
}
