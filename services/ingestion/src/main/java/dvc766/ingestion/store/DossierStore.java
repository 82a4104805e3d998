package dvc766.ingestion.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dvc766.ingestion.domain.Channel;
import dvc766.ingestion.domain.Dossier;
import dvc766.ingestion.domain.DossierStatus;
import dvc766.ingestion.domain.FinishKind;
import dvc766.ingestion.domain.Rating;
import dvc766.kit.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Current state of dossiers, read and written set-wise: one locking query and two batched statements per batch. */
@ApplicationScoped
public class DossierStore {

    private static final ObjectMapper JSON = EventJson.mapper();
    private static final TypeReference<List<Dossier.Supplement>> SUPPLEMENTS = new TypeReference<>() {};
    private static final String COLUMNS = "procedure_code, unit_code, channel, received_at, due_at, status, "
            + "finished_at, finish_kind, supplements, synced_at, e_result, inputs_digitized, reused_data, "
            + "personal_store_linked, population_data_used, fee_amount, paid_online_at, rating, updated_at, revision, "
            + "last_submission_id, changed_at";

    /** Reads the stored dossiers among {@code codes} and locks their rows, in code order (no deadlocks). */
    public Map<String, Stored<Dossier>> lock(Connection c, Collection<String> codes) {
        Map<String, Stored<Dossier>> found = new HashMap<>();
        if (codes.isEmpty()) return found;
        try (PreparedStatement ps = c.prepareStatement("SELECT code, " + COLUMNS.replace("supplements,", "supplements::text AS supplements,")
                + " FROM dossier WHERE code = ANY(?) ORDER BY code FOR UPDATE")) {
            ps.setArray(1, Sql.texts(c, codes));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String finishKind = rs.getString("finish_kind");
                    String rating = rs.getString("rating");
                    Dossier d = new Dossier(rs.getString("code"), rs.getString("procedure_code"),
                            rs.getString("unit_code"), Channel.valueOf(rs.getString("channel")),
                            Sql.getInstant(rs, "received_at"), Sql.getInstant(rs, "due_at"),
                            DossierStatus.valueOf(rs.getString("status")), Sql.getInstant(rs, "finished_at"),
                            finishKind == null ? null : FinishKind.valueOf(finishKind),
                            JSON.readValue(rs.getString("supplements"), SUPPLEMENTS),
                            Sql.getInstant(rs, "synced_at"), rs.getBoolean("e_result"),
                            rs.getBoolean("inputs_digitized"), rs.getBoolean("reused_data"),
                            rs.getBoolean("personal_store_linked"), rs.getBoolean("population_data_used"),
                            rs.getBigDecimal("fee_amount"), Sql.getInstant(rs, "paid_online_at"),
                            rating == null ? null : Rating.valueOf(rating), Sql.getInstant(rs, "updated_at"));
                    found.put(d.code(), new Stored<>(d, rs.getLong("revision")));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read dossiers", e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable supplements in the dossier table", e);
        }
        return found;
    }

    public void insert(Connection c, List<Change<Dossier>> rows, Instant now) {
        write(c, "INSERT INTO dossier (" + COLUMNS + ", code) VALUES "
                + "(?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows, now);
    }

    public void update(Connection c, List<Change<Dossier>> rows, Instant now) {
        write(c, "UPDATE dossier SET " + COLUMNS.replace(",", " = ?,").replace("supplements = ?", "supplements = ?::jsonb")
                + " = ? WHERE code = ?", rows, now);
    }

    private static void write(Connection c, String sql, List<Change<Dossier>> rows, Instant now) {
        if (rows.isEmpty()) return;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            // in key order, so concurrent batches take row and index locks in the same order
            for (Change<Dossier> row : rows.stream().sorted(Comparator.comparing(r -> r.state().code())).toList()) {
                Dossier d = row.state();
                ps.setString(1, d.procedureCode());
                ps.setString(2, d.unitCode());
                ps.setString(3, d.channel().name());
                Sql.setInstant(ps, 4, d.receivedAt());
                Sql.setInstant(ps, 5, d.dueAt());
                ps.setString(6, d.status().name());
                Sql.setInstant(ps, 7, d.finishedAt());
                Sql.setText(ps, 8, Sql.name(d.finishKind()));
                ps.setString(9, JSON.writeValueAsString(d.supplements()));
                Sql.setInstant(ps, 10, d.syncedAt());
                ps.setBoolean(11, d.eResult());
                ps.setBoolean(12, d.inputsDigitized());
                ps.setBoolean(13, d.reusedData());
                ps.setBoolean(14, d.personalStoreLinked());
                ps.setBoolean(15, d.populationDataUsed());
                ps.setBigDecimal(16, d.feeAmount());
                Sql.setInstant(ps, 17, d.paidOnlineAt());
                Sql.setText(ps, 18, Sql.name(d.rating()));
                Sql.setInstant(ps, 19, d.updatedAt());
                ps.setLong(20, row.revision());
                ps.setObject(21, row.submissionId());
                Sql.setInstant(ps, 22, now);
                ps.setString(23, d.code());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new StoreException("cannot write dossiers", e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
