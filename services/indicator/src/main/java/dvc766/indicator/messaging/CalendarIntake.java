package dvc766.indicator.messaging;

import dvc766.contracts.events.CloudEvent;
import dvc766.contracts.events.EventType;
import dvc766.contracts.events.HolidayYearData;
import dvc766.kit.events.EventJson;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Consumes {@code dvc.calendar.v1} so that every instance applies a year replaced on another one. Each instance reads
 * the topic with its own consumer group (every instance must see every event); applying is idempotent (a year is kept
 * only with a higher revision), so redelivery and replays from the start change nothing.
 */
@ApplicationScoped
public class CalendarIntake {

    private static final Logger LOG = Logger.getLogger(CalendarIntake.class);

    private final HolidayAdmin admin;

    public CalendarIntake(HolidayAdmin admin) {
        this.admin = admin;
    }

    @Incoming("calendar")
    @Blocking
    public void onHolidayYear(ConsumerRecord<String, String> record) {
        try {
            CloudEvent<HolidayYearData> e = EventJson.read(record.value(), HolidayYearData.class);
            if (e == null || e.data() == null || !EventType.HOLIDAY_YEAR_REPLACED.type().equals(e.type())) {
                LOG.warnf("calendar event ignored (key %s): not a %s", record.key(), EventType.HOLIDAY_YEAR_REPLACED.type());
                return;
            }
            admin.apply(e.data());
        } catch (RuntimeException ex) {
            // a broken announcement must not stop the stream; the database (shared by the instances) stays the truth
            LOG.warnf("calendar event ignored (key %s): %s", record.key(), ex.getMessage());
        }
    }
}
