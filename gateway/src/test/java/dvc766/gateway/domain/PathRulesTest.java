package dvc766.gateway.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PathRulesTest {

    @Test
    void ordinaryPathsPass() {
        assertThat(PathRules.refusal("/api/v1/dossiers/000.00.38.H56-240101-0001")).isEmpty();
        assertThat(PathRules.refusal("/api/v1/dossiers:batch")).isEmpty();
        assertThat(PathRules.refusal("/public/v1/units/38/scorecard")).isEmpty();
        assertThat(PathRules.refusal("/")).isEmpty();
        assertThat(PathRules.refusal("/public/v1/units/%C4%90%C3%B4ng%20S%C6%A1n")).isEmpty();
    }

    @Test
    void ambiguousPathsAreRefused() {
        assertThat(PathRules.refusal("/api/v1/admin;a=b/units")).isPresent();
        assertThat(PathRules.refusal("/api//v1/admin")).isPresent();
        assertThat(PathRules.refusal("/api/v1\\admin")).isPresent();
        assertThat(PathRules.refusal("/api/v1/scores/..%2Fadmin")).isPresent();
        assertThat(PathRules.refusal("/api/v1/scores/%2e%2e/admin")).isPresent();
        assertThat(PathRules.refusal("/api/v1/x%00")).isPresent();
        assertThat(PathRules.refusal("/api/v1/../admin")).isPresent();
        assertThat(PathRules.refusal("api/v1")).isPresent();
        assertThat(PathRules.refusal(null)).isPresent();
    }

    @Test
    void canonicalFormIsDecoded() {
        assertThat(PathRules.canonical("/api/v1/dossiers%3Abatch").path()).isEqualTo("/api/v1/dossiers:batch");
        assertThat(PathRules.canonical("/public/v1/units/%C4%90%C3%B4ng%20S%C6%A1n+x").path()).isEqualTo("/public/v1/units/Đông Sơn+x");
        assertThat(PathRules.canonical("/public/v1/units/Đông").path()).isEqualTo("/public/v1/units/Đông");
        assertThat(PathRules.canonical("/api/v1/x%3Bjsessionid=1").refusal()).contains("matrix");
        assertThat(PathRules.canonical("/public/v1/x%0Aforged log line").refusal()).contains("control");
        assertThat(PathRules.canonical("/public/v1/x%C3").refusal()).contains("malformed");
        assertThat(PathRules.canonical("/public/v1/x%G1").refusal()).contains("malformed");
        assertThat(PathRules.canonical("/public/v1/x%4").refusal()).contains("malformed");
        assertThat(PathRules.canonical("/api/v1/scores/..%2Fadmin").refusal()).isNotNull();
    }

    @Test
    void trackingCodesAreMaskedInLogs() {
        assertThat(PathRules.forLog("/public/v1/complaints/TRK-1")).isEqualTo("/public/v1/complaints/{trackingCode}");
        assertThat(PathRules.forLog("/public/v1/complaints/TRK-1/rating")).isEqualTo("/public/v1/complaints/{trackingCode}/rating");
        assertThat(PathRules.forLog("/public/v1/complaints")).isEqualTo("/public/v1/complaints");
        assertThat(PathRules.forLog("/api/v1/dossiers/D1")).isEqualTo("/api/v1/dossiers/D1");
    }
}
