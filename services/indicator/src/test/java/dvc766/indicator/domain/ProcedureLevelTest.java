package dvc766.indicator.domain;

import static dvc766.indicator.domain.Indicators.*;
import static org.assertj.core.api.Assertions.assertThat;

import dvc766.common.calendar.LegalTimeUnit;
import dvc766.common.calendar.WorkingDayCalendar;
import dvc766.common.period.Period;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Hand-computed procedure-level indicators and E_CERTIFIED_COPY (index-766 §11): a procedure counts once per subtree,
 * so a parent's figure is not the sum of its children's.
 */
class ProcedureLevelTest {

    static final WorkingDayCalendar CAL = WorkingDayCalendar.vietnam();
    static final Instant NOW = t("2025-04-10T00:00+07:00");
    static final Set<String> PROVINCE = Set.of("38", "38.A", "38.B", "38.B.X1", "38.B.X2");
    static final List<String> ALL_PARTS = List.copyOf(ProcedureCatalog.REQUIRED_PARTS);

    static Instant t(String iso) {
        return OffsetDateTime.parse(iso).toInstant();
    }

    static final Map<String, ProcedureCatalog> CATALOG = Map.of(
            "P1", ProcedureCatalog.of("P1", List.of("38.A"), "FULL", true, true, List.of("CITIZEN"), t("2024-01-01T00:00+07:00"), ALL_PARTS),
            "P2", ProcedureCatalog.of("P2", List.of("38.A", "38.B"), "NONE", true, false, List.of("ORGANIZATION"), t("2024-01-01T00:00+07:00"),
                    List.of("NAME")),
            "P3", ProcedureCatalog.of("P3", List.of("38.B"), "PARTIAL", false, false, List.of("CITIZEN", "ORGANIZATION"),
                    t("2025-05-01T00:00+07:00"), ALL_PARTS));
    static final Map<String, ProcedureFacts> PROCEDURES = Map.of("P1", new ProcedureFacts("P1", new ProcedureFacts.LegalTime(5, LegalTimeUnit.WORKING_DAYS), false),
            "P2", new ProcedureFacts("P2", null, false), "P3", new ProcedureFacts("P3", null, false));
    static final Map<String, FromScratch.UnitFacts> UNITS = Map.of("38", new FromScratch.UnitFacts("PROVINCE", null),
            "38.A", new FromScratch.UnitFacts("DEPARTMENT", null), "38.B", new FromScratch.UnitFacts("DISTRICT", null),
            "38.B.X1", new FromScratch.UnitFacts("COMMUNE", LocalDate.of(2024, 5, 1)), "38.B.X2", new FromScratch.UnitFacts("COMMUNE", null));

    static DossierFacts dossier(String procedure, String unit, D d) {
        DossierFacts f = d.unit(unit).build();
        return new DossierFacts(procedure + "-" + unit + "-" + f.receivedAt(), procedure, unit, f.channel(), f.receivedAt(), f.dueAt(), f.status(),
                f.finishedAt(), f.finishKind(), f.supplements(), f.syncedAt(), f.eResult(), f.inputsDigitized(), f.reusedData(),
                f.personalStoreLinked(), f.populationDataUsed(), f.feeAmount(), f.paidOnlineAt(), f.rating());
    }

    static FromScratch.World world(DossierFacts... dossiers) {
        return new FromScratch.World(List.of(dossiers), PROCEDURES, List.of(), PetitionDeadlines.DEFAULT, List.of(), DecisionDeadlines.DEFAULT,
                CATALOG, UNITS);
    }

