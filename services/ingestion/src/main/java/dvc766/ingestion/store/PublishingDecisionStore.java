package dvc766.ingestion.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dvc766.ingestion.domain.PublishingDecision;
import dvc766.kit.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Current state of publishing decisions, keyed by (unit, number), read and written set-wise like dossiers. */
@ApplicationScoped
public class PublishingDecisionStore {

    private static final ObjectMapper JSON = EventJson.mapper();
    private static final TypeReference<List<PublishingDecision.Entry>> ENTRIES = new TypeReference<>() {};

    /** Reads the stored decisions among {@code keys} and locks their rows, in key order (no deadlocks). */
    public Map<String, Stored<PublishingDecision>> lock(Connection c, Collection<PublishingDecision> decisions) {
        Map<String, Stored<PublishingDecision>> found = new HashMap<>();
        if (decisions.isEmpty()) return found;
        List<String> units = new ArrayList<>(decisions.size());
        List<String> numbers = new ArrayList<>(decisions.size());
        for (PublishingDecision d : decisions) {
            units.add(d.unitCode());
            numbers.add(d.number());
        }
        String sql = """
                SELECT unit_code, number, signed_on, legal_effective_on, procedures::text AS procedures, updated_at, revision
                FROM publishing_decision
                WHERE (unit_code, number) IN (SELECT u, n FROM unnest(?::text[], ?::text[]) AS k(u, n))
                ORDER BY unit_code, number FOR UPDATE""";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, Sql.texts(c, units));
            ps.setArray(2, Sql.texts(c, numbers));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    PublishingDecision d = new PublishingDecision(rs.getString("unit_code"), rs.getString("number"),
                            Sql.getDate(rs, "signed_on"), Sql.getDate(rs, "legal_effective_on"),
                            JSON.readValue(rs.getString("procedures"), ENTRIES), Sql.getInstant(rs, "updated_at"));
                    found.put(d.key(), new Stored<>(d, rs.getLong("revision")));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read publishing decisions", e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable procedures of a stored publishing decision", e);
        }
        return found;
    }

    public void insert(Connection c, List<Change<PublishingDecision>> rows, Instant now) {
        write(c, """
                INSERT INTO publishing_decision (signed_on, legal_effective_on, procedures, updated_at, revision,
                    last_submission_id, changed_at, unit_code, number)
                VALUES (?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?)""", rows, now);
    }

    public void update(Connection c, List<Change<PublishingDecision>> rows, Instant now) {
        write(c, """
                UPDATE publishing_decision SET signed_on = ?, legal_effective_on = ?, procedures = ?::jsonb,
                    updated_at = ?, revision = ?, last_submission_id = ?, changed_at = ?
                WHERE unit_code = ? AND number = ?""", rows, now);
    }

    private static void write(Connection c, String sql, List<Change<PublishingDecision>> rows, Instant now) {
        if (rows.isEmpty()) return;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            // in key order, so concurrent batches take row and index locks in the same order
            for (Change<PublishingDecision> row : rows.stream()
                    .sorted(Comparator.comparing((Change<PublishingDecision> r) -> r.state().unitCode())
                            .thenComparing(r -> r.state().number()))
                    .toList()) {
                PublishingDecision d = row.state();
                Sql.setDate(ps, 1, d.signedOn());
                Sql.setDate(ps, 2, d.legalEffectiveOn());
                ps.setString(3, JSON.writeValueAsString(d.procedures()));
                Sql.setInstant(ps, 4, d.updatedAt());
                ps.setLong(5, row.revision());
                ps.setObject(6, row.submissionId());
                Sql.setInstant(ps, 7, now);
                ps.setString(8, d.unitCode());
                ps.setString(9, d.number());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new StoreException("cannot write publishing decisions", e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
