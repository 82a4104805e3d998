package dvc766.complaint.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for the citizens' contacts: a fresh 96-bit nonce per value, the PAKN id as associated data (a
 * ciphertext moved to another PAKN does not decrypt), and a key id so that a rotated key is recognised.
 */
public final class ContactCipher {

    public record Sealed(String keyId, byte[] nonce, byte[] ciphertext) {}

    private static final SecureRandom RANDOM = new SecureRandom();
    private final SecretKeySpec key;
    private final String keyId;

    /** @param base64Key 32 bytes, base64 */
    public ContactCipher(String base64Key) {
        byte[] k = Base64.getDecoder().decode(base64Key.strip());
        if (k.length != 32) throw new IllegalArgumentException("the contact key must be 32 bytes (base64), got " + k.length);
        this.key = new SecretKeySpec(k, "AES");
        this.keyId = Texts.sha256Hex(HexFormat.of().formatHex(k)).substring(0, 12);
    }

    public String keyId() { return keyId; }

    public Sealed seal(String complaintId, String plaintext) {
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            c.updateAAD(complaintId.getBytes(StandardCharsets.UTF_8));
            return new Sealed(keyId, nonce, c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a contact", e);
        }
    }

    public String open(String complaintId, Sealed s) {
        if (!keyId.equals(s.keyId())) throw new IllegalStateException("contact sealed with another key (" + s.keyId() + ")");
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, s.nonce()));
            c.updateAAD(complaintId.getBytes(StandardCharsets.UTF_8));
            return new String(c.doFinal(s.ciphertext()), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt a contact", e);
        }
    }
}
