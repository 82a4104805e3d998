package dvc766.indicator.store;

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
import java.util.Optional;
import java.util.TreeSet;
import javax.sql.DataSource;

/** The current score per (unit, period, rule set) and the append-only history of every published one. */
@ApplicationScoped
public class ScoreStore {

    /** What was last published for a key: its version (0: never) and canonical figures. */
    public record Current(long version, String figures) {}

    private final DataSource ds;

    public ScoreStore(DataSource ds) {
        this.ds = ds;
    }

    /**
     * Locks the current rows of the keys, in key order, creating empty ones first. Taking these locks before reading
     * the pooled counters makes concurrent writers of one unit's score publish one after the other, each from counts
     * that include the other's committed changes.
     */
    public Map<ScoreKey, Current> lock(Collection<ScoreKey> keys) {
        Map<ScoreKey, Current> out = new HashMap<>();
        if (keys.isEmpty()) return out;
        List<ScoreKey> sorted = new ArrayList<>(new TreeSet<>(keys));
        List<String> u = sorted.stream().map(ScoreKey::unit).toList();
        List<String> p = sorted.stream().map(ScoreKey::period).toList();
        List<String> r = sorted.stream().map(ScoreKey::ruleSet).toList();
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO score_current (unit_code, period, rule_set, version)
                    SELECT u, p, r, 0 FROM unnest(?::text[], ?::text[], ?::text[]) AS v(u, p, r) ORDER BY 1, 2, 3
                    ON CONFLICT DO NOTHING""")) {
                ps.setArray(1, Sql.text(c, u));
                ps.setArray(2, Sql.text(c, p));
                ps.setArray(3, Sql.text(c, r));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT s.unit_code, s.period, s.rule_set, s.version, s.figures
                    FROM score_current s JOIN unnest(?::text[], ?::text[], ?::text[]) AS v(u, p, r)
                      ON s.unit_code = v.u AND s.period = v.p AND s.rule_set = v.r
                    ORDER BY 1, 2, 3 FOR UPDATE OF s""")) {
                ps.setArray(1, Sql.text(c, u));
                ps.setArray(2, Sql.text(c, p));
                ps.setArray(3, Sql.text(c, r));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.put(new ScoreKey(rs.getString(1), rs.getString(2), rs.getString(3)), new Current(rs.getLong(4), rs.getString(5)));
                    }
                }
            }
            return out;
        } catch (SQLException e) {
            throw Sql.fail("cannot lock scores", e);
        }
    }

    /** A score to record as published. */
    public record Published(ScoreKey key, long version, String figures, String scoreJson, Instant publishedAt, Instant evaluatedAt) {}

    /** Records newly published scores: each current row moves to its new version, the history gains a row each. */
    public void publish(List<Published> published) {
        if (published.isEmpty()) return;
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    UPDATE score_current SET version = ?, figures = ?, score = ?::jsonb, published_at = ?
                    WHERE unit_code = ? AND period = ? AND rule_set = ?""")) {
                for (Published p : published) {
                    ps.setLong(1, p.version());
                    ps.setString(2, p.figures());
                    ps.setString(3, p.scoreJson());
                    ps.setTimestamp(4, Sql.ts(p.publishedAt()));
                    ps.setString(5, p.key().unit());
                    ps.setString(6, p.key().period());
                    ps.setString(7, p.key().ruleSet());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO score_history (unit_code, period, rule_set, version, published_at, evaluated_at, score)
                    VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)""")) {
                for (Published p : published) {
                    ps.setString(1, p.key().unit());
                    ps.setString(2, p.key().period());
                    ps.setString(3, p.key().ruleSet());
                    ps.setLong(4, p.version());
                    ps.setTimestamp(5, Sql.ts(p.publishedAt()));
                    ps.setTimestamp(6, Sql.ts(p.evaluatedAt()));
                    ps.setString(7, p.scoreJson());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        } catch (SQLException e) {
            throw Sql.fail("cannot publish scores", e);
        }
    }

    /** The score last published for the key, as JSON. */
    public Optional<String> current(ScoreKey key) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT score::text FROM score_current WHERE unit_code = ? AND period = ? AND rule_set = ? AND version > 0")) {
            ps.setString(1, key.unit());
            ps.setString(2, key.period());
            ps.setString(3, key.ruleSet());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Sql.fail("cannot read score " + key.eventKey(), e);
        }
    }

    /**
     * The score of the key as published at {@code asOf}: the last history row published at or before that instant.
     * History rows are never updated, so the answer for a past instant never changes.
     */
    public Optional<String> asOf(ScoreKey key, Instant asOf) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT score::text FROM score_history WHERE unit_code = ? AND period = ? AND rule_set = ? AND published_at <= ?
                ORDER BY published_at DESC, version DESC LIMIT 1""")) {
            ps.setString(1, key.unit());
            ps.setString(2, key.period());
            ps.setString(3, key.ruleSet());
            ps.setTimestamp(4, Sql.ts(asOf));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw Sql.fail("cannot read score " + key.eventKey() + " as of " + asOf, e);
        }
    }
}
