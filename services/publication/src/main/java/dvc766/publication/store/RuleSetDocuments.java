package dvc766.publication.store;

import dvc766.publication.domain.RuleSetDocument;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import javax.sql.DataSource;

/**
 * The rule set documents received from the indicator service, the highest version of each. A redelivered event (same
 * version) or a reordered older one changes nothing.
 */
@ApplicationScoped
public class RuleSetDocuments {

    private final DataSource ds;

    public RuleSetDocuments(DataSource ds) {
        this.ds = ds;
    }

    /** Keeps the document when its version is newer than the one held; returns whether it was kept. */
    public boolean apply(RuleSetDocument d, String eventId) {
        return Sql.update(ds, """
                INSERT INTO rule_set_document (id, version, document, stored_at, event_id, change_seq)
                VALUES (?, ?, ?::jsonb, ?, ?, nextval('change_seq'))
                ON CONFLICT (id) DO UPDATE SET version = EXCLUDED.version, document = EXCLUDED.document,
                    stored_at = EXCLUDED.stored_at, event_id = EXCLUDED.event_id, change_seq = EXCLUDED.change_seq
                WHERE rule_set_document.version < EXCLUDED.version
                """, ps -> {
                    ps.setString(1, d.id());
                    ps.setInt(2, d.version());
                    ps.setString(3, d.json());
                    Sql.setTime(ps, 4, d.storedAt());
                    ps.setString(5, eventId);
                }) > 0;
    }

    /** Every held document, by id. */
    public List<RuleSetDocument> all() {
        return Sql.query(ds, "SELECT id, version, document::text, stored_at FROM rule_set_document ORDER BY id", ps -> {},
                rs -> new RuleSetDocument(rs.getString(1), rs.getInt(2), rs.getString(3),
                        rs.getObject(4, java.time.OffsetDateTime.class)));
    }

    public Fingerprint fingerprint() {
        return Sql.query(ds, "SELECT count(*), coalesce(sum(change_seq), 0) FROM rule_set_document", ps -> {},
                rs -> new Fingerprint(rs.getLong(1), rs.getLong(2))).get(0);
    }
}
