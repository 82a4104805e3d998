package dvc766.publication.store;

import dvc766.publication.domain.Unit;
import dvc766.publication.domain.UnitLevel;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/** The unit tree read model. */
@ApplicationScoped
public class UnitStore {

    /** A unit as the public list shows it. */
    public record UnitRow(String code, String name, UnitLevel level, String parentCode) {}

    private final DataSource ds;
    private final ReadModelChanges changes;

    public UnitStore(DataSource ds, ReadModelChanges changes) {
        this.ds = ds;
        this.changes = changes;
    }

    /** Inserts the unit or replaces an older revision of it; returns false when the held revision is as new or newer. */
    public boolean upsert(Unit u) {
        boolean applied = Sql.update(ds, """
                INSERT INTO unit (code, name, level, parent_code, valid_from, valid_to, revision, updated_at, change_seq)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, nextval('change_seq'))
                ON CONFLICT (code) DO UPDATE SET
                    name = EXCLUDED.name, level = EXCLUDED.level, parent_code = EXCLUDED.parent_code,
                    valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to, revision = EXCLUDED.revision,
                    updated_at = EXCLUDED.updated_at, change_seq = EXCLUDED.change_seq, applied_at = now()
                WHERE unit.revision < EXCLUDED.revision
                """, ps -> {
                    ps.setString(1, u.code());
                    ps.setString(2, u.name());
                    ps.setString(3, u.level().name());
                    Sql.setText(ps, 4, u.parentCode());
                    Sql.setDate(ps, 5, u.validFrom());
                    Sql.setDate(ps, 6, u.validTo());
                    ps.setLong(7, u.revision());
                    Sql.setTime(ps, 8, u.updatedAt());
                }) == 1;
        if (applied) changes.notifyUnitsChanged();
        return applied;
    }

    public List<UnitRow> all() {
        return Sql.query(ds, "SELECT code, name, level, parent_code FROM unit", ps -> {},
                rs -> new UnitRow(rs.getString(1), rs.getString(2),
                        UnitLevel.valueOf(rs.getString(3)), rs.getString(4)));
    }

    public Fingerprint fingerprint() {
        return Sql.query(ds, "SELECT count(*), coalesce(sum(change_seq), 0) FROM unit", ps -> {},
                rs -> new Fingerprint(rs.getLong(1), rs.getLong(2))).get(0);
    }

    /** The unit's change number, 0 when it is not known: part of the tags of answers that show its name. */
    public long changeSeq(String code) {
        return Sql.query(ds, "SELECT change_seq FROM unit WHERE code = ?", ps -> ps.setString(1, code), rs -> rs.getLong(1))
                .stream().findFirst().orElse(0L);
    }

    public Optional<String> name(String code) {
        return Sql.query(ds, "SELECT name FROM unit WHERE code = ?", ps -> ps.setString(1, code), rs -> rs.getString(1))
                .stream().findFirst();
    }
}
