package dvc766.bench;

import static org.assertj.core.api.Assertions.assertThat;

import dvc766.datagen.DemoParams;
import dvc766.datagen.DemoStructure;
import dvc766.datagen.Dossier;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DossiersTest {

    private static final List<Dossier> SOME = DemoStructure.build(DemoParams.defaults(Instant.parse("2026-11-20T03:00:00Z"))
            .withDossiersPerMonth(300).withMonths(2)).dossiers().toList();

    @Test
    void csvRowsHaveEveryColumnAndSurviveTheirOwnParsing() {
        int columns = Dossiers.COLUMNS.split(",").length;
        for (Dossier d : SOME) {
            String[] fields = IngestBench.parseCsv(Dossiers.csv(d).stripTrailing());
            assertThat(fields).hasSize(columns);
            assertThat(fields[0]).isEqualTo(d.code());
            assertThat(fields[4]).isEqualTo(d.receivedAt().toString());
            assertThat(fields[9]).startsWith("[");
        }
    }

    @Test
    void singleBodyHasNoCodeAndBatchBodyHasItems() throws Exception {
        Dossier d = Dossiers.withCode(SOME.get(0), "X-1");
        assertThat(d.code()).isEqualTo("X-1");
        assertThat(Http.JSON.readTree(Dossiers.singleBody(d)).has("code")).isFalse();
        assertThat(Http.JSON.readTree(Dossiers.batchBody(SOME.subList(0, 3))).path("items")).hasSize(3);
    }
}
