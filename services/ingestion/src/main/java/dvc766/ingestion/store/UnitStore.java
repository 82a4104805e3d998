package dvc766.ingestion.store;

import dvc766.ingestion.domain.Unit;
import dvc766.ingestion.domain.UnitLevel;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Current state of units. */
@ApplicationScoped
public class UnitStore {

    /** Reads the unit and locks its row until the transaction ends. */
    public Optional<Stored<Unit>> lock(Connection c, String code) {
        String sql = """
                SELECT code, name, level, parent_code, valid_from, valid_to, e_certified_copy_since, updated_at, revision
                FROM unit WHERE code = ? FOR UPDATE""";
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(new Stored<>(new Unit(rs.getString("code"), rs.getString("name"),
                        UnitLevel.valueOf(rs.getString("level")), rs.getString("parent_code"),
                        Sql.getDate(rs, "valid_from"), Sql.getDate(rs, "valid_to"),
                        Sql.getDate(rs, "e_certified_copy_since"), Sql.getInstant(rs, "updated_at")),
                        rs.getLong("revision")));
            }
        } catch (SQLException e) {
            throw new StoreException("cannot read unit " + code, e);
        }
    }

    public void insert(Connection c, Unit u, UUID submission, Instant now) {
        write(c, """
                INSERT INTO unit (name, level, parent_code, valid_from, valid_to, e_certified_copy_since, updated_at,
                    revision, last_submission_id, changed_at, code)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", u, 1, submission, now);
    }

    public void update(Connection c, Unit u, long revision, UUID submission, Instant now) {
        write(c, """
                UPDATE unit SET name = ?, level = ?, parent_code = ?, valid_from = ?, valid_to = ?,
                    e_certified_copy_since = ?, updated_at = ?, revision = ?, last_submission_id = ?, changed_at = ?
                WHERE code = ?""", u, revision, submission, now);
    }

    private static void write(Connection c, String sql, Unit u, long revision, UUID submission, Instant now) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, u.name());
            ps.setString(2, u.level().name());
            Sql.setText(ps, 3, u.parentCode());
            Sql.setDate(ps, 4, u.validFrom());
            Sql.setDate(ps, 5, u.validTo());
            Sql.setDate(ps, 6, u.eCertifiedCopySince());
            Sql.setInstant(ps, 7, u.updatedAt());
            ps.setLong(8, revision);
            ps.setObject(9, submission);
            Sql.setInstant(ps, 10, now);
            ps.setString(11, u.code());
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("cannot write unit " + u.code(), e);
        }
    }
}
