package dvc766.indicator.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dvc766.common.period.Period;
import dvc766.contracts.events.ProcedureData;
import dvc766.contracts.events.UnitData;
import dvc766.indicator.domain.ProcedureCatalog;
import dvc766.indicator.messaging.IndicatorEngine;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * Catalogue and unit facts dated in the future (a procedure's madePublicAt, a commune's eCertifiedCopySince) count when
 * that instant comes, with no new event: they are applied as of an earlier instant, when the date was still ahead (as
 * after a downtime), and the scheduler, running on real time, must count them by itself.
 */
@QuarkusTest
class TimedFactsTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @Inject
    IndicatorEngine engine;
    @Inject
    DataSource ds;

    @Test
    void aProcedureMadePublicLaterCountsInPublicContentFullWhenThatInstantComes() {
        String x = Feed.prefix();
        String p = x + "-P";
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant madePublic = now.minusSeconds(60);
        Instant appliedAt = now.minusSeconds(3600);
        QuarkusTransaction.requiringNew().run(() -> {
            engine.applyUnits(List.of(unit(x, "PROVINCE", null, null)), appliedAt);
            engine.applyProcedures(List.of(procedure(p, x, madePublic)), appliedAt);
            // at the instant applied, the procedure is not public yet: counted as provided online, not in PUBLIC_CONTENT_FULL
            assertThat(pooledNow(x, "ONLINE_SERVICE_PROVISION")).isEqualTo("1/1");
            assertThat(pooledNow(x, "PUBLIC_CONTENT_FULL")).isEqualTo("none");
            assertThat(nextCheck("procedure_catalog", p)).isEqualTo(madePublic);
        });
        String month = Period.containing(Instant.now(), Period.Kind.MONTH).key();
        await().atMost(WAIT).untilAsserted(() -> assertThat(Feed.counts(x, month, "PUBLIC_CONTENT_FULL")).isEqualTo("1/1"));
        assertThat(nextCheck("procedure_catalog", p)).isNull();
        assertThat(pooledNow(x, "PUBLIC_CONTENT_FULL")).isEqualTo("1/1");

        // a later state of the procedure (parts removed) moves the counts from what they hold: counted once, then failed
        QuarkusTransaction.requiringNew().run(() -> engine.applyProcedures(List.of(new ProcedureData(p, "Thủ tục " + p, "Xây dựng", List.of(x),
                List.of("CITIZEN"), "FULL", true, false, false, false, new ProcedureData.LegalTime(5, "WORKING_DAYS"), List.of("NAME"),
                madePublic.atOffset(ZoneOffset.UTC), OffsetDateTime.now(ZoneOffset.UTC), 2))));
        await().atMost(WAIT).untilAsserted(() -> assertThat(Feed.counts(x, month, "PUBLIC_CONTENT_FULL")).isEqualTo("0/1"));
    }

    @Test
    void aCommuneOfferingCertifiedCopiesFromALaterDayCountsFromThatDay() {
        String x = Feed.prefix();
        String c = x + ".X1";
        LocalDate today = LocalDate.now(Period.ZONE);
        Instant startOfToday = today.atStartOfDay(Period.ZONE).toInstant();
        Instant appliedAt = startOfToday.minusSeconds(3600);
        QuarkusTransaction.requiringNew().run(() -> {
            engine.applyUnits(List.of(unit(x, "PROVINCE", null, null), unit(c, "COMMUNE", x, today)), appliedAt);
            // the day before: a commune, not offering electronic certified copies yet
            assertThat(pooledNow(c, "E_CERTIFIED_COPY")).isEqualTo("0/1");
            assertThat(pooledNow(x, "E_CERTIFIED_COPY")).isEqualTo("0/1");
            assertThat(nextCheck("unit", c)).isEqualTo(startOfToday);
        });
        String month = Period.containing(Instant.now(), Period.Kind.MONTH).key();
        await().atMost(WAIT).untilAsserted(() -> {
            assertThat(Feed.counts(c, month, "E_CERTIFIED_COPY")).isEqualTo("1/1");
            assertThat(Feed.counts(x, month, "E_CERTIFIED_COPY")).isEqualTo("1/1");
        });
        assertThat(nextCheck("unit", c)).isNull();
    }

    static UnitData unit(String code, String level, String parent, LocalDate certifiedSince) {
        return new UnitData(code, "Đơn vị " + code, level, parent, LocalDate.of(2022, 1, 1), null, certifiedSince, OffsetDateTime.now(ZoneOffset.UTC), 1);
    }

    static ProcedureData procedure(String code, String unit, Instant madePublicAt) {
        return new ProcedureData(code, "Thủ tục " + code, "Xây dựng", List.of(unit), List.of("CITIZEN"), "FULL", true, false, false, false,
                new ProcedureData.LegalTime(5, "WORKING_DAYS"), List.copyOf(ProcedureCatalog.REQUIRED_PARTS), madePublicAt.atOffset(ZoneOffset.UTC),
                OffsetDateTime.now(ZoneOffset.UTC), 1);
    }

    /** A present-state pooled counter (period {@code *}); "none" when there is no row. */
    String pooledNow(String unit, String indicator) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT num, den FROM pooled_counter WHERE unit_code = ? AND period = '*' AND indicator = ? AND (num <> 0 OR den <> 0)")) {
            ps.setString(1, unit);
            ps.setString(2, indicator);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getLong(1) + "/" + rs.getLong(2) : "none";
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    Instant nextCheck(String table, String code) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT next_check_at FROM " + table + " WHERE code = ?")) {
            ps.setString(1, code);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getTimestamp(1) == null ? null : rs.getTimestamp(1).toInstant();
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
