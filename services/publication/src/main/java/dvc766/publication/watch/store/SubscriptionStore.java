package dvc766.publication.watch.store;

import dvc766.publication.store.Sql;
import dvc766.publication.watch.domain.AlertKind;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Webhook subscriptions. The secret is read only by the sender; the API shows it once, at creation. */
@ApplicationScoped
public class SubscriptionStore {

    public record Subscription(UUID id, String url, List<AlertKind> kinds, String unitScope, BigDecimal minFall,
            String createdBy, Instant createdAt) {}

    private static final String COLUMNS = "id, url, kinds, unit_scope, min_fall, created_by, created_at";

    private final DataSource ds;

    public SubscriptionStore(DataSource ds) {
        this.ds = ds;
    }

    public Subscription create(String url, String secret, List<AlertKind> kinds, String unitScope, BigDecimal minFall,
            String createdBy) {
        UUID id = UUID.randomUUID();
        return Sql.query(ds, "INSERT INTO watch_subscription (id, url, secret, kinds, unit_scope, min_fall, created_by) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING " + COLUMNS, ps -> {
                    ps.setObject(1, id);
                    ps.setString(2, url);
                    ps.setString(3, secret);
                    Sql.setTexts(ps, 4, kinds.stream().map(Enum::name).toList());
                    Sql.setText(ps, 5, unitScope);
                    ps.setBigDecimal(6, minFall);
                    ps.setString(7, createdBy);
                }, SubscriptionStore::row).get(0);
    }

    /** Subscriptions whose scope is one of {@code scopes}; {@code scopes} null = all. Newest first. */
    public List<Subscription> list(List<String> scopes, int limit) {
        if (scopes == null) {
            return Sql.query(ds, "SELECT " + COLUMNS + " FROM watch_subscription ORDER BY created_at DESC, id LIMIT ?",
                    ps -> ps.setInt(1, limit), SubscriptionStore::row);
        }
        return Sql.query(ds, "SELECT " + COLUMNS + " FROM watch_subscription WHERE unit_scope = ANY(?) "
                + "ORDER BY created_at DESC, id LIMIT ?", ps -> {
                    Sql.setTexts(ps, 1, scopes);
                    ps.setInt(2, limit);
                }, SubscriptionStore::row);
    }

    public Optional<Subscription> find(UUID id) {
        return Sql.query(ds, "SELECT " + COLUMNS + " FROM watch_subscription WHERE id = ?", ps -> ps.setObject(1, id),
                SubscriptionStore::row).stream().findFirst();
    }

    public long countInScope(String unitScope) {
        return Sql.query(ds, "SELECT count(*) FROM watch_subscription WHERE unit_scope IS NOT DISTINCT FROM ?",
                ps -> Sql.setText(ps, 1, unitScope), rs -> rs.getLong(1)).get(0);
    }

    public boolean delete(UUID id) {
        return Sql.update(ds, "DELETE FROM watch_subscription WHERE id = ?", ps -> ps.setObject(1, id)) == 1;
    }

    /** Subscriptions to this kind whose scope covers a unit with these ancestors (itself included). */
    public List<Subscription> interestedIn(AlertKind kind, java.util.Collection<String> ancestorsOrSelf) {
        return Sql.query(ds, "SELECT " + COLUMNS + " FROM watch_subscription WHERE ? = ANY(kinds) "
                + "AND (unit_scope IS NULL OR unit_scope = ANY(?))", ps -> {
                    ps.setString(1, kind.name());
                    Sql.setTexts(ps, 2, ancestorsOrSelf);
                }, SubscriptionStore::row);
    }

    private static Subscription row(ResultSet rs) throws SQLException {
        return new Subscription(rs.getObject(1, UUID.class), rs.getString(2),
                Sql.texts(rs, 3).stream().map(AlertKind::valueOf).toList(), rs.getString(4), rs.getBigDecimal(5),
                rs.getString(6), Sql.time(rs, 7));
    }
}
