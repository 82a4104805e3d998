package dvc766.complaint.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dvc766.complaint.config.Keys;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Proof of work, tracking secrets, the contacts' cipher and its fail-closed key. */
class SecretsTest {

    private static final Instant NOW = Instant.parse("2026-11-02T03:00:00Z");

    @Test
    void proofOfWork() {
        ProofOfWork pow = new ProofOfWork("0123456789abcdef0123456789abcdef".getBytes());
        ProofOfWork.Challenge c = pow.issue(10, NOW.plusSeconds(600));
        String solution = ProofOfWork.solve(c.nonce(), 10);
        assertThat(pow.check(c.nonce(), solution, 10, NOW)).isEmpty();
        assertThat(pow.check(c.nonce(), solution, 10, NOW.plusSeconds(601))).get().asString().contains("expired");
        assertThat(pow.check(c.nonce(), solution, 12, NOW)).get().asString().contains("easier");
        String tampered = c.nonce().replace(".10.", ".1.");
        assertThat(pow.check(tampered, solution, 1, NOW)).get().asString().contains("not issued here");
        ProofOfWork other = new ProofOfWork("another-key-another-key-another!".getBytes());
        assertThat(other.check(c.nonce(), solution, 10, NOW)).isPresent();
    }

    @Test
    void trackingSecrets() {
        String s = TrackingCodes.newSecret();
        assertThat(TrackingCodes.matches(s, TrackingCodes.hash(s))).isTrue();
        assertThat(TrackingCodes.matches(s + "x", TrackingCodes.hash(s))).isFalse();
        assertThat(TrackingCodes.matches(null, TrackingCodes.hash(s))).isFalse();
        assertThat(TrackingCodes.newCode()).matches("PAKN-[0-9A-HJKMNP-TV-Z]{10}");
    }

    @Test
    void contactsAreSealedPerPakn() {
        ContactCipher cipher = new ContactCipher(Base64.getEncoder().encodeToString(new byte[32]));
        ContactCipher.Sealed s = cipher.seal("PAKN-1", "{\"phone\":\"0912345678\"}");
        assertThat(new String(s.ciphertext())).doesNotContain("0912345678");
        assertThat(cipher.open("PAKN-1", s)).isEqualTo("{\"phone\":\"0912345678\"}");
        assertThatThrownBy(() -> cipher.open("PAKN-2", s)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theDevelopmentKeyIsRefusedWhereNotAllowed() {
        assertThatThrownBy(() -> Keys.cipher(Keys.DEV_CONTACT_KEY, false)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("placeholder");
        assertThatThrownBy(() -> Keys.cipher("", false)).isInstanceOf(IllegalStateException.class);
        assertThat(Keys.cipher(Keys.DEV_CONTACT_KEY, true)).isNotNull();
        assertThat(Keys.cipher(Base64.getEncoder().encodeToString(new byte[32]), false)).isNotNull();
    }

    @Test
    void textsNormalise() {
        assertThat(Texts.normalised("  Đường  HỎNG!! ")).isEqualTo("đường hỏng");
        assertThat(Texts.fingerprint("380", "Đường hỏng")).isEqualTo(Texts.fingerprint("380", "đường   hỏng."))
                .isNotEqualTo(Texts.fingerprint("381", "Đường hỏng"));
    }
}
