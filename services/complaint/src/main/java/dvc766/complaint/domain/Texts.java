package dvc766.complaint.domain;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** Text handling: Vietnamese stored in NFC, and the normal form that duplicate detection compares. */
public final class Texts {

    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N} ]");
    private static final Locale VI = Locale.forLanguageTag("vi-VN");

    private Texts() {}

    /** NFC with surrounding blanks removed; null stays null. */
    public static String nfc(String s) {
        return s == null ? null : Normalizer.normalize(s, Normalizer.Form.NFC).strip();
    }

    /** Case, punctuation and runs of blanks do not make a text new: "Đường  hỏng!" equals "đường hỏng". */
    public static String normalised(String s) {
        String t = Normalizer.normalize(s, Normalizer.Form.NFC).toLowerCase(VI);
        t = NOT_LETTER_OR_DIGIT.matcher(t).replaceAll(" ");
        return SPACES.matcher(t).replaceAll(" ").strip();
    }

    /** What duplicate detection stores: SHA-256 of the unit and the normalised text. */
    public static String fingerprint(String unitCode, String text) {
        return sha256Hex(unitCode + "\n" + normalised(text));
    }

    public static String sha256Hex(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Length in characters (code points), as a citizen counts them. */
    public static int length(String s) {
        return s.codePointCount(0, s.length());
    }
}
