package dvc766.datagen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The loader against an in-process Keycloak + gateway ({@link FakePlatform}) over real HTTP. */
class DemoLoaderTest {

    static final String NOW = "2026-11-29T10:00:00+07:00";
    FakePlatform platform;
    ByteArrayOutputStream output = new ByteArrayOutputStream();

    @BeforeEach
    void start() throws Exception {
        platform = new FakePlatform();
    }

    @AfterEach
    void stop() {
        platform.close();
    }

    private DemoLoader.Summary load(String... extra) {
        List<String> args = new ArrayList<>(List.of("--gateway", platform.base().toString(),
                "--keycloak", platform.realm().toString(), "--seed", "766", "--communes-per-district", "2",
                "--dossiers-per-month", "1200", "--months", "2", "--now", NOW, "--retry-base-ms", "10",
                "--concurrency", "2"));
        args.addAll(List.of(extra));
        PrintStream out = new PrintStream(output, true, StandardCharsets.UTF_8);
        return new DemoLoader(LoaderOptions.parse(args.toArray(String[]::new)), out).run();
    }

    private String output() {
        return output.toString(StandardCharsets.UTF_8);
    }

    @Test
    void loadsEverythingParentsFirstInBatchesOfAThousandRetryingA503AndRenewingTokens() {
        platform.dossierBatchFailures = 1;
        platform.agencyExpiresIn = 1;          // the agency token dies during the load ...
        platform.dossierBatchDelayMillis = 1500; // ... because each batch outlives it, so the third batch needs a new one

        DemoLoader.Summary s = load();

        assertThat(s.exitCode()).as(output()).isZero();
        assertThat(platform.problems).as(output()).isEmpty();
        DemoProvince expected = DemoProvince.generate(new DemoParams(766,
                java.time.OffsetDateTime.parse(NOW), 2, 1200, 2));

        // units: all of them, each after its parent
        assertThat(platform.unitOrder).hasSize(expected.units().size()).hasSize(103);
        Set<String> seen = new HashSet<>();
        for (String code : platform.unitOrder) {
            String parent = expected.units().stream().filter(u -> u.code().equals(code)).findFirst().orElseThrow()
                    .parentCode();
            if (parent != null) assertThat(seen).as("parent of %s", code).contains(parent);
            seen.add(code);
        }
        assertThat(platform.unitOrder.get(0)).isEqualTo("38");
        assertThat(platform.unitBodies.get("405.D02").path("name").asText())
                .isEqualTo("Xã Mẫu 02 — Huyện Đông Sơn (giả lập)");

        // procedures and dossiers, in batches of at most 1000, each dossier exactly once
        assertThat(platform.procedures).hasSize(expected.procedures().size());
        assertThat(platform.procedureBatchSizes).containsExactly(expected.procedures().size());
        assertThat(platform.dossierBatchSizes).containsExactlyInAnyOrder(1000, 1000, 400);
        assertThat(platform.dossierCodes).hasSize(2400).allSatisfy((code, times) -> assertThat(times).isOne());
        assertThat(platform.dossierCodes.keySet())
                .containsExactlyInAnyOrderElementsOf(expected.dossiers().stream().map(Dossier::code).toList());

        // the 503 was retried, batches went out concurrently, the expiring agency token was renewed
        assertThat(platform.dossierPosts.get()).isGreaterThanOrEqualTo(4);
        assertThat(s.retries()).isGreaterThanOrEqualTo(1);
        assertThat(output()).contains("HTTP 503");
        assertThat(platform.maxConcurrentDossierPosts.get()).isEqualTo(2);
        assertThat(platform.agencyTokens.get()).isGreaterThanOrEqualTo(2);
        assertThat(platform.adminTokens.get()).isOne();

        assertThat(s.units()).isEqualTo(103);
        assertThat(s.procedures()).isEqualTo(expected.procedures().size());
        assertThat(s.dossiers()).isEqualTo(2400);
        assertThat(s.rejected()).isZero();
        // publishing decisions after the procedures they name, each once
        DemoStructure structure = DemoStructure.build(new DemoParams(766, java.time.OffsetDateTime.parse(NOW), 2, 1200, 2));
        int decisions = structure.publishingDecisions().size();
        assertThat(decisions).isPositive();
        assertThat(platform.decisionKeys).hasSize(decisions).allSatisfy((key, times) -> assertThat(times).isOne());
        assertThat(s.decisions()).isEqualTo(decisions);
        // this platform has no PAKN import (404): PAKN are skipped with a clear line, and the load still succeeds
        assertThat(platform.complaintPosts.get()).isPositive();
        assertThat(s.complaints()).isZero();
        assertThat(output()).contains("complaints: SKIPPED, POST /api/v1/complaints:import answered 404");
        assertThat(s.effects()).containsEntry("CREATED", 103L + expected.procedures().size() + decisions + 2400);
        assertThat(output()).contains("summary:", "items/s", "dossiers: 2400/2400").endsWith("OK\n");
    }

