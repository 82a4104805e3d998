package dvc766.publication.watch.api;

import dvc766.kit.problem.FieldError;
import dvc766.kit.problem.ProblemException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Validates query parameters; every bad one is named in a single 400 problem. Page sizes are clamped, not refused. */
final class WatchParams {

    static final int MAX_CODE = 100;
    private static final Pattern RULE_SET = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private final List<FieldError> errors = new ArrayList<>();

    /** An integer in [min, max]; above {@code clampAt} it is lowered to it (when clampAt is set). */
    Integer integer(String field, String text, int defaultValue, int min, int max, Integer clampAt) {
        if (text == null || text.isBlank()) return defaultValue;
        int v;
        try {
            v = Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            errors.add(new FieldError(field, "type", field + " must be an integer"));
            return null;
        }
        if (v < min) {
            errors.add(new FieldError(field, "minimum", field + " must be at least " + min));
            return null;
        }
        if (clampAt != null && v > clampAt) return clampAt;
        if (v > max) {
            errors.add(new FieldError(field, "maximum", field + " must be at most " + max));
            return null;
        }
        return v;
    }

    String code(String field, String text) {
        if (text == null || text.isBlank()) return null;
        String s = text.trim();
        if (s.length() > MAX_CODE) {
            errors.add(new FieldError(field, "maxLength", field + " must be at most " + MAX_CODE + " characters"));
            return null;
        }
        if (s.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError(field, "pattern", field + " must not contain control characters"));
            return null;
        }
        return s;
    }

    String ruleSet(String text, String defaultRuleSet) {
        if (text == null || text.isBlank()) return defaultRuleSet;
        String s = text.trim();
        if (!RULE_SET.matcher(s).matches()) {
            errors.add(new FieldError("ruleSet", "pattern", "ruleSet must be 1 to 64 letters, digits, '.', '_' or '-'"));
            return null;
        }
        return s;
    }

    /** One of {@code allowed} (any letter case), or the default when absent. */
    String oneOf(String field, String text, String defaultValue, List<String> allowed) {
        if (text == null || text.isBlank()) return defaultValue;
        String s = text.trim().toUpperCase(Locale.ROOT);
        if (!allowed.contains(s)) {
            errors.add(new FieldError(field, "enum", field + " must be one of " + String.join(", ", allowed)));
            return null;
        }
        return s;
    }

    void add(FieldError e) {
        errors.add(e);
    }

    void check() {
        if (!errors.isEmpty()) throw ProblemException.validation(errors);
    }
}
