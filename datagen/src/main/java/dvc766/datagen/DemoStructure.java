package dvc766.datagen;

import dvc766.common.calendar.LegalTimeUnit;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * The demo province without its dossiers: units, their behaviour profiles, the procedure catalogue, and the
 * weights that spread dossiers over (unit, procedure) pairs. Cheap to build; {@link #dossiers()} streams the dossiers
 * lazily, so a benchmark can generate millions without holding them.
 */
public final class DemoStructure {

    /** Share of the province's dossiers handled at each level. */
    private static final Map<UnitLevel, Double> LEVEL_SHARE = Map.of(
            UnitLevel.DEPARTMENT, 0.15, UnitLevel.DISTRICT, 0.25, UnitLevel.COMMUNE, 0.60);
    /** Cities and towns: more dossiers. */
    private static final Set<String> URBAN = Set.of("381", "382", "407");
    /** Mountain districts: fewer dossiers. */
    private static final Set<String> MOUNTAIN = Set.of("384", "385", "386", "387", "388", "396", "402");
    static final LocalDate VALID_FROM = LocalDate.of(2022, 1, 1);

    private final DemoParams params;
    private final List<Unit> units;
    private final Map<String, Unit> unitsByCode;
    private final Map<String, UnitProfile> profiles;
    private final List<Procedure> procedures;
    private final Map<String, Procedure> proceduresByCode;
    private final Map<String, ProcedureCatalog.Template> templatesByCode;
    // dossier sampling: pair i = (pairUnit[i], pairProcedure[i]) with cumulative weight cumulative[i]
    final Unit[] pairUnit;
    final Procedure[] pairProcedure;
    final ProcedureCatalog.Template[] pairTemplate;
    final double[] cumulative;

    private DemoStructure(DemoParams params) {
        this.params = params;
        this.units = buildUnits();
        Map<String, Unit> byCode = new LinkedHashMap<>();
        units.forEach(u -> byCode.put(u.code(), u));
        this.unitsByCode = Collections.unmodifiableMap(byCode);
        this.profiles = Collections.unmodifiableMap(buildProfiles());

        List<ProcedureCatalog.Template> templates = ProcedureCatalog.templates();
        Map<String, ProcedureCatalog.Template> tByCode = new LinkedHashMap<>();
        templates.forEach(t -> tByCode.put(t.code(), t));
        this.templatesByCode = Collections.unmodifiableMap(tByCode);
        this.procedures = buildProcedures(templates);
        Map<String, Procedure> pByCode = new LinkedHashMap<>();
        procedures.forEach(p -> pByCode.put(p.code(), p));
        this.proceduresByCode = Collections.unmodifiableMap(pByCode);

        List<Unit> pu = new ArrayList<>();
        List<Procedure> pp = new ArrayList<>();
        List<ProcedureCatalog.Template> pt = new ArrayList<>();
        List<Double> pw = new ArrayList<>();
        buildPairs(pu, pp, pt, pw);
        this.pairUnit = pu.toArray(Unit[]::new);
        this.pairProcedure = pp.toArray(Procedure[]::new);
        this.pairTemplate = pt.toArray(ProcedureCatalog.Template[]::new);
        this.cumulative = new double[pw.size()];
        double sum = 0;
        for (int i = 0; i < cumulative.length; i++) {
            sum += pw.get(i);
            cumulative[i] = sum;
        }
    }

    /** Builds the structure for these parameters. */
    public static DemoStructure build(DemoParams params) {
        return new DemoStructure(params);
    }

    public DemoParams params() { return params; }

    /** Units, parents before children. */
    public List<Unit> units() { return units; }

    public Map<String, Unit> unitsByCode() { return unitsByCode; }

    /** Every unit's behaviour profile, by unit code. */
    public Map<String, UnitProfile> profiles() { return profiles; }

    public List<Procedure> procedures() { return procedures; }

    public Map<String, Procedure> proceduresByCode() { return proceduresByCode; }

    /** The catalogue template behind a procedure (its level, typical fee, relative volume). */
    public ProcedureCatalog.Template template(String procedureCode) { return templatesByCode.get(procedureCode); }

    /** The publishing decisions (QĐCB) of the history window, a share of them late. */
    public List<PublishingDecision> publishingDecisions() {
        return DecisionGenerator.generate(this);
    }

    /** The PAKN of the history window (about one per hundred dossiers), with their steps up to {@code now}. */
    public List<Complaint> complaints() {
        return ComplaintGenerator.generate(this);
    }

    /** The dossiers, oldest month first, generated lazily; the same sequence on every call. */
    public Stream<Dossier> dossiers() {
        return new DossierGenerator(this).stream();
    }

    // ---------------------------------------------------------------------------------------------------------

    private List<Unit> buildUnits() {
        SplittableRandom rng = Rand.stream(params.seed(), 1);
        OffsetDateTime now = params.now();
        // a fixed time the day before: re-running the same day sends the same units (UNCHANGED)
        OffsetDateTime updatedAt = now.toLocalDate().minusDays(1).atTime(LocalTime.of(8, 0))
                .atZone(DemoParams.ZONE).toOffsetDateTime();
        List<Unit> out = new ArrayList<>();
        List<UnitCatalog.Row> real = UnitCatalog.realUnits();
        for (UnitCatalog.Row r : real) {
            out.add(new Unit(r.code(), r.name(), r.level(), r.parentCode(), VALID_FROM, null, null, updatedAt));
        }
        for (UnitCatalog.Row r : real) {
            if (r.level() != UnitLevel.DISTRICT) continue;
            for (int i = 1; i <= params.communesPerDistrict(); i++) {
                // quality is drawn in buildProfiles; here only whether and since when e-certified copies are offered
                LocalDate since = null;
                double u = rng.nextDouble();
                long daysBack = 2 + rng.nextInt(900);
                if (u < 0.65) since = now.toLocalDate().minusDays(daysBack);
                out.add(new Unit(UnitCatalog.communeCode(r.code(), i), UnitCatalog.communeName(r.name(), i),
                        UnitLevel.COMMUNE, r.code(), VALID_FROM, null, since, updatedAt));
            }
        }
        return List.copyOf(out);
    }

    private Map<String, UnitProfile> buildProfiles() {
        SplittableRandom rng = Rand.stream(params.seed(), 2);
        Map<String, UnitProfile> out = new LinkedHashMap<>();
        for (Unit u : units) {
            double own = rng.nextDouble();
            double q = own;
            double size;
            switch (u.level()) {
                case DEPARTMENT -> size = Rand.uniform(rng, 0.5, 2.0);
                case DISTRICT -> {
                    double base = u.code().equals("380") ? 3.0 : URBAN.contains(u.code()) ? 1.6
                            : MOUNTAIN.contains(u.code()) ? 0.5 : 1.0;
                    size = base * Rand.uniform(rng, 0.8, 1.2);
                }
                case COMMUNE -> {
                    // communes lean towards their district's quality, so districts (pooled) differ
                    UnitProfile district = out.get(u.parentCode());
                    q = Rand.clamp(0.6 * district.quality() + 0.4 * own, 0, 1);
                    size = district.size() * Rand.uniform(rng, 0.5, 1.5);
                }
                default -> size = 0; // the province itself and the service centre resolve no dossiers here
            }
            out.put(u.code(), profileOf(u.code(), q, size, rng));
        }
        return out;
    }

    private static UnitProfile profileOf(String code, double q, double size, SplittableRandom rng) {
        // each figure: the unit's quality, blurred by its own noise so that units are not uniformly good or bad
        return new UnitProfile(code, q, size,
                Rand.clamp(0.55 + 0.44 * q + Rand.uniform(rng, -0.03, 0.03), 0.55, 0.99),
                Rand.uniform(rng, 0.35, 0.75),
                Rand.clamp(0.15 + 0.7 * blend(q, rng), 0.05, 0.95),
                Rand.clamp(0.72 + 0.27 * blend(q, rng), 0.5, 0.995),
                Rand.clamp(0.30 + 0.65 * blend(q, rng), 0.1, 0.97),
                Rand.clamp(0.30 + 0.68 * blend(q, rng), 0.1, 0.99),
                Rand.clamp(0.20 + 0.75 * blend(q, rng), 0.05, 0.98),
                Rand.clamp(0.15 + 0.75 * blend(q, rng), 0.05, 0.95),
                Rand.clamp(0.10 + 0.60 * blend(q, rng), 0.02, 0.8),
                Rand.clamp(0.30 + 0.65 * blend(q, rng), 0.1, 0.97),
                Rand.clamp(0.02 + 0.12 * (1 - q), 0.01, 0.2),
                Rand.clamp(0.01 + 0.07 * (1 - q), 0.005, 0.1));
    }

    private static double blend(double q, SplittableRandom rng) {
        return 0.6 * q + 0.4 * rng.nextDouble();
    }

    private List<Procedure> buildProcedures(List<ProcedureCatalog.Template> templates) {
        SplittableRandom rng = Rand.stream(params.seed(), 3);
        OffsetDateTime now = params.now();
        List<String> districts = units.stream().filter(u -> u.level() == UnitLevel.DISTRICT).map(Unit::code).toList();
        List<String> communes = units.stream().filter(u -> u.level() == UnitLevel.COMMUNE).map(Unit::code).toList();
        List<Procedure> out = new ArrayList<>();
        for (ProcedureCatalog.Template t : templates) {
            List<String> unitCodes = switch (t.level()) {
                case DISTRICT -> districts;
                case COMMUNE -> communes;
                default -> List.of(t.scope());
            };
            double u = rng.nextDouble();
            OnlineLevel online = !t.onlineable() ? OnlineLevel.NONE
                    : u < 0.5 ? OnlineLevel.FULL : u < 0.88 ? OnlineLevel.PARTIAL : OnlineLevel.NONE;
            boolean eligible = online == OnlineLevel.FULL || (t.onlineable() && Rand.chance(rng, 0.4));
            boolean feeBearing = t.fee() > 0;
            boolean integrated = feeBearing && Rand.chance(rng, 0.8);
            List<PublicPart> parts = new ArrayList<>(List.of(PublicPart.values()));
            if (Rand.chance(rng, 0.15)) {
                int missing = 1 + rng.nextInt(2);
                for (int i = 0; i < missing; i++) parts.remove(1 + rng.nextInt(parts.size() - 1)); // NAME stays
            }
            long daysBack = Rand.chance(rng, 0.12) ? 2 + rng.nextInt(80) : 90 + rng.nextInt(1300);
            OffsetDateTime madePublic = now.toLocalDate().minusDays(daysBack)
                    .atTime(LocalTime.of(8, 0).plusMinutes(rng.nextInt(540))).atZone(DemoParams.ZONE).toOffsetDateTime();
            OffsetDateTime updated = madePublic.plusDays(rng.nextInt(20)).plusMinutes(rng.nextInt(600));
            if (updated.isAfter(now)) updated = now;
            if (madePublic.isAfter(now)) madePublic = now;
            List<ApplicantType> applicants = new ArrayList<>(EnumSet.copyOf(t.applicants())); // enum order: stable
            out.add(new Procedure(t.code(), t.name(), t.field(), unitCodes, applicants, online, eligible, feeBearing,
                    integrated, t.paperResult(), new Procedure.LegalTime(t.amount(), t.unit()), parts, madePublic,
                    updated));
        }
        return List.copyOf(out);
    }

    private void buildPairs(List<Unit> pu, List<Procedure> pp, List<ProcedureCatalog.Template> pt, List<Double> pw) {
        // raw weight of a pair = unit size × procedure weight; then each level is scaled to its share
        Map<UnitLevel, Double> levelTotals = new EnumMap<>(UnitLevel.class);
        List<Double> raw = new ArrayList<>();
        for (Unit u : units) {
            UnitProfile prof = profiles.get(u.code());
            if (prof.size() <= 0) continue;
            for (Procedure p : procedures) {
                ProcedureCatalog.Template t = templatesByCode.get(p.code());
                if (t.level() != u.level()) continue;
                if (t.level() == UnitLevel.DEPARTMENT && !t.scope().equals(u.code())) continue;
                double w = prof.size() * t.weight();
                pu.add(u);
                pp.add(p);
                pt.add(t);
                raw.add(w);
                levelTotals.merge(u.level(), w, Double::sum);
            }
        }
        double shares = levelTotals.keySet().stream().mapToDouble(LEVEL_SHARE::get).sum();
        for (int i = 0; i < raw.size(); i++) {
            UnitLevel l = pu.get(i).level();
            pw.add(raw.get(i) / levelTotals.get(l) * LEVEL_SHARE.get(l) / shares);
        }
    }

    /** Index of a pair drawn with probability proportional to its weight. */
    int drawPair(SplittableRandom rng) {
        double x = rng.nextDouble() * cumulative[cumulative.length - 1];
        int lo = 0;
        int hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > x) hi = mid;
            else lo = mid + 1;
        }
        return lo;
    }

    /**
     * Pairs whose procedure has a legal time of at least 4 hours and is offered online (used for dossiers falling
     * due during a demo, which may have come in online at night); any such pair if none is offered online.
     */
    List<Integer> hourPairs() {
        List<Integer> online = new ArrayList<>();
        List<Integer> any = new ArrayList<>();
        for (int i = 0; i < pairTemplate.length; i++) {
            if (pairTemplate[i].unit() != LegalTimeUnit.HOURS || pairTemplate[i].amount() < 4) continue;
            any.add(i);
            if (pairProcedure[i].onlineLevel() != OnlineLevel.NONE) online.add(i);
        }
        return online.isEmpty() ? any : online;
    }
}
