package dvc766.indicator.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import dvc766.contracts.events.ComplaintData;
import dvc766.indicator.domain.PetitionFacts;
import dvc766.kit.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/** PAKN facts: the last state of each, applied only when newer than the one held, and their time-driven checks. */
@ApplicationScoped
public class PetitionStore {

    /** A PAKN whose state changed, with the dossier it named before and the one it names now (either may be null). */
    public record Changed(String id, String previousDossier, String dossier, boolean dossierLinkChanged) {}

    private final DataSource ds;

    public PetitionStore(DataSource ds) {
        this.ds = ds;
    }

    /** The dossiers named by the stored states of these PAKN (before an upsert changes them). */
    public Map<String, String> namedDossiers(Collection<String> ids) {
        Map<String, String> out = new HashMap<>();
        if (ids.isEmpty()) return out;
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT id, dossier_code, received_at FROM petition WHERE id = ANY(?) ORDER BY id FOR UPDATE")) {
            ps.setArray(1, Sql.text(c, ids));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), rs.getString(2) + "|" + rs.getTimestamp(3).toInstant());
            }
            return out;
        } catch (SQLException e) {
            throw Sql.fail("cannot read PAKN", e);
        }
    }

    /**
     * Stores each state unless the one held is as new or newer ({@code revision}, then {@code updatedAt}); at most one
     * state per id. Returns the PAKN whose state changed, in id order.
     */
    public List<Changed> upsert(List<ComplaintData> states) {
        if (states.isEmpty()) return List.of();
        List<ComplaintData> sorted = new ArrayList<>(states);
        sorted.sort((a, b) -> a.id().compareTo(b.id()));
        Map<String, String> before = namedDossiers(sorted.stream().map(ComplaintData::id).toList());
        List<String> ids = new ArrayList<>(), units = new ArrayList<>(), dossiers = new ArrayList<>(), updated = new ArrayList<>(),
                received = new ArrayList<>(), data = new ArrayList<>();
        List<Long> revisions = new ArrayList<>();
        Map<String, ComplaintData> byId = new HashMap<>();
        for (ComplaintData p : sorted) {
            byId.put(p.id(), p);
            ids.add(p.id());
            units.add(p.unitCode());
            dossiers.add(blank(p.dossierCode()) ? null : p.dossierCode());
            revisions.add(p.revision());
            updated.add(Sql.iso(p.updatedAt().toInstant()));
            received.add(Sql.iso(p.receivedAt().toInstant()));
            data.add(EventJson.write(p));
        }
        String sql = """
                INSERT INTO petition (id, unit_code, dossier_code, revision, updated_at, received_at, data)
                SELECT v.id, v.unit_code, v.dossier_code, v.revision, v.updated_at::timestamptz, v.received_at::timestamptz, v.data::jsonb
                FROM unnest(?::text[], ?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[], ?::text[])
                     AS v(id, unit_code, dossier_code, revision, updated_at, received_at, data)
                ORDER BY v.id
                ON CONFLICT (id) DO UPDATE SET unit_code = EXCLUDED.unit_code, dossier_code = EXCLUDED.dossier_code,
                    revision = EXCLUDED.revision, updated_at = EXCLUDED.updated_at, received_at = EXCLUDED.received_at,
                    data = EXCLUDED.data
                WHERE petition.revision < EXCLUDED.revision
                   OR (petition.revision = EXCLUDED.revision AND petition.updated_at < EXCLUDED.updated_at)
                RETURNING id""";
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, Sql.text(c, ids));
            ps.setArray(2, Sql.text(c, units));
            ps.setArray(3, Sql.text(c, dossiers));
            ps.setArray(4, Sql.bigint(c, revisions));
            ps.setArray(5, Sql.text(c, updated));
            ps.setArray(6, Sql.text(c, received));
            ps.setArray(7, Sql.text(c, data));
            List<String> changedIds = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) changedIds.add(rs.getString(1));
            }
            changedIds.sort(null);
            List<Changed> out = new ArrayList<>();
            for (String id : changedIds) {
                ComplaintData now = byId.get(id);
                String dossier = blank(now.dossierCode()) ? null : now.dossierCode();
                String link = dossier + "|" + now.receivedAt().toInstant();
                String old = before.get(id);
                String previousDossier = old == null || old.startsWith("null|") ? null : old.substring(0, old.lastIndexOf('|'));
                out.add(new Changed(id, previousDossier, dossier, !Objects.equals(old, link)));
            }
            return out;
        } catch (SQLException e) {
            throw Sql.fail("cannot store PAKN", e);
        }
    }

    /** The PAKN facts by id. */
    public Map<String, PetitionFacts> load(Collection<String> ids) {
        Map<String, PetitionFacts> out = new HashMap<>();
        if (ids.isEmpty()) return out;
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT data::text FROM petition WHERE id = ANY(?)")) {
            ps.setArray(1, Sql.text(c, ids));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ComplaintData d = EventJson.mapper().readValue(rs.getString(1), ComplaintData.class);
                    out.put(d.id(), facts(d));
                }
            }
            return out;
        } catch (SQLException e) {
            throw Sql.fail("cannot load PAKN", e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored PAKN state is unreadable", e);
        }
    }

    /** Every PAKN, for recomputation from scratch and for checks. */
    public List<PetitionFacts> all() {
        return new ArrayList<>(load(ids()).values());
    }

    /** The id of every PAKN, in order (a new deadline profile evaluates them all). */
    public List<String> ids() {
        List<String> ids = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT id FROM petition ORDER BY id")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) ids.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw Sql.fail("cannot list PAKN", e);
        }
        return ids;
    }

    public static PetitionFacts facts(ComplaintData d) {
        List<Instant> transfers = d.transfers() == null ? List.of()
                : d.transfers().stream().filter(t -> t != null && t.at() != null).map(t -> t.at().toInstant()).toList();
        List<PetitionFacts.Wait> waits = d.infoRequests() == null ? List.of()
                : d.infoRequests().stream().filter(w -> w != null && w.requestedAt() != null)
                        .map(w -> new PetitionFacts.Wait(w.requestedAt().toInstant(), instant(w.returnedAt()))).toList();
        return new PetitionFacts(d.id(), d.unitCode(), d.category(), blank(d.dossierCode()) ? null : d.dossierCode(), instant(d.receivedAt()),
                transfers, waits, instant(d.refusedAt()), instant(d.answeredAt()), instant(d.publishedAt()), instant(d.withdrawnAt()),
                d.rating(), d.raisedAgain());
    }

    /** Sets each PAKN's next time-driven check (null: none). */
    public void setNextChecks(Map<String, Instant> next) {
        Checks.set(ds, "petition", "id", next);
    }

    /** Locks up to {@code limit} PAKN whose check is due, skipping those another transaction holds. */
    public List<String> lockDue(Instant now, int limit) {
        return Checks.lockDue(ds, "petition", "id", now, limit);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
