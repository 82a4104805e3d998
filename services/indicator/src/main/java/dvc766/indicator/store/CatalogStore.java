package dvc766.indicator.store;

import dvc766.contracts.events.ProcedureData;
import dvc766.indicator.domain.ProcedureCatalog;
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
import java.util.Set;
import java.util.TreeSet;
import javax.sql.DataSource;

/**
 * The procedure catalogue as the procedure-level counters reflect it: flags per procedure, its units, and its
 * membership per ancestor (the procedure belongs to S(a) when one of its units is in S(a)).
 */
@ApplicationScoped
public class CatalogStore {

    private final DataSource ds;

    public CatalogStore(DataSource ds) {
        this.ds = ds;
    }

    public static ProcedureCatalog of(ProcedureData p) {
        return ProcedureCatalog.of(p.code(), p.unitCodes(), p.onlineLevel(), p.feeBearing(), p.paymentIntegrated(), p.applicantTypes(),
                p.madePublicAt() == null ? null : p.madePublicAt().toInstant(), p.publicParts());
    }

    /** The held catalogue state of the procedures (locked), by code. */
    public Map<String, ProcedureCatalog> lock(Collection<String> codes) {
        Map<String, ProcedureCatalog> out = new HashMap<>();
        if (codes.isEmpty()) return out;
        Map<String, List<String>> unitsOf = new HashMap<>();
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT procedure_code, unit_code FROM procedure_unit WHERE procedure_code = ANY(?) ORDER BY 1, 2")) {
                ps.setArray(1, Sql.text(c, codes));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) unitsOf.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                }
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT code, online, fee_bearing, payment_integrated, citizen, made_public_at, public_full
                    FROM procedure_catalog WHERE code = ANY(?) ORDER BY code FOR UPDATE""")) {
                ps.setArray(1, Sql.text(c, codes));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        String code = rs.getString(1);
                        out.put(code, new ProcedureCatalog(code, unitsOf.getOrDefault(code, List.of()), rs.getBoolean(2), rs.getBoolean(3),
                                rs.getBoolean(4), rs.getBoolean(5), Sql.instant(rs.getTimestamp(6)), rs.getBoolean(7)));
                    }
                }
            }
            return out;
        } catch (SQLException e) {
            throw Sql.fail("cannot read the procedure catalogue", e);
        }
    }

    /** Sets each procedure's next time-driven check (null: none). */
    public void setNextChecks(Map<String, Instant> next) {
        Checks.set(ds, "procedure_catalog", "code", next);
    }

    /** Locks up to {@code limit} procedures whose catalogue check is due, skipping those another transaction holds. */
    public List<String> lockDue(Instant now, int limit) {
        return Checks.lockDue(ds, "procedure_catalog", "code", now, limit);
    }

    /** The pending next checks of these procedures (read after {@link #lock}), by code; absent when none. */
    public Map<String, Instant> nextChecks(Collection<String> codes) {
        return Checks.get(ds, "procedure_catalog", "code", codes);
    }

    /** Stores the catalogue state of a procedure and its units. */
    public void write(ProcedureCatalog p) {
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO procedure_catalog (code, online, fee_bearing, payment_integrated, citizen, made_public_at, public_full)
                    VALUES (?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (code) DO UPDATE SET online = EXCLUDED.online, fee_bearing = EXCLUDED.fee_bearing,
                        payment_integrated = EXCLUDED.payment_integrated, citizen = EXCLUDED.citizen,
                        made_public_at = EXCLUDED.made_public_at, public_full = EXCLUDED.public_full""")) {
                ps.setString(1, p.code());
                ps.setBoolean(2, p.online());
                ps.setBoolean(3, p.feeBearing());
                ps.setBoolean(4, p.paymentIntegrated());
                ps.setBoolean(5, p.citizen());
                ps.setTimestamp(6, Sql.ts(p.madePublicAt()));
                ps.setBoolean(7, p.publicFull());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM procedure_unit WHERE procedure_code = ?")) {
                ps.setString(1, p.code());
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "INSERT INTO procedure_unit (procedure_code, unit_code) SELECT ?, u FROM unnest(?::text[]) AS u ORDER BY u ON CONFLICT DO NOTHING")) {
                ps.setString(1, p.code());
                ps.setArray(2, Sql.text(c, p.unitCodes()));
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw Sql.fail("cannot store the catalogue of " + p.code(), e);
        }
    }

    /** The ancestors whose subtree holds the procedure, as stored. */
    public Set<String> members(String procedure) {
        return strings("SELECT ancestor FROM procedure_member WHERE procedure_code = ?", procedure);
    }

    /** The ancestors whose subtree holds one of these units, by the current tree. */
    public Set<String> ancestorsOf(Collection<String> unitCodes) {
        Set<String> out = new TreeSet<>();
        if (unitCodes.isEmpty()) return out;
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT DISTINCT ancestor FROM unit_closure WHERE descendant = ANY(?)")) {
            ps.setArray(1, Sql.text(c, unitCodes));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw Sql.fail("cannot read ancestors", e);
        }
    }

    /** Replaces the procedure's membership rows. */
    public void setMembers(String procedure, Set<String> ancestors) {
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM procedure_member WHERE procedure_code = ? AND NOT (ancestor = ANY(?))")) {
                ps.setString(1, procedure);
                ps.setArray(2, Sql.text(c, ancestors));
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO procedure_member (ancestor, procedure_code) SELECT a, ? FROM unnest(?::text[]) AS a ORDER BY a
                    ON CONFLICT DO NOTHING""")) {
                ps.setString(1, procedure);
                ps.setArray(2, Sql.text(c, new ArrayList<>(new TreeSet<>(ancestors))));
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw Sql.fail("cannot store the membership of " + procedure, e);
        }
    }

    /** The procedures implemented by one of these units. */
    public Set<String> proceduresOfUnits(Collection<String> unitCodes) {
        Set<String> out = new TreeSet<>();
        if (unitCodes.isEmpty()) return out;
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT DISTINCT procedure_code FROM procedure_unit WHERE unit_code = ANY(?)")) {
            ps.setArray(1, Sql.text(c, unitCodes));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw Sql.fail("cannot read procedures of units", e);
        }
    }

    /** For each (ancestor, procedure) pair, the procedure's catalogue state when the pair is a member; absent otherwise. */
    public Map<String, ProcedureCatalog> memberStates(Collection<String[]> ancestorProcedurePairs) {
        Map<String, ProcedureCatalog> out = new HashMap<>();
        if (ancestorProcedurePairs.isEmpty()) return out;
        List<String> a = new ArrayList<>(), p = new ArrayList<>();
        ancestorProcedurePairs.forEach(x -> { a.add(x[0]); p.add(x[1]); });
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT m.ancestor, pc.code, pc.online, pc.fee_bearing, pc.payment_integrated, pc.citizen, pc.made_public_at, pc.public_full
                FROM unnest(?::text[], ?::text[]) AS k(a, p)
                JOIN procedure_member m ON m.ancestor = k.a AND m.procedure_code = k.p
                JOIN procedure_catalog pc ON pc.code = k.p""")) {
            ps.setArray(1, Sql.text(c, a));
            ps.setArray(2, Sql.text(c, p));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1) + "\n" + rs.getString(2), new ProcedureCatalog(rs.getString(2), List.of(), rs.getBoolean(3),
                            rs.getBoolean(4), rs.getBoolean(5), rs.getBoolean(6), Sql.instant(rs.getTimestamp(7)), rs.getBoolean(8)));
                }
            }
            return out;
        } catch (SQLException e) {
            throw Sql.fail("cannot read procedure membership", e);
        }
    }

    /** (ancestor, period, indicator) of the usage items of the procedure that have references, at these ancestors. */
    public List<String[]> usedAt(String procedure, Collection<String> ancestors, Collection<String> indicators) {
        List<String[]> out = new ArrayList<>();
        if (ancestors.isEmpty()) return out;
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("""
                SELECT ancestor, period, indicator FROM item_ref
                WHERE item = ? AND indicator = ANY(?) AND refs > 0 AND ancestor = ANY(?)""")) {
            ps.setString(1, procedure);
            ps.setArray(2, Sql.text(c, indicators));
            ps.setArray(3, Sql.text(c, ancestors));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new String[] {rs.getString(1), rs.getString(2), rs.getString(3)});
            }
            return out;
        } catch (SQLException e) {
            throw Sql.fail("cannot read procedure usage", e);
        }
    }

    private Set<String> strings(String sql, String arg) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, arg);
            Set<String> out = new TreeSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw Sql.fail("cannot read the catalogue", e);
        }
    }
}
