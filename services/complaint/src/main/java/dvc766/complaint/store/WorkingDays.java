package dvc766.complaint.store;

import dvc766.common.calendar.HolidayYear;
import dvc766.common.calendar.WorkingDayCalendar;
import dvc766.complaint.config.ComplaintConfig;
import dvc766.complaint.domain.DeadlineRules;
import dvc766.complaint.domain.Deadlines;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * The working-day calendar, the same as the indicator engine's: Vietnam's bundled calendar (common) with every year an
 * administrator replaced (dvc.calendar.v1) applied over it. The replaced years are kept in {@code holiday_year}, so a
 * restart applies them before the first deadline is computed.
 */
@ApplicationScoped
public class WorkingDays {

    private static final Logger LOG = Logger.getLogger(WorkingDays.class);

    private final DataSource ds;
    private final DeadlineRules rules;
    private final AtomicReference<WorkingDayCalendar> calendar = new AtomicReference<>(WorkingDayCalendar.vietnam());

    public WorkingDays(DataSource ds, ComplaintConfig config) {
        this.ds = ds;
        ComplaintConfig.Deadlines d = config.deadlines();
        this.rules = new DeadlineRules(d.answerDays(), d.refusalDays(), d.infoRequestDays(), d.publishDays());
    }

    void load(@Observes StartupEvent e) {
        QuarkusTransaction.requiringNew().run(() -> Jdbc.query(ds, "SELECT document FROM holiday_year ORDER BY year",
                rs -> rs.getString(1)).forEach(doc -> {
                    try {
                        calendar.updateAndGet(c -> c.withYear(HolidayYear.fromJson(doc)));
                    } catch (RuntimeException ex) {
                        LOG.errorf("stored calendar year cannot be read, bundled calendar kept: %s", ex.getMessage());
                    }
                }));
    }

    public WorkingDayCalendar calendar() { return calendar.get(); }

    public Deadlines deadlines() { return new Deadlines(calendar.get(), rules); }

    /**
     * Stores a replaced year unless a newer revision is held; returns whether it applied. The caller's transaction
     * commits it; the in-memory calendar changes at once (a rollback only leaves a year that the redelivery re-applies).
     */
    public boolean replace(HolidayYear year, long revision) {
        int n = Jdbc.update(ds, """
                INSERT INTO holiday_year (year, revision, document) VALUES (?, ?, ?)
                ON CONFLICT (year) DO UPDATE SET revision = EXCLUDED.revision, document = EXCLUDED.document, applied_at = now()
                WHERE holiday_year.revision < EXCLUDED.revision""", year.year(), revision, year.toJson());
        if (n == 0) return false;
        calendar.updateAndGet(c -> c.withYear(year));
        return true;
    }
}
