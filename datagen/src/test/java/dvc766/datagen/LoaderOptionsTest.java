package dvc766.datagen;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class LoaderOptionsTest {

    @Test
    void defaultsMatchTheLocalPlatform() {
        LoaderOptions o = LoaderOptions.parse();
        assertThat(o.gateway()).isEqualTo(URI.create("http://localhost:8080"));
        assertThat(o.keycloak()).isEqualTo(URI.create("http://localhost:8180/realms/dvc"));
        assertThat(o.seed()).isEqualTo(766);
        assertThat(o.communesPerDistrict()).isEqualTo(10);
        assertThat(o.dossiersPerMonth()).isEqualTo(3000);
        assertThat(o.months()).isEqualTo(6);
        assertThat(o.batchSize()).isEqualTo(1000);
        assertThat(o.agencyClientId()).isEqualTo("demo-agency");
        assertThat(o.cliClientId()).isEqualTo("dvc-cli");
        assertThat(o.now()).isNull();
    }

    @Test
    void parsesBothForms() {
        LoaderOptions o = LoaderOptions.parse("--gateway", "http://gw:9/", "--keycloak=http://kc:1/realms/x",
                "--seed", "7", "--communes-per-district", "3", "--dossiers-per-month=10", "--months", "2",
                "--now", "2026-11-29T10:00:00+07:00", "--dry-run", "--agency-secret", "s");
        assertThat(o.gateway()).isEqualTo(URI.create("http://gw:9"));
        assertThat(o.keycloak()).isEqualTo(URI.create("http://kc:1/realms/x"));
        assertThat(o.dryRun()).isTrue();
        assertThat(o.agencyClientSecret()).isEqualTo("s");
        DemoParams p = o.params(OffsetDateTime.parse("2000-01-01T00:00:00Z"));
        assertThat(p).isEqualTo(new DemoParams(7, OffsetDateTime.parse("2026-11-29T10:00:00+07:00"), 3, 10, 2));
    }

    @Test
    void rejectsBadInput() {
        assertThatThrownBy(() -> LoaderOptions.parse("--batch-size", "1001")).hasMessageContaining("batch-size");
        assertThatThrownBy(() -> LoaderOptions.parse("--months", "x")).hasMessageContaining("integer");
        assertThatThrownBy(() -> LoaderOptions.parse("--frobnicate", "1")).hasMessageContaining("--frobnicate");
        assertThatThrownBy(() -> LoaderOptions.parse("--seed")).hasMessageContaining("missing value");
        assertThatThrownBy(() -> LoaderOptions.parse("--now", "yesterday")).hasMessageContaining("ISO-8601");
        assertThatThrownBy(() -> LoaderOptions.parse("--gateway", "localhost")).hasMessageContaining("absolute");
    }
}
