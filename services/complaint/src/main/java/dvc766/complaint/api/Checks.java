package dvc766.complaint.api;

import dvc766.complaint.domain.Texts;
import dvc766.kit.problem.FieldError;
import dvc766.kit.problem.ProblemException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** Collects every failing field of a request, then answers 400 naming them all. */
final class Checks {

    static final Pattern CODE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]{1,190}\\.[^@\\s]{1,63}$");
    private static final Pattern PHONE = Pattern.compile("^[0-9+ ().-]{6,20}$");

    final List<FieldError> errors = new ArrayList<>();

    void add(String field, String rule, String message) {
        errors.add(new FieldError(field, rule, message));
    }

    boolean required(String field, Object value) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            add(field, "required", field + " is required");
            return false;
        }
        return true;
    }

    void code(String field, String value, boolean required) {
        if (value == null) {
            if (required) required(field, null);
            return;
        }
        if (!CODE.matcher(value).matches()) add(field, "pattern", field + " must match " + CODE.pattern());
    }

    <E extends Enum<E>> E oneOf(String field, String value, Class<E> type, boolean required) {
        if (value == null) {
            if (required) required(field, null);
            return null;
        }
        try {
            return Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            add(field, "enum", field + " must be one of " + Arrays.toString(type.getEnumConstants()));
            return null;
        }
    }

    /** NFC text of at most {@code max} characters; returns the NFC form. */
    String text(String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) required(field, null);
            return null;
        }
        String nfc = Texts.nfc(value);
        if (Texts.length(nfc) > max) add(field, "max-length", field + " must have at most " + max + " characters");
        if (nfc.chars().anyMatch(ch -> ch < 0x20 && ch != '\n' && ch != '\r' && ch != '\t')) {
            add(field, "characters", field + " must not contain control characters");
        }
        return nfc;
    }

    String email(String field, String value) {
        String v = text(field, value, 254, false);
        if (v != null && !EMAIL.matcher(v).matches()) add(field, "email", field + " is not an e-mail address");
        return v;
    }

    String phone(String field, String value) {
        String v = text(field, value, 20, false);
        if (v != null && !PHONE.matcher(v).matches()) add(field, "phone", field + " is not a phone number");
        return v;
    }

    void throwIfAny() {
        if (!errors.isEmpty()) throw ProblemException.validation(errors);
    }
}
