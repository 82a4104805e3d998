package dvc766.publication.watch.messaging;

import dvc766.publication.watch.config.WatchCalendar;
import dvc766.publication.watch.config.WatchConfig;
import dvc766.publication.watch.domain.AlertKind;
import dvc766.publication.watch.domain.DossierAlertPlan;
import dvc766.publication.watch.domain.DossierClock;
import dvc766.publication.watch.store.AlertStore;
import dvc766.publication.watch.store.DossierStore;
import dvc766.publication.watch.store.ScoreWatchStore;
import dvc766.publication.watch.store.SubscriptionStore;
import dvc766.publication.watch.store.UnitTree;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Turns the passing of time and score changes into alerts. Each round takes, in small transactions, the open dossiers
 * whose next alert time has come (an indexed column, FOR UPDATE SKIP LOCKED so instances share the work) and the
 * unexamined score changes, records the alerts due (once per key) with one delivery per interested subscription, and
 * sets each dossier's next alert time. Start-up catches up by itself: every time passed while down is simply due.
 */
@ApplicationScoped
public class AlertScheduler {

    private static final Logger LOG = Logger.getLogger(AlertScheduler.class);

    private final DossierStore dossiers;
    private final ScoreWatchStore scores;
    private final SubscriptionStore subscriptions;
    private final AlertStore alerts;
    private final UnitTree tree;
    private final WatchCalendar calendar;
    private final WatchConfig config;
    private final Clock clock;

    public AlertScheduler(DossierStore dossiers, ScoreWatchStore scores, SubscriptionStore subscriptions, AlertStore alerts,
            UnitTree tree, WatchCalendar calendar, WatchConfig config, Clock clock) {
        this.dossiers = dossiers;
        this.scores = scores;
        this.subscriptions = subscriptions;
        this.alerts = alerts;
        this.tree = tree;
        this.calendar = calendar;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(identity = "watch-alerts", every = "${dvc.publication.watch.tick:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void round() {
        try {
            while (dossierBatch() == config.alertBatch()) {
                // a full batch: more are due
            }
            while (scoreBatch() == config.alertBatch()) {
                // a full batch: more are waiting
            }
        } catch (RuntimeException e) {
            LOG.errorf("watch alert round failed, next round retries: %s", e.getMessage());
        }
    }

    /** Handles one batch of dossiers whose alert time has come; returns how many. */
    int dossierBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now(clock);
            List<DossierStore.Row> due = dossiers.claimDue(now, config.alertBatch());
            Map<String, String> names = tree.names(due.stream().map(DossierStore.Row::unitCode).distinct().toList());
            for (DossierStore.Row row : due) {
                DossierClock c = row.clock();
                DossierAlertPlan plan = DossierAlertPlan.at(row.code(), c, now, config.dueSoonWorkingDays(), calendar.current());
                if (plan.kind() != null) {
                    List<UUID> to = subscriptions.interestedIn(plan.kind(), tree.ancestorsOrSelf(row.unitCode())).stream()
                            .map(SubscriptionStore.Subscription::id).toList();
                    if (!to.isEmpty()) {
                        Integer left = plan.kind() == AlertKind.DUE_SOON
                                ? DossierClock.workingDaysLeft(now, c.deadline(), calendar.current()) : null;
                        alerts.record(plan.alertKey(), plan.kind(), row.unitCode(), id -> AlertBodies.write(
                                new AlertBodies.DossierAlert(AlertBodies.id(id), plan.kind().name(), AlertBodies.time(now),
                                        row.unitCode(), names.get(row.unitCode()),
                                        new AlertBodies.Dossier(row.code(), row.procedureCode(), AlertBodies.time(row.receivedAt()),
                                                AlertBodies.time(c.deadline()), left,
                                                plan.reason() == null ? null : plan.reason().name()))), to);
                    }
                }
                dossiers.setNextAlert(row.code(), plan.nextCheckAt());
            }
            return due.size();
        });
    }

    /** Examines one batch of published score changes for falls; returns how many. */
    int scoreBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now(clock);
            List<ScoreWatchStore.Change> changes = scores.claimChanges(config.alertBatch());
            List<Long> examined = new ArrayList<>();
            for (ScoreWatchStore.Change ch : changes) {
                examined.add(ch.historyId());
                if (ch.previousTotal() == null || ch.total().compareTo(ch.previousTotal()) >= 0) continue;
                BigDecimal fall = ch.previousTotal().subtract(ch.total());
                Set<String> ancestors = tree.ancestorsOrSelf(ch.unitCode());
                List<UUID> to = subscriptions.interestedIn(AlertKind.SCORE_FALL, ancestors).stream()
                        .filter(s -> fall.compareTo(s.minFall()) >= 0)
                        .map(SubscriptionStore.Subscription::id).toList();
                if (to.isEmpty()) continue;
                String name = tree.names(List.of(ch.unitCode())).get(ch.unitCode());
                String key = "SCORE_FALL/" + ch.unitCode() + "/" + ch.period() + "/" + ch.ruleSet() + "/" + ch.version();
                alerts.record(key, AlertKind.SCORE_FALL, ch.unitCode(), id -> AlertBodies.write(new AlertBodies.ScoreAlert(
                        AlertBodies.id(id), AlertKind.SCORE_FALL.name(), AlertBodies.time(now), ch.unitCode(), name,
                        new AlertBodies.Score(ch.period(), ch.ruleSet(), ch.version(), ch.total(), ch.band(),
                                AlertBodies.time(ch.asOf()), ch.previousVersion(), ch.previousTotal(), fall.negate()))), to);
            }
            scores.examined(examined);
            return changes.size();
        });
    }
}
