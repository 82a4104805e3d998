package dvc766.complaint.messaging;

import dvc766.common.calendar.HolidayYear;
import dvc766.complaint.store.ComplaintStore;
import dvc766.complaint.store.WorkingDays;
import dvc766.contracts.events.CloudEvent;
import dvc766.contracts.events.EventType;
import dvc766.contracts.events.HolidayYearData;
import dvc766.kit.events.EventJson;
import dvc766.kit.inbox.ProcessedEvents;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Locale;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Applies calendar years an administrator replaced (dvc.calendar.v1), so PAKN deadlines run on the same calendar as
 * the indicator engine. Each instance reads the topic in its own consumer group (every instance needs every year);
 * revisions make re-reading harmless. Every open PAKN is then evaluated again by the overdue scheduler.
 */
@ApplicationScoped
public class CalendarIntake {

    private static final Logger LOG = Logger.getLogger(CalendarIntake.class);

    private final WorkingDays workingDays;
    private final ComplaintStore store;
    private final ProcessedEvents processed;

    public CalendarIntake(WorkingDays workingDays, ComplaintStore store, ProcessedEvents processed) {
        this.workingDays = workingDays;
        this.store = store;
        this.processed = processed;
    }

    @Incoming("calendar")
    @Blocking
    public void receive(ConsumerRecord<String, String> record) {
        HolidayYear year;
        long revision;
        try {
            CloudEvent<HolidayYearData> e = EventJson.read(record.value(), HolidayYearData.class);
            if (!EventType.HOLIDAY_YEAR_REPLACED.type().equals(e.type()) || e.data() == null) {
                throw new IllegalArgumentException("not a " + EventType.HOLIDAY_YEAR_REPLACED.type() + " event");
            }
            year = toYear(e.data());
            revision = e.data().revision();
        } catch (RuntimeException ex) {
            LOG.warnf("calendar event rejected (key %s): %s", record.key(), ex.getMessage());
            processed.reject("complaint-calendar", record.topic(), record.key(), String.valueOf(record.value()),
                    String.valueOf(ex.getMessage()));
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            if (workingDays.replace(year, revision)) {
                int n = store.recheckOpen(Instant.now());
                LOG.infof("calendar year %d (revision %d) applied; %d open PAKN to evaluate again", year.year(), revision, n);
            }
        });
    }

    static HolidayYear toYear(HolidayYearData d) {
        return new HolidayYear(d.year(), HolidayYear.Status.valueOf(d.status().toUpperCase(Locale.ROOT)), d.source(),
                d.daysOff().stream().map(o -> new HolidayYear.DayOff(o.date(), o.name(),
                        HolidayYear.Kind.valueOf(o.kind()))).toList(),
                d.makeUpWorkingDays() == null ? java.util.List.of() : d.makeUpWorkingDays().stream()
                        .map(m -> new HolidayYear.MakeUpWorkingDay(m.date(), m.note())).toList());
    }
}
