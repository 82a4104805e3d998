package dvc766.indicator.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/**
 * The objects behind a unit's lost points, one indexed query per kind of indicator, paged: objects of the subtree
 * counted in the denominator but not in the numerator (dossiers, PAKN), procedures failed by a publishing decision,
 * procedures of the subtree lacking a feature, communes not offering electronic certified copies.
 */
@ApplicationScoped
public class ExplainStore {

    /** One object: its kind, key, unit, and (for decisions) the procedure it failed. */
    public record Lost(String kind, String key, String unitCode, String procedureCode) {}

    private final DataSource ds;
    private final UnitEdges edges;
    private final PeriodTrees periods;

    public ExplainStore(DataSource ds, UnitEdges edges, PeriodTrees periods) {
        this.ds = ds;
        this.edges = edges;
        this.periods = periods;
    }

    /** Whether {@code unit} is {@code ancestor} or below it. */
    public boolean within(String ancestor, String unit) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT 1 FROM unit_closure WHERE ancestor = ? AND descendant = ?")) {
            ps.setString(1, ancestor);
            ps.setString(2, unit);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw Sql.fail("cannot read the unit tree", e);
        }
    }

    /** Objects of S(unit) whose contribution to the indicator in the period has num < den. */
    public List<Lost> summable(String unit, String period, String indicator, int offset, int limit) {
        return query("""
                SELECT c.kind, c.object_key, c.unit_code, NULL FROM contribution c
                WHERE c.unit_code = ANY(?) AND c.period = ? AND c.indicator = ? AND c.num < c.den
                ORDER BY c.kind, c.object_key LIMIT ? OFFSET ?""", subtreeFor(unit, period), period, indicator, limit, offset);
    }

    /** Decisions of S(unit) failing a procedure for the indicator in the period. */
    public List<Lost> failedItems(String unit, String period, String indicator, int offset, int limit) {
        return query("""
                SELECT ic.kind, ic.object_key, ic.unit_code, ic.item FROM item_contribution ic
                WHERE ic.unit_code = ANY(?) AND ic.period = ? AND ic.indicator = ? AND ic.fails > 0
                ORDER BY ic.item, ic.object_key LIMIT ? OFFSET ?""", subtreeFor(unit, period), period, indicator, limit, offset);
    }

    /** S(unit) as the counters of the period pool it: the tree of the period's tree day. */
    private String[] subtreeFor(String unit, String period) {
        return edges.subtree(unit, periods.days(java.util.List.of(period)).get(period)).toArray(String[]::new);
    }

    /**
     * Procedures of S(unit) lacking what the indicator asks: {@code condition} is an SQL predicate over the catalogue row
     * {@code pc}; for usage indicators, procedures with the feature and no qualifying dossier of S(unit) in the period.
     */
    public List<Lost> procedures(String unit, String condition, String usageIndicator, String period, int offset, int limit) {
        String noUse = usageIndicator == null ? "" : """
                 AND NOT EXISTS (SELECT 1 FROM item_ref r WHERE r.ancestor = m.ancestor AND r.period = ? AND r.indicator = ?
                                 AND r.item = m.procedure_code AND r.refs > 0)""";
        String sql = "SELECT 'PROCEDURE', pc.code, NULL, pc.code FROM procedure_member m JOIN procedure_catalog pc ON pc.code = m.procedure_code "
                + "WHERE m.ancestor = ? AND (" + condition + ")" + noUse + " ORDER BY pc.code LIMIT ? OFFSET ?";
        return usageIndicator == null ? query(sql, unit, limit, offset) : query(sql, unit, period, usageIndicator, limit, offset);
    }

    /** Communes of S(unit) not offering electronic certified copies on {@code today}. */
    public List<Lost> communesWithout(String unit, LocalDate today, int offset, int limit) {
        return query("""
                SELECT 'UNIT', u.code, u.code, NULL FROM unit_closure cl JOIN unit u ON u.code = cl.descendant
                WHERE cl.ancestor = ? AND u.level = 'COMMUNE' AND (u.e_certified_copy_since IS NULL OR u.e_certified_copy_since > ?)
                ORDER BY u.code LIMIT ? OFFSET ?""", unit, java.sql.Date.valueOf(today), limit, offset);
    }

    private List<Lost> query(String sql, Object... args) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                Object a = args[i];
                if (a instanceof Instant t) ps.setTimestamp(i + 1, Timestamp.from(t));
                else if (a instanceof String[] codes) ps.setArray(i + 1, c.createArrayOf("text", codes));
                else ps.setObject(i + 1, a);
            }
            List<Lost> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new Lost(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)));
            }
            return out;
        } catch (SQLException e) {
            throw Sql.fail("cannot explain", e);
        }
    }
}
