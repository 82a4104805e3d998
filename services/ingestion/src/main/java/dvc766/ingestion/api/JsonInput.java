package dvc766.ingestion.api;

import com.fasterxml.jackson.databind.JsonNode;
import dvc766.ingestion.domain.Violations;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads one JSON object field by field, recording every type or format error under the field's JSON path and
 * going on, so one answer names every bad field. Absent and {@code null} fields read as null; fields never read
 * are reported as unknown by {@link #rejectUnknown()}.
 */
final class JsonInput {

    private final JsonNode node;
    private final String prefix;
    private final Violations v;
    private final Set<String> read = new LinkedHashSet<>();

    private JsonInput(JsonNode node, String prefix, Violations v) {
        this.node = node;
        this.prefix = prefix;
        this.v = v;
    }

    /** {@code where} is the object's own path ("" for the body), {@code prefix} what its fields' paths start with. */
    static JsonInput object(JsonNode node, String where, String prefix, Violations v) {
        if (node == null || !node.isObject()) {
            v.add(where.isEmpty() ? "$" : where, "type", "must be a JSON object");
            return new JsonInput(null, prefix, v);
        }
        return new JsonInput(node, prefix, v);
    }

    String path(String name) { return prefix + name; }

    Set<String> fieldsRead() { return read; }

    String text(String name) {
        JsonNode n = take(name);
        if (n == null) return null;
        if (!n.isTextual()) return typeError(name, "a string");
        return n.textValue();
    }

    OffsetDateTime time(String name) {
        String s = text(name);
        if (s == null) return null;
        try {
            return OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        } catch (DateTimeParseException e) {
            v.add(path(name), "format", "must be an ISO 8601 date-time with offset, e.g. 2026-11-29T10:00:00+07:00");
            return null;
        }
    }

    LocalDate date(String name) {
        String s = text(name);
        if (s == null) return null;
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            v.add(path(name), "format", "must be an ISO 8601 date, e.g. 2022-01-01");
            return null;
        }
    }

    Boolean bool(String name) {
        JsonNode n = take(name);
        if (n == null) return null;
        if (!n.isBoolean()) return typeError(name, "true or false");
        return n.booleanValue();
    }

    BigDecimal decimal(String name) {
        JsonNode n = take(name);
        if (n == null) return null;
        if (!n.isNumber()) return typeError(name, "a number");
        return n.decimalValue();
    }

    Integer integer(String name) {
        JsonNode n = take(name);
        if (n == null) return null;
        if (!n.isIntegralNumber() || !n.canConvertToInt()) return typeError(name, "an integer");
        return n.intValue();
    }

    /** An array of strings; a non-string entry is reported and read as null. */
    List<String> texts(String name) {
        JsonNode n = take(name);
        if (n == null) return null;
        if (!n.isArray()) return typeError(name, "an array of strings");
        List<String> out = new ArrayList<>(n.size());
        for (int i = 0; i < n.size(); i++) {
            JsonNode e = n.get(i);
            if (e.isTextual()) out.add(e.textValue());
            else {
                v.add(path(name) + "[" + i + "]", "type", "must be a string");
                out.add(null);
            }
        }
        return out;
    }

    /** An array of objects, each read by its own input; a non-object entry is reported and read as null. */
    List<JsonInput> objects(String name) {
        JsonNode n = take(name);
        if (n == null) return null;
        if (!n.isArray()) return typeError(name, "an array of objects");
        List<JsonInput> out = new ArrayList<>(n.size());
        for (int i = 0; i < n.size(); i++) {
            String at = path(name) + "[" + i + "]";
            JsonNode e = n.get(i);
            if (e.isObject()) out.add(new JsonInput(e, at + ".", v));
            else {
                v.add(at, "type", "must be a JSON object");
                out.add(null);
            }
        }
        return out;
    }

    JsonInput object(String name) {
        JsonNode n = take(name);
        if (n == null) return null;
        if (!n.isObject()) return typeError(name, "a JSON object");
        return new JsonInput(n, path(name) + ".", v);
    }

    /** Reports every field of the object that no reader asked for: a misspelt optional field must not vanish. */
    void rejectUnknown() {
        if (node == null) return;
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!read.contains(f)) v.add(path(f), "unknown", "is not a field of this object");
        }
    }

    private JsonNode take(String name) {
        read.add(name);
        if (node == null) return null;
        JsonNode n = node.get(name);
        return n == null || n.isNull() ? null : n;
    }

    private <T> T typeError(String name, String expected) {
        v.add(path(name), "type", "must be " + expected);
        return null;
    }
}
