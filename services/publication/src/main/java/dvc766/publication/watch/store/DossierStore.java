package dvc766.publication.watch.store;

import dvc766.publication.store.Sql;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import dvc766.kit.events.EventJson;
import dvc766.publication.watch.domain.DossierClock;
import dvc766.publication.watch.domain.OpenDossier;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The dossier read model of the watch and its queries (open, due soon, overdue, alert times). */
@ApplicationScoped
public class DossierStore {

    /** An open dossier as the views list it. */
    public record Row(String code, String unitCode, String procedureCode, Instant receivedAt, Instant deadline,
            Instant awaitingSince, int supplementRequests) {

        public DossierClock clock() {
            return new DossierClock(true, deadline, awaitingSince, supplementRequests);
        }
    }

    /** Overdue dossiers of one unit. */
    public record UnitCount(String unitCode, long overdue, Instant oldestDeadline) {}

    /** A page of rows and the total count. */
    public record Page<T>(List<T> items, long total) {}

    private static final String ROW_COLUMNS = "code, unit_code, procedure_code, received_at, deadline, awaiting_since, supplement_requests";
    private static final String OVERDUE = "is_open AND (supplement_requests > 1 OR (awaiting_since IS NULL AND deadline < ?))";
    private static final String DUE_SOON = "is_open AND supplement_requests <= 1 AND awaiting_since IS NULL AND deadline >= ? AND deadline <= ?";

    private final DataSource ds;

    public DossierStore(DataSource ds) {
        this.ds = ds;
    }

    /**
     * Inserts the dossier or replaces an older revision of it, with its clock; an open dossier is marked for the alert
     * scheduler to look at now. Returns false when the held revision is as new or newer.
     */
    public boolean upsert(OpenDossier d, DossierClock clock, Instant now) {
        return Sql.update(ds, """
                INSERT INTO watch_dossier (code, unit_code, procedure_code, received_at, due_at, status, is_open, supplements,
                        supplement_requests, awaiting_since, deadline, revision, next_alert_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)
                ON CONFLICT (code) DO UPDATE SET unit_code = EXCLUDED.unit_code, procedure_code = EXCLUDED.procedure_code,
                    received_at = EXCLUDED.received_at, due_at = EXCLUDED.due_at, status = EXCLUDED.status,
                    is_open = EXCLUDED.is_open, supplements = EXCLUDED.supplements,
                    supplement_requests = EXCLUDED.supplement_requests, awaiting_since = EXCLUDED.awaiting_since,
                    deadline = EXCLUDED.deadline, revision = EXCLUDED.revision, next_alert_at = EXCLUDED.next_alert_at,
                    applied_at = now()
                WHERE watch_dossier.revision < EXCLUDED.revision
                """, ps -> {
                    ps.setString(1, d.code());
                    ps.setString(2, d.unitCode());
                    ps.setString(3, d.procedureCode());
                    Sql.setTime(ps, 4, d.receivedAt());
                    Sql.setTime(ps, 5, d.dueAt());
                    ps.setString(6, d.status());
                    ps.setBoolean(7, clock.open());
                    ps.setString(8, EventJson.write(d.supplements()));
                    bindClock(ps, 9, clock);
                    ps.setLong(12, d.revision());
                    Sql.setTime(ps, 13, clock.open() ? now : null);
                }) == 1;
    }

    /** Open dossiers without an appointment date whose deadline comes from this procedure's legal time. */
    public List<OpenDossier> openByLegalTime(String procedureCode) {
        return Sql.query(ds, """
                SELECT code, unit_code, procedure_code, received_at, due_at, status, supplements::text, revision
                FROM watch_dossier WHERE procedure_code = ? AND is_open AND due_at IS NULL
                """, ps -> ps.setString(1, procedureCode), rs -> new OpenDossier(rs.getString(1), rs.getString(2),
                        rs.getString(3), Sql.time(rs, 4), Sql.time(rs, 5), rs.getString(6), false,
                        supplements(rs.getString(7)), rs.getLong(8)));
    }

    /** Open dossiers whose deadline is a legal time in working days, received in {@code year} or the year before. */
    public List<OpenDossier> openByWorkingDays(int year) {
        return Sql.query(ds, """
                SELECT d.code, d.unit_code, d.procedure_code, d.received_at, d.due_at, d.status, d.supplements::text, d.revision
                FROM watch_dossier d JOIN watch_procedure p ON p.code = d.procedure_code
                WHERE d.is_open AND d.due_at IS NULL AND p.legal_unit = 'WORKING_DAYS'
                  AND d.received_at >= make_timestamptz(?, 1, 1, 0, 0, 0, 'Asia/Ho_Chi_Minh')
                  AND d.received_at < make_timestamptz(?, 1, 1, 0, 0, 0, 'Asia/Ho_Chi_Minh')
                """, ps -> {
                    ps.setInt(1, year - 1);
                    ps.setInt(2, year + 1);
                }, rs -> new OpenDossier(rs.getString(1), rs.getString(2), rs.getString(3), Sql.time(rs, 4),
                        Sql.time(rs, 5), rs.getString(6), false, supplements(rs.getString(7)), rs.getLong(8)));
    }

