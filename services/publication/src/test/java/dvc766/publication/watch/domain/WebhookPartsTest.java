package dvc766.publication.watch.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class WebhookPartsTest {

    @Test
    void signatureIsHmacSha256HexOfTheBody() {
        // RFC 4231, test case 2
        assertThat(WebhookSignature.sign("Jefe", "what do ya want for nothing?".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
        assertThat(WebhookSignature.newSecret()).hasSize(43).isNotEqualTo(WebhookSignature.newSecret());
    }

    @Test
    void backoffDoublesUpToTheMaximum() {
        Backoff b = new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(30));
        assertThat(b.after(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(b.after(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(b.after(4)).isEqualTo(Duration.ofSeconds(16));
        assertThat(b.after(5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(b.after(500)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void onlyHttpsUrlsExceptLocalhostWhenAllowed() {
        assertThat(WebhookUrls.problem("https://hooks.example.vn/a?b=1", false)).isEmpty();
        assertThat(WebhookUrls.problem("http://hooks.example.vn/a", true)).isPresent();
        assertThat(WebhookUrls.problem("http://localhost:8999/a", false)).isPresent();
        assertThat(WebhookUrls.problem("http://localhost:8999/a", true)).isEmpty();
        assertThat(WebhookUrls.problem("http://127.0.0.1:8999/a", true)).isEmpty();
        assertThat(WebhookUrls.problem("https://user:pw@example.vn/", false)).contains("url must not carry credentials");
        assertThat(WebhookUrls.problem("ftp://example.vn/", false)).isPresent();
        assertThat(WebhookUrls.problem("not a url", false)).isPresent();
        assertThat(WebhookUrls.problem("https:///nohost", false)).isPresent();
        assertThat(WebhookUrls.problem("https://example.vn/" + "a".repeat(2000), false)).isPresent();
    }
}
