package dvc766.indicator.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import dvc766.contracts.events.ComplaintData;
import dvc766.contracts.events.DossierData;
import dvc766.contracts.events.PublishingDecisionData;
import dvc766.indicator.domain.DecisionDeadlines;
import dvc766.indicator.domain.DecisionFacts;
import dvc766.indicator.domain.DossierFacts;
import dvc766.indicator.domain.FromScratch;
import dvc766.indicator.domain.PetitionDeadlines;
import dvc766.indicator.domain.PetitionFacts;
import dvc766.indicator.domain.ProcedureCatalog;
import dvc766.indicator.domain.ProcedureFacts;
import dvc766.kit.events.EventJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Read-only: the facts of one subtree (dossiers, their procedures, PAKN, publishing decisions, catalogue, units), for a
 * score computed on demand from scratch over a date range. One repeatable-read snapshot, no locks taken.
 */
@ApplicationScoped
public class RangeFacts {

    private final DataSource ds;

    public RangeFacts(DataSource ds) {
        this.ds = ds;
    }

    /** How many dossiers the units hold (the cost of a computation on demand). */
    public long dossierCount(Collection<String> subtree) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM dossier WHERE unit_code = ANY(?)")) {
            ps.setArray(1, Sql.text(c, subtree));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw Sql.fail("cannot count the subtree's dossiers", e);
        }
    }

    /**
     * Every fact the contribution functions need for the subtree. PAKN of other units that name a dossier of the
     * subtree are loaded too (a dossier's satisfaction depends on them); FromScratch counts PAKN by their own unit.
     */
    @Transactional
    public FromScratch.World load(Collection<String> subtree, PetitionDeadlines petitionDeadlines, DecisionDeadlines decisionDeadlines) {
        try (Connection c = ds.getConnection()) {
            try (Statement s = c.createStatement()) {
                s.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            }
            List<DossierFacts> dossiers = new ArrayList<>();
            for (String json : texts(c, "SELECT data::text FROM dossier WHERE unit_code = ANY(?)", subtree)) {
                dossiers.add(Facts.dossier(EventJson.mapper().readValue(json, DossierData.class)));
            }
            Map<String, ProcedureFacts> procedures = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT p.code, p.legal_time_amount, p.legal_time_unit, p.paper_result FROM procedure p
                    WHERE p.code IN (SELECT d.procedure_code FROM dossier d WHERE d.unit_code = ANY(?))""")) {
                ps.setArray(1, Sql.text(c, subtree));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int amount = rs.getInt(2);
                        Integer legalAmount = rs.wasNull() ? null : amount;
                        procedures.put(rs.getString(1), new ProcedureFacts(rs.getString(1), Facts.legalTime(legalAmount, rs.getString(3)), rs.getBoolean(4)));
                    }
                }
            }
            List<PetitionFacts> petitions = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT t.data::text FROM petition t WHERE t.unit_code = ANY(?)
                    UNION ALL
                    SELECT t.data::text FROM petition t JOIN dossier d ON d.code = t.dossier_code
                    WHERE d.unit_code = ANY(?) AND NOT (t.unit_code = ANY(?))""")) {
                for (int i = 1; i <= 3; i++) ps.setArray(i, Sql.text(c, subtree));
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) petitions.add(PetitionStore.facts(EventJson.mapper().readValue(rs.getString(1), ComplaintData.class)));
                }
            }
            List<DecisionFacts> decisions = new ArrayList<>();
            for (String json : texts(c, "SELECT data::text FROM publishing_decision WHERE unit_code = ANY(?)", subtree)) {
                decisions.add(DecisionStore.facts(EventJson.mapper().readValue(json, PublishingDecisionData.class)));
            }
            return new FromScratch.World(dossiers, procedures, petitions, petitionDeadlines, decisions, decisionDeadlines, catalogue(c, subtree),
                    units(c, subtree));
        } catch (SQLException e) {
            throw Sql.fail("cannot read the subtree's facts", e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a stored fact is unreadable", e);
        }
    }

    /** The catalogue state of every procedure assigned to a unit of the subtree, with all its units. */
    private static Map<String, ProcedureCatalog> catalogue(Connection c, Collection<String> subtree) throws SQLException {
        Map<String, List<String>> unitsOf = new HashMap<>();
        String ofSubtree = "(SELECT DISTINCT procedure_code FROM procedure_unit WHERE unit_code = ANY(?))";
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT procedure_code, unit_code FROM procedure_unit WHERE procedure_code IN " + ofSubtree + " ORDER BY 1, 2")) {
            ps.setArray(1, Sql.text(c, subtree));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) unitsOf.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        Map<String, ProcedureCatalog> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                SELECT code, online, fee_bearing, payment_integrated, citizen, made_public_at, public_full
                FROM procedure_catalog WHERE code IN """ + ofSubtree)) {
            ps.setArray(1, Sql.text(c, subtree));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String code = rs.getString(1);
                    out.put(code, new ProcedureCatalog(code, unitsOf.getOrDefault(code, List.of()), rs.getBoolean(2), rs.getBoolean(3),
                            rs.getBoolean(4), rs.getBoolean(5), Sql.instant(rs.getTimestamp(6)), rs.getBoolean(7)));
                }
            }
        }
        return out;
    }

    /** Level and e-certified-copy start of the known units of the subtree (placeholders have no level). */
    private static Map<String, FromScratch.UnitFacts> units(Connection c, Collection<String> subtree) throws SQLException {
        Map<String, FromScratch.UnitFacts> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT code, level, e_certified_copy_since FROM unit WHERE code = ANY(?) AND known AND level IS NOT NULL")) {
            ps.setArray(1, Sql.text(c, subtree));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Date since = rs.getDate(3);
                    out.put(rs.getString(1), new FromScratch.UnitFacts(rs.getString(2), since == null ? null : since.toLocalDate()));
                }
            }
        }
        return out;
    }

    private static List<String> texts(Connection c, String sql, Collection<String> subtree) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setArray(1, Sql.text(c, subtree));
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
            return out;
        }
    }
}
