package dvc766.publication.api;

import dvc766.common.period.Period;
import dvc766.kit.problem.FieldError;
import dvc766.kit.problem.ProblemException;
import dvc766.publication.domain.UnitLevel;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
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

    /** A page size: at least 1; above the maximum it is clamped (not refused). */
    int limit(String text, int defaultValue, int max) {
        if (text == null || text.isBlank()) return Math.min(defaultValue, max);
        try {
            int v = Integer.parseInt(text.trim());
            if (v < 1) {
                errors.add(new FieldError("limit", "min", "limit must be at least 1"));
                return max;
            }
            return Math.min(v, max);
        } catch (NumberFormatException e) {
            errors.add(new FieldError("limit", "integer", "limit must be a whole number"));
            return max;
        }
    }

    int offset(String text) {
        if (text == null || text.isBlank()) return 0;
        try {
            int v = Integer.parseInt(text.trim());
            if (v < 0) errors.add(new FieldError("offset", "min", "offset must not be negative"));
            return Math.max(v, 0);
        } catch (NumberFormatException e) {
            errors.add(new FieldError("offset", "integer", "offset must be a whole number"));
            return 0;
        }
    }

    /** An instant with its offset ({@code 2026-11-29T10:00:00+07:00}); absent means now. */
    OffsetDateTime instant(String field, String text) {
        if (text == null || text.isBlank()) return null;
        try {
            return OffsetDateTime.parse(text.trim());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "format", field + " must be an ISO 8601 time with offset, e.g. 2026-11-29T10:00:00+07:00"));
            return null;
        }
    }

    /** A series' bound: a period ({@code 2026-11}, {@code 2026-Q4}, {@code 2026}, a range) or a date. */
    Period bound(String field, String text) {
        if (text == null || text.isBlank()) return null;
        String s = text.trim();
        try {
            LocalDate d = LocalDate.parse(s);
            return Period.range(d, d);
        } catch (DateTimeParseException notADate) {
            try {
                return Period.parse(s);
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError(field, "format", field + " must be a period (2026-11, 2026-Q4, 2026) or a date (2026-11-05)"));
                return null;
            }
        }
    }

    Period.Kind granularity(String text) {
        if (text == null || text.isBlank()) return Period.Kind.MONTH;
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "month" -> Period.Kind.MONTH;
            case "quarter" -> Period.Kind.QUARTER;
            case "year" -> Period.Kind.YEAR;
            default -> {
                errors.add(new FieldError("granularity", "enum", "granularity must be one of month, quarter, year"));
                yield null;
            }
        };
    }

    void add(FieldError e) {
        errors.add(e);
    }

    List<FieldError> errors() {
        return errors;
    }

    void check() {
        if (!errors.isEmpty()) throw ProblemException.validation(errors);
    }
}