    /** Stores a recomputed clock (the legal time changed) and asks the scheduler to look again now. */
    public void updateClock(String code, DossierClock clock, Instant now) {
        Sql.update(ds, """
                UPDATE watch_dossier SET supplement_requests = ?, awaiting_since = ?, deadline = ?, next_alert_at = ?
                WHERE code = ?
                """, ps -> {
                    bindClock(ps, 1, clock);
                    Sql.setTime(ps, 4, now);
                    ps.setString(5, code);
                });
    }

    /** Open dossiers whose alert time has come, locked for this transaction; others' locked rows are skipped. */
    public List<Row> claimDue(Instant now, int limit) {
        return Sql.query(ds, "SELECT " + ROW_COLUMNS + " FROM watch_dossier WHERE next_alert_at <= ? "
                + "ORDER BY next_alert_at LIMIT ? FOR UPDATE SKIP LOCKED", ps -> {
                    Sql.setTime(ps, 1, now);
                    ps.setInt(2, limit);
                }, DossierStore::row);
    }

    public void setNextAlert(String code, Instant next) {
        Sql.update(ds, "UPDATE watch_dossier SET next_alert_at = ? WHERE code = ?", ps -> {
            Sql.setTime(ps, 1, next);
            ps.setString(2, code);
        });
    }

    /** Open, on-time dossiers whose deadline lies in [now, until], by deadline; {@code units} null = every unit. */
    public Page<Row> dueSoon(List<String> units, Instant now, Instant until, int page, int size) {
        return page(DUE_SOON, units, ps -> {
            Sql.setTime(ps, 1, now);
            Sql.setTime(ps, 2, until);
        }, 2, "deadline, code", page, size);
    }

    /** Overdue open dossiers, the longest overdue first. */
    public Page<Row> overdue(List<String> units, Instant now, int page, int size) {
        return page(OVERDUE, units, ps -> Sql.setTime(ps, 1, now), 1, "deadline NULLS FIRST, code", page, size);
    }

    /** Overdue open dossiers counted per unit, most first. */
    public Page<UnitCount> overdueByUnit(List<String> units, Instant now, int page, int size) {
        String scope = units == null ? "" : " AND unit_code = ANY(?)";
        Sql.Binder bind = ps -> {
            Sql.setTime(ps, 1, now);
            if (units != null) Sql.setTexts(ps, 2, units);
        };
        int next = units == null ? 2 : 3;
        List<UnitCount> items = Sql.query(ds, "SELECT unit_code, count(*), min(deadline) FROM watch_dossier WHERE "
                + OVERDUE + scope + " GROUP BY unit_code ORDER BY count(*) DESC, unit_code LIMIT ? OFFSET ?", ps -> {
                    bind.bind(ps);
                    ps.setInt(next, size);
                    ps.setLong(next + 1, (long) page * size);
                }, rs -> new UnitCount(rs.getString(1), rs.getLong(2), Sql.time(rs, 3)));
        long total = Sql.query(ds, "SELECT count(DISTINCT unit_code) FROM watch_dossier WHERE " + OVERDUE + scope, bind,
                rs -> rs.getLong(1)).get(0);
        return new Page<>(items, total);
    }

    private Page<Row> page(String where, List<String> units, Sql.Binder bindWhere, int bound, String order, int page, int size) {
        String scope = units == null ? "" : " AND unit_code = ANY(?)";
        Sql.Binder bind = ps -> {
            bindWhere.bind(ps);
            if (units != null) Sql.setTexts(ps, bound + 1, units);
        };
        int next = bound + (units == null ? 1 : 2);
        List<Row> items = Sql.query(ds, "SELECT " + ROW_COLUMNS + " FROM watch_dossier WHERE " + where + scope
                + " ORDER BY " + order + " LIMIT ? OFFSET ?", ps -> {
                    bind.bind(ps);
                    ps.setInt(next, size);
                    ps.setLong(next + 1, (long) page * size);
                }, DossierStore::row);
        long total = Sql.query(ds, "SELECT count(*) FROM watch_dossier WHERE " + where + scope, bind, rs -> rs.getLong(1)).get(0);
        return new Page<>(items, total);
    }

    private static void bindClock(PreparedStatement ps, int i, DossierClock clock) throws SQLException {
        ps.setInt(i, clock.supplementRequests());
        Sql.setTime(ps, i + 1, clock.awaitingSince());
        Sql.setTime(ps, i + 2, clock.deadline());
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getString(1), rs.getString(2), rs.getString(3), Sql.time(rs, 4), Sql.time(rs, 5),
                Sql.time(rs, 6), rs.getInt(7));
    }

    private static final TypeReference<List<OpenDossier.Supplement>> SUPPLEMENTS = new TypeReference<>() {};

    private static List<OpenDossier.Supplement> supplements(String json) {
        try {
            return json == null ? List.of() : new ArrayList<>(EventJson.mapper().readValue(json, SUPPLEMENTS));
        } catch (JsonProcessingException e) {
            throw new WatchStoreException("unreadable supplements", e);
        }
    }
}
