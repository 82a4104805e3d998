package dvc766.publication.watch.messaging;

import dvc766.publication.watch.config.WatchCalendar;
import dvc766.publication.watch.domain.DossierClock;
import dvc766.publication.watch.domain.LegalTime;
import dvc766.publication.watch.domain.OpenDossier;
import dvc766.publication.watch.store.DossierStore;
import dvc766.publication.watch.store.ProcedureStore;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Keeps the watch's read models from {@code dvc.dossiers.v1} and {@code dvc.procedures.v1} (consumer group
 * {@code publication-watch}): a dossier's newer revision replaces the held one with its deadline recomputed; a change
 * of a procedure's legal time recomputes the deadlines of its open dossiers that have no appointment date. Every
 * change asks the alert scheduler to look at the dossier now.
 */
@ApplicationScoped
public class WatchEvents {

    private final WatchIntake intake;
    private final WatchIntake.Handler<OpenDossier> dossierHandler;
    private final WatchIntake.Handler<WatchEventMapper.Procedure> procedureHandler;

    public WatchEvents(WatchIntake intake, DossierStore dossiers, ProcedureStore procedures, WatchCalendar calendar, Clock clock) {
        this.intake = intake;
        this.dossierHandler = new WatchIntake.Handler<>(WatchEventMapper::dossier, OpenDossier::procedureCode, (id, d) -> {
            LegalTime legal = d.dueAt() == null ? procedures.legalTime(d.procedureCode()).orElse(null) : null;
            dossiers.upsert(d, DossierClock.of(d, legal, calendar.current()), Instant.now(clock));
        });
        this.procedureHandler = new WatchIntake.Handler<>(WatchEventMapper::procedure, WatchEventMapper.Procedure::code, (id, p) -> {
            if (!procedures.upsert(p.code(), p.legalTime(), p.revision(), p.updatedAt())) return;
            Instant now = Instant.now(clock);
            for (OpenDossier d : dossiers.openByLegalTime(p.code())) {
                dossiers.updateClock(d.code(), DossierClock.of(d, p.legalTime(), calendar.current()), now);
            }
        });
    }

    @Incoming("watch-dossiers")
    @Blocking
    public void dossiers(ConsumerRecords<String, String> records) {
        intake.process(records, dossierHandler);
    }

    @Incoming("watch-procedures")
    @Blocking
    public void procedures(ConsumerRecords<String, String> records) {
        intake.process(records, procedureHandler);
    }
}
