package dvc766.publication.domain;

import java.text.Collator;
import java.text.Normalizer;
import java.util.Comparator;
import java.util.Locale;

/** Orders unit names as Vietnamese readers expect (Â after A, Đ after D), not by code point. */
public final class VietnameseNames {

    private static final Collator PROTOTYPE = prototype();

    private VietnameseNames() {}

    /** A fresh comparator (collators are not meant to be shared between threads); absent names go last. */
    public static Comparator<String> comparator() {
        Collator c = (Collator) PROTOTYPE.clone();
        return Comparator.nullsLast(c::compare);
    }

    /** Names are stored and sent in NFC, so that equal-looking names are equal strings. */
    public static String nfc(String s) {
        return s == null ? null : Normalizer.normalize(s, Normalizer.Form.NFC);
    }

    private static Collator prototype() {
        Collator c = Collator.getInstance(Locale.forLanguageTag("vi-VN"));
        c.setStrength(Collator.TERTIARY);
        c.setDecomposition(Collator.CANONICAL_DECOMPOSITION);
        return c;
    }
}
