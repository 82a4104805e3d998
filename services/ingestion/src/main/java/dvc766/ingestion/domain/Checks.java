package dvc766.ingestion.domain;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Small reusable field rules shared by the validators. */
public final class Checks {

    /** Codes travel in URL paths and Kafka keys: letters, digits and {@code . _ : -}, no spaces or slashes. */
    public static final Pattern CODE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,99}");
    public static final int MAX_TEXT = 1000;

    private Checks() {}

    public static boolean required(Object value, String field, Violations v) {
        if (value == null) {
            if (!v.has(field)) v.add(field, "required", "is required");
            return false;
        }
        return true;
    }

    /** Validates a code if present; returns it, or null when absent or invalid. */
    public static String code(String value, String field, Violations v) {
        if (value == null) return null;
        if (!CODE.matcher(value).matches()) {
            v.add(field, "pattern", "must be 1 to 100 letters, digits or . _ : - and start with a letter or digit");
            return null;
        }
        return value;
    }

    public static String text(String value, String field, Violations v) {
        if (value == null) return null;
        String nfc = java.text.Normalizer.normalize(value.strip(), java.text.Normalizer.Form.NFC);
        if (nfc.isEmpty()) {
            v.add(field, "notBlank", "must not be blank");
            return null;
        }
        if (nfc.length() > MAX_TEXT) {
            v.add(field, "maxLength", "must be at most " + MAX_TEXT + " characters");
            return null;
        }
        return nfc;
    }

    public static <E extends Enum<E>> E oneOf(Class<E> type, String value, String field, Violations v) {
        if (value == null) return null;
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(value)) return e;
        }
        v.add(field, "enum", "must be one of " + names(type));
        return null;
    }

    /** Parses each value of a list as the enum; duplicates are refused. */
    public static <E extends Enum<E>> List<E> allOf(Class<E> type, List<String> values, String field, Violations v) {
        if (values == null) return null;
        Set<E> seen = new HashSet<>();
        boolean ok = true;
        for (int i = 0; i < values.size(); i++) {
            E e = oneOf(type, values.get(i), field + "[" + i + "]", v);
            if (e == null) ok = false;
            else if (!seen.add(e)) {
                v.add(field + "[" + i + "]", "uniqueItems", "is listed twice");
                ok = false;
            }
        }
        return ok ? seen.stream().sorted().toList() : null;
    }

    public static String names(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }

    /** Instants are kept at the database's precision (microseconds), so a resent state compares equal. */
    public static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant().truncatedTo(ChronoUnit.MICROS);
    }
}
