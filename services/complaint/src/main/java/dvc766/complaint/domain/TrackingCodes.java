package dvc766.complaint.domain;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A PAKN's tracking code (shown to the citizen, quoted on the phone: short, no ambiguous letters) and its secret
 * (256 random bits; only its hash is stored, so a database reader cannot follow anyone's PAKN).
 */
public final class TrackingCodes {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray(); // Crockford base 32
    private static final SecureRandom RANDOM = new SecureRandom();

    private TrackingCodes() {}

    /** E.g. {@code PAKN-7K3M9QX2TD} (50 random bits). */
    public static String newCode() {
        StringBuilder b = new StringBuilder("PAKN-");
        for (int i = 0; i < 10; i++) b.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        return b.toString();
    }

    public static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    public static String hash(String secret) {
        return Texts.sha256Hex("pakn-secret\n" + secret);
    }

    /** Constant-time comparison of a presented secret with the stored hash; false when either is missing. */
    public static boolean matches(String presented, String storedHash) {
        if (presented == null || storedHash == null || presented.length() > 200) return false;
        return MessageDigest.isEqual(hash(presented).getBytes(), storedHash.getBytes());
    }
}
