package dvc766.publication.store;

import dvc766.publication.domain.ScoreChange;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** The applied score changes as the live stream numbers them (the history row's id), read back for a reconnecting client. */
@ApplicationScoped
public class ScoreChangeLog {

    private final DataSource ds;

    public ScoreChangeLog(DataSource ds) {
        this.ds = ds;
    }

    /**
     * The changes numbered after {@code afterId}, oldest first, of one unit and/or rule set when given; at most
     * {@code limit} of them (ask for one more than you can send to learn that there are too many).
     */
    public List<ScoreChange> after(long afterId, String unitCode, String ruleSet, int limit) {
        List<String> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" WHERE id > ?");
        if (unitCode != null) {
            where.append(" AND unit_code = ?");
            args.add(unitCode);
        }
        if (ruleSet != null) {
            where.append(" AND rule_set = ?");
            args.add(ruleSet);
        }
        return Sql.query(ds, "SELECT id, unit_code, period, rule_set, version, total, band, as_of FROM score_history"
                + where + " ORDER BY id LIMIT ?", ps -> {
                    ps.setLong(1, afterId);
                    for (int i = 0; i < args.size(); i++) ps.setString(2 + i, args.get(i));
                    ps.setInt(2 + args.size(), limit);
                }, rs -> new ScoreChange(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getLong(5),
                        rs.getBigDecimal(6), rs.getString(7), rs.getObject(8, java.time.OffsetDateTime.class)));
    }

    /** The number of the latest change (0 when none). */
    public long latestId() {
        return Sql.query(ds, "SELECT coalesce(max(id), 0) FROM score_history", ps -> {}, rs -> rs.getLong(1)).get(0);
    }
}
