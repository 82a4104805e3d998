package dvc766.indicator.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import dvc766.contracts.events.PublishingDecisionData;
import dvc766.indicator.domain.DecisionFacts;
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
import javax.sql.DataSource;

/** Publishing decisions (QĐCB): the last state of each (key unitCode/number), applied only when newer. */
@ApplicationScoped
public class DecisionStore {

    private final DataSource ds;

    public DecisionStore(DataSource ds) {
        this.ds = ds;
    }

    /** Stores each state unless the one held is as new or newer; at most one per key. Returns the changed keys in order. */
    public List<String> upsert(List<PublishingDecisionData> states) {
        if (states.isEmpty()) return List.of();
        List<PublishingDecisionData> sorted = new ArrayList<>(states);
        sorted.sort((a, b) -> a.key().compareTo(b.key()));
        List<String> keys = new ArrayList<>(), units = new ArrayList<>(), updated = new ArrayList<>(), data = new ArrayList<>();
        List<Long> revisions = new ArrayList<>();
        for (PublishingDecisionData d : sorted) {
            keys.add(d.key());
            units.add(d.unitCode());
            revisions.add(d.revision());
            updated.add(Sql.iso(d.updatedAt().toInstant()));
            data.add(EventJson.write(d));
        }
        String sql = """
                INSERT INTO publishing_decision (key, unit_code, revision, updated_at, data)
                SELECT v.key, v.unit_code, v.revision, v.updated_at::timestamptz, v.data::jsonb
                FROM unnest(?::text[], ?::text[], ?::bigint[], ?::text[], ?::text[]) AS v(key, unit_code, revision, updated_at, data)
                ORDER BY v.key
                ON CONFLICT (key) DO UPDATE SET unit_code = EXCLUDED.unit_code, revision = EXCLUDED.revision,
                    updated_at = EXCLUDED.updated_at, data = EXCLUDED.data
                WHERE publishing_decision.revision < EXCLUDED.revision
                   OR (publishing_decision.revision = EXCLUDED.revision AND publishing_decision.updated_at < EXCLUDED.updated_at)
                RETURNING key""";
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, Sql.text(c, keys));
            ps.setArray(2, Sql.text(c, units));
            ps.setArray(3, Sql.bigint(c, revisions));
            ps.setArray(4, Sql.text(c, updated));
            ps.setArray(5, Sql.text(c, data));
            List<String> changed = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) changed.add(rs.getString(1));
            }
            changed.sort(null);
            return changed;
        } catch (SQLException e) {
            throw Sql.fail("cannot store publishing decisions", e);
        }
    }

    public Map<String, DecisionFacts> load(Collection<String> keys) {
        Map<String, DecisionFacts> out = new HashMap<>();
        if (keys.isEmpty()) return out;
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT data::text FROM publishing_decision WHERE key = ANY(?)")) {
            ps.setArray(1, Sql.text(c, keys));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    DecisionFacts d = facts(EventJson.mapper().readValue(rs.getString(1), PublishingDecisionData.class));
                    out.put(d.key(), d);
                }
            }
            return out;
        } catch (SQLException e) {
            throw Sql.fail("cannot load publishing decisions", e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored publishing decision is unreadable", e);
        }
    }

    public List<DecisionFacts> all() {
        return new ArrayList<>(load(keys()).values());
    }

    /** The key of every publishing decision, in order (a new deadline profile evaluates them all). */
    public List<String> keys() {
        List<String> keys = new ArrayList<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT key FROM publishing_decision ORDER BY key")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) keys.add(rs.getString(1));
            }
        } catch (SQLException e) {
            throw Sql.fail("cannot list publishing decisions", e);
        }
        return keys;
    }

    public static DecisionFacts facts(PublishingDecisionData d) {
        List<DecisionFacts.Item> items = d.procedures() == null ? List.of()
                : d.procedures().stream().filter(p -> p != null && p.procedureCode() != null)
                        .map(p -> new DecisionFacts.Item(p.procedureCode(), p.action(), p.madePublicAt() == null ? null : p.madePublicAt().toInstant()))
                        .toList();
        return new DecisionFacts(d.key(), d.unitCode(), d.signedOn(), d.legalEffectiveOn(), items);
    }

    public void setNextChecks(Map<String, Instant> next) {
        Checks.set(ds, "publishing_decision", "key", next);
    }

    public List<String> lockDue(Instant now, int limit) {
        return Checks.lockDue(ds, "publishing_decision", "key", now, limit);
    }
}
