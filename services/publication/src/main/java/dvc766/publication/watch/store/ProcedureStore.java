package dvc766.publication.watch.store;

import dvc766.publication.store.Sql;
import dvc766.common.calendar.LegalTimeUnit;
import dvc766.publication.watch.domain.LegalTime;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;
import javax.sql.DataSource;

/** Legal processing times of procedures, from dvc.procedures.v1. */
@ApplicationScoped
public class ProcedureStore {

    private final DataSource ds;

    public ProcedureStore(DataSource ds) {
        this.ds = ds;
    }

    /** Inserts or replaces an older revision; returns whether the legal time held changed (or appeared). */
    public boolean upsert(String code, LegalTime legalTime, long revision, Instant updatedAt) {
        Optional<LegalTime> before = legalTime(code);
        boolean applied = Sql.update(ds, """
                INSERT INTO watch_procedure (code, legal_amount, legal_unit, revision, updated_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (code) DO UPDATE SET legal_amount = EXCLUDED.legal_amount, legal_unit = EXCLUDED.legal_unit,
                    revision = EXCLUDED.revision, updated_at = EXCLUDED.updated_at
                WHERE watch_procedure.revision < EXCLUDED.revision
                """, ps -> {
                    ps.setString(1, code);
                    if (legalTime == null) {
                        ps.setNull(2, Types.INTEGER);
                        ps.setNull(3, Types.VARCHAR);
                    } else {
                        ps.setInt(2, legalTime.amount());
                        ps.setString(3, legalTime.unit().name());
                    }
                    ps.setLong(4, revision);
                    Sql.setTime(ps, 5, updatedAt);
                }) == 1;
        return applied && !before.equals(Optional.ofNullable(legalTime));
    }

    public Optional<LegalTime> legalTime(String code) {
        return Sql.query(ds, "SELECT legal_amount, legal_unit FROM watch_procedure WHERE code = ?",
                ps -> ps.setString(1, code),
                rs -> rs.getString(2) == null ? null : new LegalTime(rs.getInt(1), LegalTimeUnit.valueOf(rs.getString(2))))
                .stream().filter(java.util.Objects::nonNull).findFirst();
    }
}