    @Test
    void importsPaknWhenThePlatformOffersIt() {
        platform.complaintsImport = true;

        DemoLoader.Summary s = load();

        assertThat(s.exitCode()).as(output()).isZero();
        long expected = DemoStructure.build(new DemoParams(766, java.time.OffsetDateTime.parse(NOW), 2, 1200, 2))
                .complaints().size();
        assertThat(platform.complaintIds).hasSize((int) expected).allSatisfy((id, times) -> assertThat(times).isOne());
        assertThat(s.complaints()).isEqualTo(expected);
        assertThat(output()).doesNotContain("SKIPPED").contains("complaints: " + expected + "/" + expected);
    }

    @Test
    void rejectedItemsFailTheLoadWithTheirReasons() {
        DemoProvince expected = DemoProvince.generate(new DemoParams(766, java.time.OffsetDateTime.parse(NOW), 2, 1200, 2));
        String bad = expected.dossiers().get(1234).code();
        platform.rejectDossiers.add(bad);

        DemoLoader.Summary s = load();

        assertThat(s.exitCode()).isEqualTo(1);
        assertThat(s.rejected()).isOne();
        assertThat(s.dossiers()).isEqualTo(2399);
        assertThat(s.firstRejections()).singleElement().satisfies(r -> {
            assertThat(r.kind()).isEqualTo("DOSSIER");
            assertThat(r.key()).isEqualTo(bad);
            assertThat(r.status()).isEqualTo(400);
        });
        assertThat(output()).contains("FAILED: 1 item(s) rejected", bad, "dueAt before receivedAt");
    }

    @Test
    void aRejectedUnitStopsTheLoadBeforeProcedures() {
        platform.rejectUnits.add("405");

        DemoLoader.Summary s = load();

        assertThat(s.exitCode()).isEqualTo(1);
        assertThat(platform.procedureBatchSizes).isEmpty();
        assertThat(platform.dossierPosts.get()).isZero();
        assertThat(platform.unitOrder).doesNotContain("405", "405.D01");
        assertThat(output()).contains("UNIT 405: HTTP 400", "bad unit");
    }

    @Test
    void wrongCredentialsFailLoudly() {
        DemoLoader.Summary s = load("--agency-secret", "wrong");

        assertThat(s.exitCode()).isEqualTo(1);
        assertThat(platform.procedureBatchSizes).isEmpty();
        assertThat(output()).contains("could not get a token for client demo-agency", "HTTP 401", "invalid_client");
    }

    @Test
    void retriesRunOutAfterMaxAttempts() {
        platform.dossierBatchFailures = 1000;

        DemoLoader.Summary s = load("--max-attempts", "3");

        assertThat(s.exitCode()).isEqualTo(1);
        assertThat(platform.dossierBatchSizes).isEmpty();
        assertThat(output()).contains("refused as a whole: HTTP 503");
        // the first batches in flight each tried 3 times, and no further batch was started after the failure
        assertThat(platform.dossierPosts.get()).isBetween(3, 6);
    }
}