    @Test
    void catalogueFiguresCountEachProcedureOncePerSubtree() {
        Map<String, Counts> province = FromScratch.current(world(), PROVINCE, NOW);
        assertThat(province.get(ONLINE_SERVICE_PROVISION)).isEqualTo(new Counts(2, 3));
        // P2 belongs to both children: 1/2 and 1/2 do not add up to the province's 2/3
        assertThat(FromScratch.current(world(), Set.of("38.A"), NOW).get(ONLINE_SERVICE_PROVISION)).isEqualTo(new Counts(1, 2));
        assertThat(FromScratch.current(world(), Set.of("38.B", "38.B.X1", "38.B.X2"), NOW).get(ONLINE_SERVICE_PROVISION)).isEqualTo(new Counts(1, 2));
        assertThat(province.get(PAYMENT_INTEGRATION)).isEqualTo(new Counts(1, 2));
        // P3 is made public only in May; P2's record lacks parts
        assertThat(province.get(PUBLIC_CONTENT_FULL)).isEqualTo(new Counts(1, 2));
        assertThat(province.get(ONLINE_SERVICE_USAGE)).isEqualTo(new Counts(0, 2));
        assertThat(province.get(PAYMENT_USAGE)).isEqualTo(new Counts(0, 2));
        assertThat(province.get(CITIZEN_DATA_FORMALITY)).isEqualTo(new Counts(0, 2));
        // no procedure: empty denominators
        assertThat(FromScratch.current(world(), Set.of("38.B.X1"), NOW)).doesNotContainKey(ONLINE_SERVICE_PROVISION);
    }

    @Test
    void usageCountsProceduresWithTheFeatureAndAQualifyingDossierInThePeriod() {
        Period march = Period.parse("2025-03");
        FromScratch.World w = world(
                dossier("P1", "38.A", D.received("2025-03-03T09:00+07:00").online().population()),
                dossier("P1", "38.A", D.received("2025-03-04T09:00+07:00").online()),
                // P2 is not online: its online dossier does not count; paid online in March although received in February
                dossier("P2", "38.B", D.received("2025-02-20T09:00+07:00").online().fee(10_000, "2025-03-02T10:00+07:00")),
                // P3 online, but its dossier is withdrawn
                dossier("P3", "38.B.X1", D.received("2025-03-05T09:00+07:00").online().withdrawn("2025-03-06T09:00+07:00")),
                // P3's dossier of another month
                dossier("P3", "38.B.X1", D.received("2025-04-02T09:00+07:00").online()));
        Map<String, Counts> province = FromScratch.pooled(w, PROVINCE, march, NOW, CAL);
        Map<String, Counts> now = FromScratch.current(w, PROVINCE, NOW);
        assertThat(province.get(ONLINE_SERVICE_USAGE).plus(now.get(ONLINE_SERVICE_USAGE))).isEqualTo(new Counts(1, 2));
        assertThat(province.get(PAYMENT_USAGE).plus(now.get(PAYMENT_USAGE))).isEqualTo(new Counts(1, 2));
        assertThat(province.get(CITIZEN_DATA_FORMALITY).plus(now.get(CITIZEN_DATA_FORMALITY))).isEqualTo(new Counts(1, 2));
        // 38.B's dossier paid for P2: P2 belongs to 38.B too
        assertThat(FromScratch.pooled(w, Set.of("38.B", "38.B.X1", "38.B.X2"), march, NOW, CAL).get(PAYMENT_USAGE)).isEqualTo(new Counts(1, 0));
        // February: P2's dossier was received then, but paid in March
        assertThat(FromScratch.pooled(w, PROVINCE, Period.parse("2025-02"), NOW, CAL)).doesNotContainKey(PAYMENT_USAGE);
        assertThat(FromScratch.pooled(w, PROVINCE, Period.parse("2025-04"), NOW, CAL).get(ONLINE_SERVICE_USAGE)).isEqualTo(new Counts(1, 0));
    }

    @Test
    void eCertifiedCopyCountsCommunesOfTheSubtree() {
        assertThat(FromScratch.current(world(), PROVINCE, NOW).get(E_CERTIFIED_COPY)).isEqualTo(new Counts(1, 2));
        assertThat(FromScratch.current(world(), Set.of("38.B.X2"), NOW).get(E_CERTIFIED_COPY)).isEqualTo(new Counts(0, 1));
        // a department has no commune: empty (not applicable there by the rule set's levels)
        assertThat(FromScratch.current(world(), Set.of("38.A"), NOW)).doesNotContainKey(E_CERTIFIED_COPY);
        assertThat(UnitContributions.eCertifiedCopy("COMMUNE", LocalDate.of(2025, 4, 11), NOW)).isEqualTo(new Counts(0, 1));
        assertThat(UnitContributions.eCertifiedCopy("COMMUNE", LocalDate.of(2025, 4, 10), NOW)).isEqualTo(new Counts(1, 1));
        assertThat(UnitContributions.eCertifiedCopy("DISTRICT", LocalDate.of(2020, 1, 1), NOW)).isEqualTo(Counts.ZERO);
    }
}
