package dvc766.complaint.messaging;

import dvc766.complaint.store.UnitDirectory;
import dvc766.contracts.events.CloudEvent;
import dvc766.contracts.events.EventType;
import dvc766.contracts.events.UnitData;
import dvc766.kit.events.EventJson;
import dvc766.kit.inbox.ProcessedEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/** Keeps the unit tree from dvc.units.v1 (idempotent: revisions order the states, event ids skip redeliveries). */
@ApplicationScoped
public class UnitIntake {

    private static final Logger LOG = Logger.getLogger(UnitIntake.class);
    static final String CONSUMER = "complaint-units";

    private final UnitDirectory units;
    private final ProcessedEvents processed;

    public UnitIntake(UnitDirectory units, ProcessedEvents processed) {
        this.units = units;
        this.processed = processed;
    }

    @Incoming("units")
    @Blocking
    public void receive(ConsumerRecord<String, String> record) {
        CloudEvent<UnitData> e;
        try {
            e = EventJson.read(record.value(), UnitData.class);
            if (!EventType.UNIT_UPSERTED.type().equals(e.type()) || e.id() == null || e.data() == null
                    || e.data().code() == null || e.data().name() == null || e.data().level() == null) {
                throw new IllegalArgumentException("not a complete " + EventType.UNIT_UPSERTED.type() + " event");
            }
        } catch (RuntimeException ex) {
            LOG.warnf("unit event rejected (key %s): %s", record.key(), ex.getMessage());
            processed.reject(CONSUMER, record.topic(), record.key(), String.valueOf(record.value()), String.valueOf(ex.getMessage()));
            return;
        }
        CloudEvent<UnitData> event = e;
        QuarkusTransaction.requiringNew().run(() -> {
            if (processed.firstTime(CONSUMER, event.id())) units.apply(event.data());
        });
    }
}
