package dvc766.complaint.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A proof-of-work challenge that costs a browser a fraction of a second and a spammer that much per PAKN, with no
 * third-party service. The nonce carries its own expiry and difficulty under an HMAC, so any instance verifies it
 * without storing it; the store then spends it once. The work: find a {@code solution} such that
 * SHA-256({@code nonce + ":" + solution}) starts with {@code difficulty} zero bits.
 */
public final class ProofOfWork {

    public record Challenge(String nonce, int difficulty, Instant expiresAt) {}

    private static final SecureRandom RANDOM = new SecureRandom();
    private final byte[] key;

    public ProofOfWork(byte[] key) {
        if (key.length < 16) throw new IllegalArgumentException("the challenge key needs at least 128 bits");
        this.key = key.clone();
    }

    public Challenge issue(int difficulty, Instant expiresAt) {
        byte[] random = new byte[12];
        RANDOM.nextBytes(random);
        String payload = "v1." + expiresAt.getEpochSecond() + "." + difficulty + "." + HexFormat.of().formatHex(random);
        return new Challenge(payload + "." + mac(payload), difficulty, expiresAt);
    }

    /** Why the solution does not hold, or empty when it does (signature, expiry, difficulty, work). */
    public Optional<String> check(String nonce, String solution, int minDifficulty, Instant now) {
        if (nonce == null || solution == null || nonce.length() > 200 || solution.length() > 100) {
            return Optional.of("nonce and solution are required");
        }
        int cut = nonce.lastIndexOf('.');
        if (cut < 0) return Optional.of("the nonce was not issued here");
        String payload = nonce.substring(0, cut);
        if (!MessageDigest.isEqual(mac(payload).getBytes(StandardCharsets.US_ASCII),
                nonce.substring(cut + 1).getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of("the nonce was not issued here");
        }
        String[] parts = payload.split("\\.");
        long expires = Long.parseLong(parts[1]);
        int difficulty = Integer.parseInt(parts[2]);
        if (now.getEpochSecond() > expires) return Optional.of("the challenge expired; ask for a new one");
        if (difficulty < minDifficulty) return Optional.of("the challenge is easier than required; ask for a new one");
        if (!solves(nonce, solution, difficulty)) return Optional.of("the solution does not solve the challenge");
        return Optional.empty();
    }

    /** When the nonce expires (for the store of spent nonces); call after {@link #check}. */
    public static Instant expiry(String nonce) {
        return Instant.ofEpochSecond(Long.parseLong(nonce.split("\\.")[1]));
    }

    public static boolean solves(String nonce, String solution, int difficulty) {
        byte[] h = sha256(nonce + ":" + solution);
        int full = difficulty / 8;
        for (int i = 0; i < full; i++) if (h[i] != 0) return false;
        int rest = difficulty % 8;
        return rest == 0 || (h[full] & 0xFF) >>> (8 - rest) == 0;
    }

    /** What a client does (used by tests and scripts): counts up until the hash has enough zero bits. */
    public static String solve(String nonce, int difficulty) {
        for (long i = 0; ; i++) {
            String s = Long.toString(i);
            if (solves(nonce, s, difficulty)) return s;
        }
    }

    private String mac(String payload) {
        try {
            Mac m = Mac.getInstance("HmacSHA256");
            m.init(new SecretKeySpec(key, "HmacSHA256"));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(m.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
