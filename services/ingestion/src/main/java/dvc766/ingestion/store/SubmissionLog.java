package dvc766.ingestion.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dvc766.ingestion.domain.Effect;
import dvc766.ingestion.domain.Kind;
import dvc766.ingestion.domain.Outcome;
import dvc766.ingestion.domain.Violation;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The append-only audit table {@code submission}. Rows are only ever inserted (a trigger refuses UPDATE, DELETE
 * and TRUNCATE): accepted ones in the transaction of the change they made, rejected ones so that they are kept.
 */
@ApplicationScoped
public class SubmissionLog {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INSERT = """
            INSERT INTO submission (id, kind, object_key, client_id, subject, caller_unit, received_at, batch_id,
                batch_index, payload_sha256, payload, payload_text, outcome, effect, status, errors)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?::jsonb)""";

    private final DataSource ds;

    public SubmissionLog(DataSource ds) {
        this.ds = ds;
    }

    /** Inserts the rows in the caller's transaction, as one JDBC batch. */
    public void insert(Connection c, List<SubmissionRecord> rows) {
        if (rows.isEmpty()) return;
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (SubmissionRecord r : rows) {
                ps.setObject(1, r.id());
                ps.setString(2, r.kind().name());
                Sql.setText(ps, 3, r.key());
                Sql.setText(ps, 4, r.clientId());
                Sql.setText(ps, 5, r.subject());
                Sql.setText(ps, 6, r.callerUnit());
                Sql.setInstant(ps, 7, r.receivedAt());
                Sql.setUuid(ps, 8, r.batchId());
                Sql.setInt(ps, 9, r.batchIndex());
                ps.setString(10, r.payloadSha256());
                Sql.setText(ps, 11, r.payloadJson());
                Sql.setText(ps, 12, r.payloadText());
                ps.setString(13, r.outcome().name());
                Sql.setText(ps, 14, Sql.name(r.effect()));
                ps.setInt(15, r.status());
                ps.setString(16, errorsJson(r.errors()));
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new StoreException("cannot record submissions", e);
        }
    }

    /** Records rejected submissions in a transaction of their own, so nothing the request did can roll them back. */
    public void insertInOwnTransaction(List<SubmissionRecord> rows) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = ds.getConnection()) {
                insert(c, rows);
            } catch (SQLException e) {
                throw new StoreException("cannot record submissions", e);
            }
        });
    }

    /**
     * Records, in a transaction of its own, a request refused as a whole before any object could be read from it
     * (a batch that is not JSON, has no items or too many); returns the submission's id.
     */
    public UUID rejectRequest(Kind kind, Intake in, Payload payload, List<Violation> errors) {
        UUID id = UUID.randomUUID();
        insertInOwnTransaction(List.of(new SubmissionRecord(id, kind, null, in.clientId(), in.caller().subject(),
                in.callerUnit(), in.receivedAt(), in.batchId(), null, payload.sha256(), payload.json(), payload.text(),
                Outcome.REJECTED, null, 400, errors)));
        return id;
    }

    public Optional<SubmissionRecord> find(UUID id) {
        String sql = """
                SELECT id, kind, object_key, client_id, subject, caller_unit, received_at, batch_id, batch_index,
                       payload_sha256, outcome, effect, status, errors::text AS errors
                FROM submission WHERE id = ?""";
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                String effect = rs.getString("effect");
                return Optional.of(new SubmissionRecord(
                        rs.getObject("id", UUID.class),
                        Kind.valueOf(rs.getString("kind")),
                        rs.getString("object_key"),
                        rs.getString("client_id"),
                        rs.getString("subject"),
                        rs.getString("caller_unit"),
                        Sql.getInstant(rs, "received_at"),
                        rs.getObject("batch_id", UUID.class),
                        rs.getObject("batch_index", Integer.class),
                        rs.getString("payload_sha256"),
                        null,
                        null,
                        Outcome.valueOf(rs.getString("outcome")),
                        effect == null ? null : Effect.valueOf(effect),
                        rs.getInt("status"),
                        JSON.readValue(rs.getString("errors"), new TypeReference<List<Violation>>() {})));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read submission " + id, e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable errors of submission " + id, e);
        }
    }

    static String errorsJson(List<Violation> errors) {
        try {
            return JSON.writeValueAsString(errors == null ? List.of() : errors);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
