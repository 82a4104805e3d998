package dvc766.indicator.messaging;

import dvc766.common.calendar.HolidayYear;
import dvc766.common.period.Period;
import dvc766.contracts.events.EventType;
import dvc766.contracts.events.HolidayYearData;
import dvc766.indicator.config.CalendarHolder;
import dvc766.indicator.store.ConfigLock;
import dvc766.indicator.store.HolidayStore;
import dvc766.kit.outbox.Outbox;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Replaces a year of the working-day calendar: stores it, makes due every object whose deadline it can move (the
 * scheduler re-evaluates them and the scores follow), and announces it on {@code dvc.calendar.v1} through the outbox,
 * in one transaction under the exclusive calendar lock. Every instance (this one included) follows the stored years
 * ({@link #follow}): when it notices a changed year it swaps its calendar and makes the same objects due again, so an
 * object it evaluated with the old calendar meanwhile is evaluated again with the new one.
 */
@ApplicationScoped
public class HolidayAdmin {

    public record Replaced(long revision, int madeDue) {}

    private final HolidayStore store;
    private final CalendarHolder holder;
    private final ConfigLock lock;
    private final Outbox outbox;
    private final Clock clock;

    public HolidayAdmin(HolidayStore store, CalendarHolder holder, ConfigLock lock, Outbox outbox, Clock clock) {
        this.store = store;
        this.holder = holder;
        this.lock = lock;
        this.outbox = outbox;
        this.clock = clock;
    }

    public Replaced replace(HolidayYear year, String by) {
        Replaced out = QuarkusTransaction.requiringNew().call(() -> {
            lock.exclusive(ConfigLock.Kind.CALENDAR);
            Instant now = now();
            long revision = store.replace(year.year(), year.toJson(), by, now);
            int due = markDue(year.year(), now);
            outbox.append(EventType.HOLIDAY_YEAR_REPLACED, Integer.toString(year.year()), toData(year, revision));
            return new Replaced(revision, due);
        });
        holder.refreshIfChanged();
        return out;
    }

    /** Applies a year announced by another instance (kept only if newer), then follows the stored years. */
    public void apply(HolidayYearData data) {
        HolidayYear year = fromData(data);
        QuarkusTransaction.requiringNew().run(() -> store.applyIfNewer(year.year(), data.revision(), year.toJson(), now()));
        follow();
    }

    /**
     * Swaps in the stored years if any changed since this instance last looked, and makes their objects due. Runs under
     * the calendar lock shared, so it cannot interleave with a replacement being committed.
     */
    public void follow() {
        QuarkusTransaction.requiringNew().run(() -> {
            lock.shared(ConfigLock.Kind.CALENDAR);
            List<Integer> changed = holder.refreshIfChanged();
            Instant now = now();
            for (int y : changed) markDue(y, now);
        });
    }

    private int markDue(int year, Instant now) {
        Period p = Period.year(year);
        return store.markDue(p.start(), p.end(), now);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    static HolidayYearData toData(HolidayYear y, long revision) {
        return new HolidayYearData(y.year(), y.status().json(), y.source(),
                y.daysOff().stream().map(d -> new HolidayYearData.DayOff(d.date(), d.name(), d.kind().name())).toList(),
                y.makeUpWorkingDays().stream().map(m -> new HolidayYearData.MakeUpWorkingDay(m.date(), m.note())).toList(), revision);
    }

    static HolidayYear fromData(HolidayYearData d) {
        return new HolidayYear(d.year(), d.status() == null ? null : HolidayYear.Status.valueOf(d.status().toUpperCase(java.util.Locale.ROOT)),
                d.source(),
                d.daysOff() == null ? null : d.daysOff().stream().map(o -> new HolidayYear.DayOff(o.date(), o.name(),
                        o.kind() == null ? null : HolidayYear.Kind.valueOf(o.kind()))).toList(),
                d.makeUpWorkingDays() == null ? null : d.makeUpWorkingDays().stream().map(m -> new HolidayYear.MakeUpWorkingDay(m.date(), m.note())).toList());
    }
}
