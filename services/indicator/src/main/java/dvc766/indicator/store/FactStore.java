package dvc766.indicator.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import dvc766.contracts.events.DossierData;
import dvc766.contracts.events.ProcedureData;
import dvc766.indicator.domain.DossierFacts;
import dvc766.indicator.domain.ProcedureFacts;
import dvc766.kit.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/** Dossier and procedure facts: the last state of each, applied only when newer than the one held. */
@ApplicationScoped
public class FactStore {

    /**
     * A dossier ready for evaluation; {@code procedure} is absent while the procedure is not known yet;
     * {@code petitionReceivedAt} is the receipt of the earliest PAKN naming it, if any.
     */
    public record LoadedDossier(DossierFacts facts, ProcedureFacts procedure, Instant petitionReceivedAt) {}

    /** What applying a procedure's state did. */
    public enum ProcedureChange { STALE, UNCHANGED_FACTS, NEW, CHANGED_FACTS }

    private static final String NEWER = "(%1$s.revision < EXCLUDED.revision OR (%1$s.revision = EXCLUDED.revision AND %1$s.updated_at < EXCLUDED.updated_at))";

    private final DataSource ds;

    public FactStore(DataSource ds) {
        this.ds = ds;
    }

    /**
     * Stores each dossier's state unless the one held is as new or newer ({@code revision}, then {@code updatedAt}).
     * At most one state per code. Rows are written in code order. Returns the codes whose state changed.
     */
    public List<String> upsertDossiers(List<DossierData> states) {
        if (states.isEmpty()) return List.of();
        List<DossierData> sorted = new ArrayList<>(states);
        sorted.sort((a, b) -> a.code().compareTo(b.code()));
        List<String> codes = new ArrayList<>(), units = new ArrayList<>(), procedures = new ArrayList<>(), updated = new ArrayList<>(),
                received = new ArrayList<>(), finished = new ArrayList<>(), data = new ArrayList<>();
        List<Long> revisions = new ArrayList<>();
        for (DossierData d : sorted) {
            codes.add(d.code());
            units.add(d.unitCode());
            procedures.add(d.procedureCode());
            revisions.add(d.revision());
            updated.add(Sql.iso(d.updatedAt().toInstant()));
            received.add(Sql.iso(d.receivedAt().toInstant()));
            finished.add(d.finishedAt() == null ? null : Sql.iso(d.finishedAt().toInstant()));
            data.add(EventJson.write(d));
        }
        String sql = """
                INSERT INTO dossier (code, unit_code, procedure_code, revision, updated_at, received_at, finished_at, data)
                SELECT v.code, v.unit_code, v.procedure_code, v.revision, v.updated_at::timestamptz, v.received_at::timestamptz,
                       v.finished_at::timestamptz, v.data::jsonb
                FROM unnest(?::text[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[])
                     AS v(code, unit_code, procedure_code, revision, updated_at, received_at, finished_at, data)
                ORDER BY v.code
                ON CONFLICT (code) DO UPDATE SET unit_code = EXCLUDED.unit_code, procedure_code = EXCLUDED.procedure_code,
                    revision = EXCLUDED.revision, updated_at = EXCLUDED.updated_at, received_at = EXCLUDED.received_at,
                    finished_at = EXCLUDED.finished_at, data = EXCLUDED.data
                WHERE """ + NEWER.formatted("dossier") + " RETURNING code";
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, Sql.text(c, codes));
            ps.setArray(2, Sql.text(c, units));
            ps.setArray(3, Sql.text(c, procedures));
            ps.setArray(4, Sql.bigint(c, revisions));
            ps.setArray(5, Sql.text(c, updated));
            ps.setArray(6, Sql.text(c, received));
            ps.setArray(7, Sql.text(c, finished));
            ps.setArray(8, Sql.text(c, data));
            List<String> changed = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) changed.add(rs.getString(1));
            }
            changed.sort(null);
            return changed;
        } catch (SQLException e) {
            throw Sql.fail("cannot store dossiers", e);
        }
    }

    /** The dossiers with their procedures' facts, by code. */
    public Map<String, LoadedDossier> load(Collection<String> dossierCodes) {
        Map<String, LoadedDossier> out = new HashMap<>();
        if (dossierCodes.isEmpty()) return out;
        String sql = """
                SELECT d.data::text, p.code, p.legal_time_amount, p.legal_time_unit, p.paper_result,
                       (SELECT min(t.received_at) FROM petition t WHERE t.dossier_code = d.code)
                FROM dossier d LEFT JOIN procedure p ON p.code = d.procedure_code
                WHERE d.code = ANY(?)""";
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, Sql.text(c, dossierCodes));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    DossierData data = EventJson.mapper().readValue(rs.getString(1), DossierData.class);
                    ProcedureFacts p = null;
                    if (rs.getString(2) != null) {
                        int amount = rs.getInt(3);
                        Integer legalAmount = rs.wasNull() ? null : amount;
                        p = new ProcedureFacts(rs.getString(2), Facts.legalTime(legalAmount, rs.getString(4)), rs.getBoolean(5));
                    }
                    out.put(data.code(), new LoadedDossier(Facts.dossier(data), p, Sql.instant(rs.getTimestamp(6))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw Sql.fail("cannot load dossiers", e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored dossier state is unreadable", e);
        }
    }

    /** Sets each dossier's next time-driven check (null: none). */
    public void setNextChecks(Map<String, Instant> next) {
        if (next.isEmpty()) return;
        List<String> codes = new ArrayList<>(next.keySet());
        codes.sort(null);
        List<String> times = codes.stream().map(k -> Sql.iso(next.get(k))).toList();
        String sql = """
                UPDATE dossier d SET next_check_at = v.t::timestamptz
                FROM unnest(?::text[], ?::text[]) AS v(code, t)
                WHERE d.code = v.code AND d.next_check_at IS DISTINCT FROM v.t::timestamptz""";
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, Sql.text(c, codes));
            ps.setArray(2, Sql.text(c, times));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw Sql.fail("cannot schedule dossier checks", e);
        }
    }

    /** Locks those of the dossiers that exist, in code order; returns their codes. */
    public List<String> lockExisting(Collection<String> codes) {
        if (codes.isEmpty()) return List.of();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT code FROM dossier WHERE code = ANY(?) ORDER BY code FOR UPDATE")) {
            ps.setArray(1, Sql.text(c, codes));
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw Sql.fail("cannot lock dossiers", e);
        }
    }

    /** Locks up to {@code limit} dossiers whose check is due, skipping those another transaction holds. */
    public List<String> lockDue(Instant now, int limit) {
        String sql = "SELECT code FROM dossier WHERE next_check_at <= ? ORDER BY next_check_at LIMIT ? FOR UPDATE SKIP LOCKED";
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, Sql.ts(now));
            ps.setInt(2, limit);
            List<String> codes = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) codes.add(rs.getString(1));
            }
            return codes;
        } catch (SQLException e) {
            throw Sql.fail("cannot take due dossiers", e);
        }
    }

    /**
     * Stores a procedure's state unless the one held is as new or newer, and says whether what the dossier formulas
     * use of it (legal time, paper result) is new or changed.
     */
    public ProcedureChange upsertProcedure(ProcedureData p) {
        ProcedureFacts next = Facts.procedure(p);
        try (Connection c = ds.getConnection()) {
            ProcedureFacts previous = null;
            boolean exists = false;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT legal_time_amount, legal_time_unit, paper_result FROM procedure WHERE code = ? FOR UPDATE")) {
                ps.setString(1, p.code());
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        exists = true;
                        int amount = rs.getInt(1);
                        Integer legalAmount = rs.wasNull() ? null : amount;
                        previous = new ProcedureFacts(p.code(), Facts.legalTime(legalAmount, rs.getString(2)), rs.getBoolean(3));
                    }
                }
            }
            String sql = """
                    INSERT INTO procedure (code, revision, updated_at, legal_time_amount, legal_time_unit, paper_result, data)
                    VALUES (?, ?, ?::timestamptz, ?, ?, ?, ?::jsonb)
                    ON CONFLICT (code) DO UPDATE SET revision = EXCLUDED.revision, updated_at = EXCLUDED.updated_at,
                        legal_time_amount = EXCLUDED.legal_time_amount, legal_time_unit = EXCLUDED.legal_time_unit,
                        paper_result = EXCLUDED.paper_result, data = EXCLUDED.data
                    WHERE """ + NEWER.formatted("procedure") + " RETURNING code";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, p.code());
                ps.setLong(2, p.revision());
                ps.setString(3, Sql.iso(p.updatedAt().toInstant()));
                if (p.legalTime() == null) {
                    ps.setNull(4, java.sql.Types.INTEGER);
                    ps.setNull(5, java.sql.Types.VARCHAR);
                } else {
                    ps.setInt(4, p.legalTime().amount());
                    ps.setString(5, p.legalTime().unit());
                }
                ps.setBoolean(6, p.paperResult());
                ps.setString(7, EventJson.write(p));
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) return ProcedureChange.STALE;
                }
            }
            if (!exists) return ProcedureChange.NEW;
            return Objects.equals(previous, next) ? ProcedureChange.UNCHANGED_FACTS : ProcedureChange.CHANGED_FACTS;
        } catch (SQLException e) {
            throw Sql.fail("cannot store procedure " + p.code(), e);
        }
    }

    /** Makes every dossier of the procedure due for re-evaluation now (the scheduler takes them in small batches). */
    public int markDueByProcedure(String procedureCode, Instant now) {
        String sql = """
                UPDATE dossier SET next_check_at = ?
                WHERE code IN (SELECT code FROM dossier WHERE procedure_code = ? ORDER BY code FOR UPDATE)""";
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, Sql.ts(now));
            ps.setString(2, procedureCode);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw Sql.fail("cannot schedule the dossiers of procedure " + procedureCode, e);
        }
    }

    /** Every dossier with its procedure, for recomputation from scratch and for checks. */
    public List<LoadedDossier> all() {
        List<String> codes = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT code FROM dossier")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) codes.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw Sql.fail("cannot list dossiers", e);
        }
        return new ArrayList<>(load(codes).values());
    }
}
