package dvc766.indicator.store;

import dvc766.indicator.domain.UnitTree;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * The tree day each period's pooled counters are pooled under ({@code period_tree}). A period gets its day when first
 * written (te's local date: its last day, or today); the scheduler moves a running period's day forward, together with
 * the counts of the units whose place changed in between, so counters and day always agree.
 */
@ApplicationScoped
public class PeriodTrees {

    private final DataSource ds;
    private final Clock clock;

    public PeriodTrees(DataSource ds, Clock clock) {
        this.ds = ds;
        this.clock = clock;
    }

    /** Gives each period without a day its day as of now, in key order. */
    public void ensure(Collection<String> periods) {
        if (periods.isEmpty()) return;
        List<String> keys = new ArrayList<>(new TreeSet<>(periods));
        List<String> days = new ArrayList<>();
        for (String p : keys) days.add(UnitTree.treeDay(p, clock.instant()).toString());
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO period_tree (period, tree_date)
                SELECT p, d::date FROM unnest(?::text[], ?::text[]) AS v(p, d) ORDER BY 1 ON CONFLICT DO NOTHING""")) {
            ps.setArray(1, Sql.text(c, keys));
            ps.setArray(2, Sql.text(c, days));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw Sql.fail("cannot record the periods' tree days", e);
        }
    }

    /** The tree day of each of the periods (given one first when they had none). */
    public Map<String, LocalDate> days(Collection<String> periods) {
        ensure(periods);
        return read("SELECT period, tree_date FROM period_tree WHERE period = ANY(?)", periods);
    }

    /** Every period with its tree day, locked: the scheduler moves days forward under the exclusive tree lock. */
    public Map<String, LocalDate> lockAll() {
        return read("SELECT period, tree_date FROM period_tree ORDER BY period FOR UPDATE", null);
    }

    /** Every period with its tree day. */
    public Map<String, LocalDate> all() {
        return read("SELECT period, tree_date FROM period_tree", null);
    }

    public void set(String period, LocalDate day) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE period_tree SET tree_date = ? WHERE period = ?")) {
            ps.setObject(1, day);
            ps.setString(2, period);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw Sql.fail("cannot move the tree day of " + period, e);
        }
    }

    private Map<String, LocalDate> read(String sql, Collection<String> periods) {
        Map<String, LocalDate> out = new TreeMap<>();
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (periods != null) ps.setArray(1, Sql.text(c, new TreeSet<>(periods)));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1), rs.getObject(2, LocalDate.class));
            }
            return out;
        } catch (SQLException e) {
            throw Sql.fail("cannot read the periods' tree days", e);
        }
    }
}
