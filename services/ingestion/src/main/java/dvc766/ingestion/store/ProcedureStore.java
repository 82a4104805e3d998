package dvc766.ingestion.store;

import dvc766.common.calendar.LegalTimeUnit;
import dvc766.ingestion.domain.ApplicantType;
import dvc766.ingestion.domain.OnlineLevel;
import dvc766.ingestion.domain.Procedure;
import dvc766.ingestion.domain.PublicPart;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Current state of procedures, read and written set-wise (one query per batch, batched statements). */
@ApplicationScoped
public class ProcedureStore {

    private static final String COLUMNS = "name, field, unit_codes, applicant_types, online_level, "
            + "eligible_for_full_online, fee_bearing, payment_integrated, paper_result, legal_time_amount, "
            + "legal_time_unit, public_parts, made_public_at, updated_at, revision, last_submission_id, changed_at";

    /** Reads the stored procedures among {@code codes} and locks their rows, in code order (no deadlocks). */
    public Map<String, Stored<Procedure>> lock(Connection c, Collection<String> codes) {
        Map<String, Stored<Procedure>> found = new HashMap<>();
        if (codes.isEmpty()) return found;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT code, " + COLUMNS + " FROM procedure WHERE code = ANY(?) ORDER BY code FOR UPDATE")) {
            ps.setArray(1, Sql.texts(c, codes));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Procedure p = new Procedure(rs.getString("code"), rs.getString("name"), rs.getString("field"),
                            List.of(Sql.getTexts(rs, "unit_codes")),
                            Arrays.stream(Sql.getTexts(rs, "applicant_types")).map(ApplicantType::valueOf).toList(),
                            OnlineLevel.valueOf(rs.getString("online_level")),
                            rs.getBoolean("eligible_for_full_online"), rs.getBoolean("fee_bearing"),
                            rs.getBoolean("payment_integrated"), rs.getBoolean("paper_result"),
                            new Procedure.LegalTime(rs.getInt("legal_time_amount"),
                                    LegalTimeUnit.valueOf(rs.getString("legal_time_unit"))),
                            Arrays.stream(Sql.getTexts(rs, "public_parts")).map(PublicPart::valueOf).toList(),
                            Sql.getInstant(rs, "made_public_at"), Sql.getInstant(rs, "updated_at"));
                    found.put(p.code(), new Stored<>(p, rs.getLong("revision")));
                }
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read procedures", e);
        }
        return found;
    }

    public void insert(Connection c, List<Change<Procedure>> rows, Instant now) {
        write(c, "INSERT INTO procedure (" + COLUMNS + ", code) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                rows, now);
    }

    public void update(Connection c, List<Change<Procedure>> rows, Instant now) {
        write(c, "UPDATE procedure SET " + COLUMNS.replace(",", " = ?,") + " = ? WHERE code = ?", rows, now);
    }

    private static void write(Connection c, String sql, List<Change<Procedure>> rows, Instant now) {
        if (rows.isEmpty()) return;
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            // in key order, so concurrent batches take row and index locks in the same order
            for (Change<Procedure> row : rows.stream().sorted(Comparator.comparing(r -> r.state().code())).toList()) {
                Procedure p = row.state();
                ps.setString(1, p.name());
                Sql.setText(ps, 2, p.field());
                ps.setArray(3, Sql.texts(c, p.unitCodes()));
                ps.setArray(4, Sql.texts(c, p.applicantTypes().stream().map(Enum::name).toList()));
                ps.setString(5, p.onlineLevel().name());
                ps.setBoolean(6, p.eligibleForFullOnline());
                ps.setBoolean(7, p.feeBearing());
                ps.setBoolean(8, p.paymentIntegrated());
                ps.setBoolean(9, p.paperResult());
                ps.setInt(10, p.legalTime().amount());
                ps.setString(11, p.legalTime().unit().name());
                ps.setArray(12, Sql.texts(c, p.publicParts().stream().map(Enum::name).toList()));
                Sql.setInstant(ps, 13, p.madePublicAt());
                Sql.setInstant(ps, 14, p.updatedAt());
                ps.setLong(15, row.revision());
                ps.setObject(16, row.submissionId());
                Sql.setInstant(ps, 17, now);
                ps.setString(18, p.code());
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            throw new StoreException("cannot write procedures", e);
        }
    }
}
