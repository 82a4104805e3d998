package dvc766.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dvc766.common.calendar.WorkingDayCalendar;
import dvc766.common.period.Period;
import dvc766.datagen.DemoParams;
import dvc766.datagen.DemoStructure;
import dvc766.datagen.Procedure;
import dvc766.indicator.domain.Counts;
import dvc766.indicator.domain.DossierFacts;
import dvc766.indicator.domain.FromScratch;
import dvc766.indicator.domain.ProcedureFacts;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecomputeBenchTest {

    @TempDir
    Path dir;

    @Test
    void sqlAggregationAgreesWithTheIndicatorOnTheExactIndicators() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            Results out = new Results(dir.resolve("r.md"));
            RecomputeBench.Outcome o = new RecomputeBench(pg.getJdbcUrl("postgres", "postgres"), "postgres", "postgres", out)
                    .run(3000);
            assertThat(o.compared()).isGreaterThan(1000);
            assertThat(o.differ()).isZero();
            assertThat(Files.readString(dir.resolve("r.md"))).contains("PostgreSQL GROUP BY").contains("indicator domain in this JVM");
        }
    }

    @Test
    void poolingUpTheTreeEqualsTheIndicatorsFromScratchSumOverTheSubtree() {
        DemoStructure s = DemoStructure.build(DemoParams.defaults(Instant.parse("2026-11-20T03:00:00Z"))
                .withDossiersPerMonth(400).withMonths(3));
        List<DossierFacts> facts = s.dossiers().map(RecomputeBench::facts).toList();
        Map<String, ProcedureFacts> procs = new HashMap<>();
        for (Procedure p : s.procedures()) {
            procs.put(p.code(), new ProcedureFacts(p.code(), new ProcedureFacts.LegalTime(p.legalTime().amount(),
                    p.legalTime().unit()), p.paperResult()));
        }
        Map<String, List<String>> ancestors = RecomputeBench.ancestors(s.units());
        Instant now = s.params().now().toInstant();
        WorkingDayCalendar cal = WorkingDayCalendar.vietnam();
        var pooled = RecomputeBench.inJvm(facts, procs, ancestors, now, cal);

        Period month = Period.parse("2026-10");
        for (String unit : List.of("38", "405", "405.D01")) {
            Set<String> subtree = ancestors.entrySet().stream().filter(e -> e.getValue().contains(unit))
                    .map(Map.Entry::getKey).collect(Collectors.toSet());
            Map<String, Counts> expected = FromScratch.pooled(facts, procs, subtree, month, now, cal);
            Map<String, Counts> actual = pooled.entrySet().stream()
                    .filter(e -> e.getKey().unit().equals(unit) && e.getKey().period().equals("2026-10"))
                    .filter(e -> e.getValue()[0] != 0 || e.getValue()[1] != 0)
                    .collect(Collectors.toMap(e -> e.getKey().indicator(), e -> new Counts(e.getValue()[0], e.getValue()[1])));
            assertThat(actual).as("unit %s", unit).isEqualTo(expected);
            assertThat(expected).as("unit %s has dossiers", unit).isNotEmpty();
        }
    }
}
