package dvc766.publication.api;

import dvc766.common.period.Period;
import dvc766.kit.problem.FieldError;
import dvc766.kit.problem.ProblemException;
import dvc766.publication.domain.UnitLevel;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Validates the query parameters of the public API; every bad one is named in a single 400 problem. */
final class PublicQueries {

    private static final Pattern RULE_SET = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    private static final int MAX_CODE = 100;

    private final List<FieldError> errors = new ArrayList<>();

    Period period(String text) {
        if (text == null || text.isBlank()) {
            errors.add(new FieldError("period", "required", "period is required, e.g. 2026-11, 2026-Q4 or 2026"));
            return null;
        }
        try {
            return Period.parse(text);
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("period", "format", e.getMessage()));
            return null;
        }
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

    UnitLevel level(String text) {
        if (text == null || text.isBlank()) return null;
        return UnitLevel.parse(text).orElseGet(() -> {
            errors.add(new FieldError("level", "enum", "level must be one of " + UnitLevel.names()));
            return null;
        });
    }

    String code(String field, String text) {
        if (text == null || text.isBlank()) return null;
        String s = text.trim();
        if (s.length() > MAX_CODE) {
            errors.add(new FieldError(field, "maxLength", field + " must be at most " + MAX_CODE + " characters"));
            return null;
        }
        return s;
    }

    void check() {
        if (!errors.isEmpty()) throw ProblemException.validation(errors);
    }
}
