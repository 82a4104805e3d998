package dvc766.publication.watch.messaging;

import dvc766.common.calendar.HolidayYear;
import dvc766.contracts.events.CloudEvent;
import dvc766.contracts.events.EventType;
import dvc766.contracts.events.HolidayYearData;
import dvc766.kit.events.EventJson;
import dvc766.kit.inbox.ProcessedEvents;
import dvc766.publication.watch.config.WatchCalendar;
import dvc766.publication.watch.config.WatchConfig;
import dvc766.publication.watch.domain.DossierClock;
import dvc766.publication.watch.domain.LegalTime;
import dvc766.publication.watch.domain.OpenDossier;
import dvc766.publication.watch.store.DossierStore;
import dvc766.publication.watch.store.ProcedureLocks;
import dvc766.publication.watch.store.ProcedureStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Applies calendar years an administrator replaced (dvc.calendar.v1), so the watch counts working days like the
 * indicator engine. Every instance reads the whole topic in its own consumer group (each needs every year in memory);
 * revisions make re-reading harmless. A replaced year recomputes the deadlines of open dossiers whose legal time is in
 * working days and that were received in or the year before it, under an exclusive lock that dossier batches share.
 */
@ApplicationScoped
public class CalendarEvents {

    private static final Logger LOG = Logger.getLogger(CalendarEvents.class);

    private final WatchCalendar calendar;
    private final DossierStore dossiers;
    private final ProcedureStore procedures;
    private final ProcedureLocks locks;
    private final ProcessedEvents processed;
    private final WatchConfig config;
    private final Clock clock;

    public CalendarEvents(WatchCalendar calendar, DossierStore dossiers, ProcedureStore procedures, ProcedureLocks locks,
            ProcessedEvents processed, WatchConfig config, Clock clock) {
        this.calendar = calendar;
        this.dossiers = dossiers;
        this.procedures = procedures;
        this.locks = locks;
        this.processed = processed;
        this.config = config;
        this.clock = clock;
    }

    @Incoming("watch-calendar")
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
            LOG.warnf("watch: calendar event rejected (key %s): %s", record.key(), ex.getMessage());
            processed.reject(config.consumerName(), record.topic(), record.key(), String.valueOf(record.value()),
                    String.valueOf(ex.getMessage()));
            return;
        }
        long pause = 100;
        for (int attempt = 1; ; attempt++) {
            try {
                apply(year, revision);
                return;
            } catch (RuntimeException e) {
                LOG.errorf("watch: applying calendar year %d failed (attempt %d), retrying: %s", year.year(), attempt, e.getMessage());
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException ie) {
                    Thread.currentThread().interrupt();
                    throw e;
                }
                pause = Math.min(pause * 2, config.retryBackoffMax().toMillis());
            }
        }
    }

    private void apply(HolidayYear year, long revision) {
        QuarkusTransaction.requiringNew().run(() -> {
            locks.lockCalendar(true);
            WatchCalendar.Undo undo = calendar.replace(year, revision);
            if (undo == null) return;
            try {
                Instant now = Instant.now(clock);
                List<OpenDossier> affected = dossiers.openByWorkingDays(year.year());
                for (OpenDossier d : affected) {
                    LegalTime legal = procedures.legalTime(d.procedureCode()).orElse(null);
                    dossiers.updateClock(d.code(), DossierClock.of(d, legal, calendar.current()), now);
                }
                LOG.infof("watch: calendar year %d (revision %d) applied; %d open dossier deadlines recomputed",
                        year.year(), revision, affected.size());
            } catch (RuntimeException e) {
                calendar.undo(undo);
                throw e;
            }
        });
    }

    static HolidayYear toYear(HolidayYearData d) {
        return new HolidayYear(d.year(), HolidayYear.Status.valueOf(d.status().toUpperCase(Locale.ROOT)), d.source(),
                d.daysOff() == null ? null : d.daysOff().stream().map(o -> new HolidayYear.DayOff(o.date(), o.name(),
                        HolidayYear.Kind.valueOf(o.kind().toUpperCase(Locale.ROOT)))).toList(),
                d.makeUpWorkingDays() == null ? List.of() : d.makeUpWorkingDays().stream()
                        .map(m -> new HolidayYear.MakeUpWorkingDay(m.date(), m.note())).toList());
    }
}
