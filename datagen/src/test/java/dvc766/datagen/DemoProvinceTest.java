package dvc766.datagen;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dvc766.common.calendar.LegalTimeUnit;
import java.text.Normalizer;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DemoProvinceTest {

    /** A Sunday night, to make sure nothing is placed on the weekend by mistake except what may be. */
    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-11-29T21:40:17+07:00");
    static DemoProvince province;
    static Map<String, Unit> units;
    static Map<String, Procedure> procedures;

    @BeforeAll
    static void generate() {
        province = DemoProvince.generate(DemoParams.defaults(NOW.toInstant()));
        units = province.units().stream().collect(Collectors.toMap(Unit::code, Function.identity()));
        procedures = province.procedures().stream().collect(Collectors.toMap(Procedure::code, Function.identity()));
    }

    @Test
    void sameSeedAndParamsGiveTheSameProvince() throws Exception {
        DemoParams small = new DemoParams(42, NOW, 3, 700, 3);
        DemoProvince a = DemoProvince.generate(small);
        DemoProvince b = DemoProvince.generate(small);
        assertThat(b).isEqualTo(a);
        ObjectMapper m = Json.mapper();
        assertThat(m.writeValueAsString(b.dossiers())).isEqualTo(m.writeValueAsString(a.dossiers()));
        assertThat(m.writeValueAsString(b.procedures())).isEqualTo(m.writeValueAsString(a.procedures()));
        // the streaming form gives the same dossiers as the materialised one
        assertThat(DemoStructure.build(small).dossiers().toList()).isEqualTo(a.dossiers());

        DemoProvince other = DemoProvince.generate(small.withSeed(43));
        assertThat(other.dossiers()).isNotEqualTo(a.dossiers());
        assertThat(other.units().stream().map(Unit::code).toList())
                .isEqualTo(a.units().stream().map(Unit::code).toList());
    }

    @Test
    void generatingAgainLaterKeepsTheDossierCodesSoThatReloadingUpdatesInsteadOfAdding() {
        DemoParams p = new DemoParams(42, NOW, 3, 700, 3);
        List<Dossier> before = DemoProvince.generate(p).dossiers();
        List<Dossier> after = DemoProvince.generate(p.withNow(NOW.plusDays(1).plusHours(3))).dossiers();
        assertThat(after.stream().map(Dossier::code).toList()).isEqualTo(before.stream().map(Dossier::code).toList());
        assertThat(after.stream().map(Dossier::procedureCode).toList())
                .isEqualTo(before.stream().map(Dossier::procedureCode).toList());
        // the later version of a dossier is mostly newer, so that the platform applies it
        long newer = java.util.stream.IntStream.range(0, before.size())
                .filter(i -> after.get(i).updatedAt().isAfter(before.get(i).updatedAt())).count();
        assertThat(newer).isGreaterThan(before.size() * 8L / 10);
    }

    @Test
    void defaultsGiveTheExpectedVolumes() {
        assertThat(province.dossiers()).hasSize(6 * 3000);
        assertThat(count(UnitLevel.PROVINCE)).isEqualTo(1);
        assertThat(count(UnitLevel.DEPARTMENT)).isEqualTo(20);
        assertThat(count(UnitLevel.SERVICE_CENTER)).isEqualTo(1);
        assertThat(count(UnitLevel.DISTRICT)).isEqualTo(27);
        assertThat(count(UnitLevel.COMMUNE)).isEqualTo(270);
        assertThat(province.procedures()).hasSizeBetween(30, 60);
        DemoProvince none = DemoProvince.generate(new DemoParams(1, NOW, 0, 0, 1));
        assertThat(none.units()).hasSize(49);
        assertThat(none.dossiers()).isEmpty();
    }

    private static long count(UnitLevel level) {
        return province.units().stream().filter(u -> u.level() == level).count();
    }

    @Test
    void unitsAreRealOrLabelledMadeUpParentsFirstUniqueAndNfc() {
        Set<String> seen = new HashSet<>();
        for (Unit u : province.units()) {
            assertThat(seen.add(u.code())).as("unique code %s", u.code()).isTrue();
            if (u.parentCode() != null) assertThat(seen).as("parent of %s listed before it", u.code()).contains(u.parentCode());
            assertThat(Normalizer.isNormalized(u.name(), Normalizer.Form.NFC)).as(u.name()).isTrue();
            assertThat(u.updatedAt()).isBeforeOrEqualTo(NOW);
            if (u.level() == UnitLevel.COMMUNE) {
                assertThat(u.madeUp()).isTrue();
                assertThat(u.name()).contains("giả lập").contains(units.get(u.parentCode()).name());
                assertThat(u.code()).matches(u.parentCode() + "\\.D\\d{2}");
                assertThat(units.get(u.parentCode()).level()).isEqualTo(UnitLevel.DISTRICT);
                if (u.eCertifiedCopySince() != null) assertThat(u.eCertifiedCopySince()).isBefore(NOW.toLocalDate());
            } else {
                assertThat(u.madeUp()).isFalse();
                assertThat(u.eCertifiedCopySince()).isNull();
            }
        }
        assertThat(units.get("405").name()).isEqualTo("Huyện Đông Sơn");
        assertThat(units.get("396").name()).isEqualTo("Huyện Thường Xuân");
        assertThat(units.get("405.D01").name()).isEqualTo("Xã Mẫu 01 — Huyện Đông Sơn (giả lập)");
        assertThat(units.get("380.D10").name()).isEqualTo("Phường Mẫu 10 — Thành phố Thanh Hóa (giả lập)");
        assertThat(units.get("38").parentCode()).isNull();
        // some communes offer electronic certified copies, some do not
        long eCopy = province.units().stream().filter(u -> u.eCertifiedCopySince() != null).count();
        assertThat(eCopy).isBetween(50L, 250L);
    }

    @Test
    void proceduresAreVariedAndAssignedToExistingUnits() {
        Set<String> names = new HashSet<>();
        Map<LegalTimeUnit, Integer> byTimeUnit = new HashMap<>();
        Map<OnlineLevel, Integer> byOnline = new HashMap<>();
        int complete = 0;
        int feeBearing = 0;
        for (Procedure p : province.procedures()) {
            assertThat(names.add(p.name())).as("unique name %s", p.name()).isTrue();
            assertThat(Normalizer.isNormalized(p.name() + p.field(), Normalizer.Form.NFC)).isTrue();
            assertThat(p.unitCodes()).isNotEmpty().allSatisfy(c -> assertThat(units).containsKey(c));
            Set<UnitLevel> levels = p.unitCodes().stream().map(c -> units.get(c).level()).collect(Collectors.toSet());
            assertThat(levels).hasSize(1);
            assertThat(p.madePublicAt()).isNotNull().isBeforeOrEqualTo(NOW);
            assertThat(p.updatedAt()).isBeforeOrEqualTo(NOW).isAfterOrEqualTo(p.madePublicAt());
            assertThat(p.applicantTypes()).isNotEmpty();
            assertThat(p.legalTime().amount()).isPositive();
            if (p.paymentIntegrated()) assertThat(p.feeBearing()).isTrue();
            if (p.onlineLevel() == OnlineLevel.FULL) assertThat(p.eligibleForFullOnline()).isTrue();
            byTimeUnit.merge(p.legalTime().unit(), 1, Integer::sum);
            byOnline.merge(p.onlineLevel(), 1, Integer::sum);
            if (p.publicParts().size() == PublicPart.values().length) complete++;
            if (p.feeBearing()) feeBearing++;
        }
        int n = province.procedures().size();
        assertThat(byTimeUnit.get(LegalTimeUnit.WORKING_DAYS)).isGreaterThan(n / 2);
        assertThat(byTimeUnit).containsKeys(LegalTimeUnit.DAYS, LegalTimeUnit.HOURS);
        assertThat(byOnline).containsKeys(OnlineLevel.FULL, OnlineLevel.PARTIAL, OnlineLevel.NONE);
        assertThat(complete).isGreaterThan(n * 2 / 3).isLessThan(n);
        assertThat(feeBearing).isBetween(n / 4, n * 3 / 4);
        assertThat(province.procedures().stream().map(Procedure::name))
                .contains("Đăng ký khai sinh", "Đăng ký thành lập hộ kinh doanh");
        assertThat(province.procedures().stream().filter(p -> p.name().startsWith("Cấp giấy phép xây dựng"))).hasSize(2);
        assertThat(province.procedures().stream().filter(p -> p.name().startsWith("Chứng thực bản sao từ bản chính")))
                .hasSize(2);
        // every level that resolves dossiers has procedures: each department, all districts, all communes
        for (Unit u : province.units()) {
            if (u.level() == UnitLevel.PROVINCE || u.level() == UnitLevel.SERVICE_CENTER) continue;
            assertThat(province.procedures().stream().anyMatch(p -> p.unitCodes().contains(u.code())))
                    .as("procedures for %s", u.code()).isTrue();
        }
    }

    @Test
    void everyDossierIsConsistentAndNothingLiesInTheFuture() {
        Set<String> codes = new HashSet<>();
        for (Dossier d : province.dossiers()) {
            String c = d.code();
            assertThat(codes.add(c)).as("unique code %s", c).isTrue();
            Unit u = units.get(d.unitCode());
            Procedure p = procedures.get(d.procedureCode());
            assertThat(u).as("unit of %s", c).isNotNull();
            assertThat(p).as("procedure of %s", c).isNotNull();
            assertThat(p.unitCodes()).as("procedure %s assigned to %s", p.code(), u.code()).contains(u.code());

            OffsetDateTime r = d.receivedAt();
            assertThat(r).as(c).isBeforeOrEqualTo(NOW).isAfterOrEqualTo(NOW.minusMonths(6));
            assertThat(d.updatedAt()).as(c).isBeforeOrEqualTo(NOW).isAfterOrEqualTo(r);
            if (d.dueAt() != null) assertThat(d.dueAt()).as(c).isAfterOrEqualTo(r);
            for (OffsetDateTime t : times(d)) {
                assertThat(t).as("a time of %s", c).isBeforeOrEqualTo(NOW).isAfterOrEqualTo(r);
                assertThat(t).as("updatedAt of %s is the last change", c).isBeforeOrEqualTo(d.updatedAt());
                assertThat(t.getOffset().getTotalSeconds()).isEqualTo(7 * 3600);
                assertThat(t.getNano()).isZero();
            }
            OffsetDateTime prev = r;
            for (Dossier.Supplement s : d.supplements()) {
                assertThat(s.requestedAt()).as(c).isAfterOrEqualTo(prev);
                if (s.returnedAt() != null) {
                    assertThat(s.returnedAt()).as(c).isAfterOrEqualTo(s.requestedAt());
                    prev = s.returnedAt();
                } else {
                    assertThat(s).as("only the last supplement of %s may be awaited", c)
                            .isEqualTo(d.supplements().get(d.supplements().size() - 1));
                }
                if (d.finishedAt() != null) assertThat(d.finishedAt()).isAfterOrEqualTo(s.requestedAt());
            }
            assertThat(d.supplements()).hasSizeLessThanOrEqualTo(2);

            boolean finished = d.status().finished();
            assertThat(d.finishedAt() != null).as(c).isEqualTo(finished);
            assertThat(d.finishKind() != null).as(c).isEqualTo(finished);
            if (finished) {
                assertThat(d.finishKind().name()).isEqualTo(d.status().name());
                assertThat(d.finishedAt()).as(c).isAfterOrEqualTo(r).isAfterOrEqualTo(prev);
                assertThat(d.supplements()).allSatisfy(s -> assertThat(s.returnedAt()).isNotNull());
            } else {
                assertThat(d.rating()).isNull();
                assertThat(d.eResult()).isFalse();
                boolean awaiting = !d.supplements().isEmpty()
                        && d.supplements().get(d.supplements().size() - 1).returnedAt() == null;
                assertThat(d.status() == DossierStatus.AWAITING_SUPPLEMENT).as(c).isEqualTo(awaiting);
            }
            if (d.eResult()) {
                assertThat(d.finishKind()).isIn(FinishKind.PROCESSED, FinishKind.RESULT_RETURNED);
            }
            assertThat(d.feeAmount()).isNotNegative();
            if (d.feeAmount() > 0) assertThat(p.feeBearing()).isTrue();
            if (d.paidOnlineAt() != null) assertThat(d.feeAmount()).isPositive();
            if (d.populationDataUsed()) assertThat(p.applicantTypes()).contains(ApplicantType.CITIZEN);
            if (d.channel() == Channel.ONLINE) assertThat(p.onlineLevel()).isNotEqualTo(OnlineLevel.NONE);
        }
    }

    private static List<OffsetDateTime> times(Dossier d) {
        List<OffsetDateTime> t = new ArrayList<>();
        t.add(d.receivedAt());
        t.add(d.updatedAt());
        for (OffsetDateTime x : new OffsetDateTime[] {d.finishedAt(), d.syncedAt(), d.paidOnlineAt()}) {
            if (x != null) t.add(x);
        }
        for (Dossier.Supplement s : d.supplements()) {
            t.add(s.requestedAt());
            if (s.returnedAt() != null) t.add(s.returnedAt());
        }
        return t;
    }

    @Test
    void lifecycleMixLooksLikeAnOffice() {
        Map<DossierStatus, Long> byStatus = province.dossiers().stream()
                .collect(Collectors.groupingBy(Dossier::status, Collectors.counting()));
        long n = province.dossiers().size();
        long finished = byStatus.entrySet().stream().filter(e -> e.getKey().finished()).mapToLong(Map.Entry::getValue).sum();
        assertThat(finished).isGreaterThan(n * 85 / 100).isLessThan(n);
        assertThat(byStatus).containsKeys(DossierStatus.PROCESSED, DossierStatus.RESULT_RETURNED, DossierStatus.REFUSED,
                DossierStatus.WITHDRAWN, DossierStatus.IN_PROGRESS, DossierStatus.AWAITING_SUPPLEMENT);
        assertThat(byStatus.get(DossierStatus.WITHDRAWN)).isLessThan(n / 50);
        long oneSupplement = province.dossiers().stream().filter(d -> d.supplements().size() == 1).count();
        long twoSupplements = province.dossiers().stream().filter(d -> d.supplements().size() == 2).count();
        assertThat(oneSupplement).isGreaterThan(n / 50);
        assertThat(twoSupplements).isPositive().isLessThan(oneSupplement);
        assertThat(province.dossiers().stream().filter(d -> d.rating() == Rating.DISSATISFIED)).isNotEmpty();
        assertThat(province.dossiers().stream().filter(d -> d.dueAt() == null)).isNotEmpty();

        // on working days, in office hours (except the few live ones that may have come in online at night)
        OfficeHours office = new OfficeHours(DossierGenerator.CALENDAR);
        long outside = province.dossiers().stream().filter(d -> !office.isOpen(d.receivedAt().toInstant())).count();
        assertThat(outside).isLessThanOrEqualTo(DossierGenerator.liveCount(province.params()));
        java.time.LocalDate nationalDay = java.time.LocalDate.of(2026, 9, 2);
        assertThat(DossierGenerator.CALENDAR.isWorkingDay(nationalDay)).isFalse();
        assertThat(province.dossiers().stream()
                .filter(d -> d.receivedAt().toLocalDate().equals(nationalDay))).isEmpty();

        // unfinished recent dossiers fall due in the coming days
        List<Dossier> open = province.dossiers().stream()
                .filter(d -> !d.status().finished() && d.dueAt() != null && d.dueAt().isAfter(NOW)).toList();
        assertThat(open.stream().filter(d -> d.dueAt().isAfter(NOW.plusDays(1)))).hasSizeGreaterThan(20);
    }

    @Test
    void someOpenDossiersFallDueDuringTheNextHours() {
        List<Dossier> soon = province.dossiers().stream()
                .filter(d -> !d.status().finished() && d.dueAt() != null)
                .filter(d -> d.dueAt().isAfter(NOW) && !d.dueAt().isAfter(NOW.plusHours(3)))
                .toList();
        assertThat(soon).hasSizeGreaterThanOrEqualTo(DossierGenerator.liveCount(province.params()));
        assertThat(soon).anyMatch(d -> d.dueAt().isBefore(NOW.plusMinutes(10)));
        assertThat(soon).anyMatch(d -> d.dueAt().isAfter(NOW.plusHours(2)));
        assertThat(soon).allSatisfy(d -> assertThat(d.supplements()).isEmpty());
    }

    @Test
    void unitsBehaveDifferently() {
        // on-time share of finished dossiers per district, its communes pooled in (as the index pools them)
        Map<String, int[]> byDistrict = new HashMap<>();
        for (Dossier d : province.dossiers()) {
            if (!d.status().finished() || d.status() == DossierStatus.WITHDRAWN || d.dueAt() == null) continue;
            Unit u = units.get(d.unitCode());
            String district = u.level() == UnitLevel.COMMUNE ? u.parentCode() : u.code();
            if (units.get(district).level() != UnitLevel.DISTRICT) continue;
            int[] c = byDistrict.computeIfAbsent(district, k -> new int[2]);
            c[1]++;
            if (onTime(d)) c[0]++;
        }
        assertThat(byDistrict).hasSize(27);
        List<Double> shares = byDistrict.values().stream().map(c -> c[0] / (double) c[1]).sorted().toList();
        assertThat(shares.get(0)).isBetween(0.45, 0.75);
        assertThat(shares.get(shares.size() - 1)).isBetween(0.85, 1.0);
        assertThat(shares.get(shares.size() - 1) - shares.get(0)).isGreaterThan(0.2);

        // the seeded propensities themselves span weak to excellent
        List<Double> propensities = province.profiles().values().stream()
                .filter(p -> units.get(p.unitCode()).level() == UnitLevel.COMMUNE).map(UnitProfile::onTime).toList();
        assertThat(propensities.stream().mapToDouble(x -> x).min().orElseThrow()).isLessThan(0.7);
        assertThat(propensities.stream().mapToDouble(x -> x).max().orElseThrow()).isGreaterThan(0.93);
        assertThat(province.profiles().values()).allSatisfy(p -> assertThat(p.onTime()).isBetween(0.55, 0.99));

        // online share differs too
        Map<String, long[]> online = new HashMap<>();
        for (Dossier d : province.dossiers()) {
            if (units.get(d.unitCode()).level() != UnitLevel.DISTRICT) continue;
            long[] c = online.computeIfAbsent(d.unitCode(), k -> new long[2]);
            c[1]++;
            if (d.channel() == Channel.ONLINE) c[0]++;
        }
        List<Double> onlineShares = online.values().stream().map(c -> c[0] / (double) c[1]).sorted().toList();
        assertThat(onlineShares.get(onlineShares.size() - 1) - onlineShares.get(0)).isGreaterThan(0.2);
    }

    /** index-766 §11, for a finished dossier: at most one supplement and finished by the moved deadline. */
    static boolean onTime(Dossier d) {
        if (d.supplements().size() > 1) return false;
        Duration wait = Duration.ZERO;
        for (Dossier.Supplement s : d.supplements()) wait = wait.plus(Duration.between(s.requestedAt(), s.returnedAt()));
        return !d.finishedAt().isAfter(d.dueAt().plus(wait));
    }

    @Test
    void dueDatesFollowTheLegalTime() {
        var cal = DossierGenerator.CALENDAR;
        for (Dossier d : province.dossiers()) {
            if (d.dueAt() == null) continue;
            Procedure.LegalTime lt = procedures.get(d.procedureCode()).legalTime();
            assertThat(d.dueAt().toInstant()).as(d.code())
                    .isEqualTo(cal.add(d.receivedAt().toInstant(), lt.amount(), lt.unit()));
        }
    }
}
