package dvc766.common.calendar;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The JSON form of a {@link HolidayYear}:
 * <pre>{@code
 * {
 *   "year": 2025,
 *   "status": "official",            // or "derived"; optional, default "official"
 *   "source": "…",                   // optional
 *   "daysOff": [ {"date": "2025-01-01", "name": "Tết Dương lịch", "kind": "HOLIDAY"}, … ],
 *   "makeUpWorkingDays": [ {"date": "2025-04-26", "note": "…"} ]   // optional
 * }
 * }</pre>
 * Unknown fields are rejected, so that a misspelt field is not silently ignored. Every problem is reported at once.
 */
final class HolidayYearJson {

    private static final Set<String> ROOT_FIELDS = Set.of("year", "status", "source", "daysOff", "makeUpWorkingDays");
    private static final Set<String> DAY_OFF_FIELDS = Set.of("date", "name", "kind");
    private static final Set<String> MAKE_UP_FIELDS = Set.of("date", "note");

    private HolidayYearJson() {}

    static HolidayYear parse(String json, Integer expectedYear) {
        List<HolidayViolation> errors = new ArrayList<>();
        Object root;
        try {
            root = MiniJson.parse(json);
        } catch (MiniJson.SyntaxException e) {
            throw new InvalidHolidayYearException(List.of(new HolidayViolation("$", "syntax", "not valid JSON: " + e.getMessage())));
        }
        if (!(root instanceof Map<?, ?> map)) {
            throw new InvalidHolidayYearException(List.of(new HolidayViolation("$", "type", "the document must be a JSON object")));
        }
        unknownFields(map, ROOT_FIELDS, "", errors);

        Integer year = null;
        Object y = map.get("year");
        if (y == null) {
            errors.add(new HolidayViolation("year", "required", "year is required"));
        } else if (!(y instanceof BigDecimal n) || !isInt(n)) {
            errors.add(new HolidayViolation("year", "type", "year must be an integer, got " + y));
        } else {
            year = ((BigDecimal) y).intValueExact();
            if (expectedYear != null && year.intValue() != expectedYear) {
                errors.add(new HolidayViolation("year", "year-mismatch",
                        "the document is for " + year + " but was given for " + expectedYear));
            }
        }

        HolidayYear.Status status = HolidayYear.Status.OFFICIAL;
        Object s = map.get("status");
        if (s != null) {
            status = parseEnum(HolidayYear.Status.class, s, "status", errors, true);
        }

        String source = "";
        Object src = map.get("source");
        if (src != null && src != MiniJson.NULL) {
            if (src instanceof String str) source = str;
            else errors.add(new HolidayViolation("source", "type", "source must be a string"));
        }

        List<HolidayYear.DayOff> daysOff = null;
        Object off = map.get("daysOff");
        if (off == null || off == MiniJson.NULL) {
            errors.add(new HolidayViolation("daysOff", "required", "daysOff is required (an array, possibly empty)"));
        } else if (!(off instanceof List<?> list)) {
            errors.add(new HolidayViolation("daysOff", "type", "daysOff must be an array"));
        } else {
            daysOff = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) daysOff.add(dayOff(list.get(i), "daysOff[" + i + "]", errors));
        }

        List<HolidayYear.MakeUpWorkingDay> makeUps = new ArrayList<>();
        Object mk = map.get("makeUpWorkingDays");
        if (mk != null && mk != MiniJson.NULL) {
            if (!(mk instanceof List<?> list)) {
                errors.add(new HolidayViolation("makeUpWorkingDays", "type", "makeUpWorkingDays must be an array"));
            } else {
                for (int i = 0; i < list.size(); i++) {
                    makeUps.add(makeUp(list.get(i), "makeUpWorkingDays[" + i + "]", errors));
                }
            }
        }

        if (year != null) {
            errors.addAll(HolidayYear.violations(year, daysOff == null ? List.of() : daysOff, makeUps));
        }
        if (!errors.isEmpty()) throw new InvalidHolidayYearException(errors);
        return new HolidayYear(year, status, source, daysOff, makeUps);
    }

    private static HolidayYear.DayOff dayOff(Object o, String path, List<HolidayViolation> errors) {
        if (!(o instanceof Map<?, ?> m)) {
            errors.add(new HolidayViolation(path, "type", "each day off must be an object {date, name, kind}"));
            return null;
        }
        int before = errors.size();
        unknownFields(m, DAY_OFF_FIELDS, path + ".", errors);
        LocalDate date = date(m.get("date"), path + ".date", errors);
        String name = null;
        Object n = m.get("name");
        if (n == null || n == MiniJson.NULL) {
            errors.add(new HolidayViolation(path + ".name", "required", "name is required"));
        } else if (!(n instanceof String str) || str.isBlank()) {
            errors.add(new HolidayViolation(path + ".name", "type", "name must be a non-empty string"));
        } else {
            name = str;
        }
        HolidayYear.Kind kind = null;
        Object k = m.get("kind");
        if (k == null || k == MiniJson.NULL) {
            errors.add(new HolidayViolation(path + ".kind", "required", "kind is required (HOLIDAY or COMPENSATING)"));
        } else {
            kind = parseEnum(HolidayYear.Kind.class, k, path + ".kind", errors, false);
        }
        return errors.size() == before ? new HolidayYear.DayOff(date, name, kind) : null;
    }

    private static HolidayYear.MakeUpWorkingDay makeUp(Object o, String path, List<HolidayViolation> errors) {
        if (!(o instanceof Map<?, ?> m)) {
            errors.add(new HolidayViolation(path, "type", "each make-up working day must be an object {date, note}"));
            return null;
        }
        int before = errors.size();
        unknownFields(m, MAKE_UP_FIELDS, path + ".", errors);
        LocalDate date = date(m.get("date"), path + ".date", errors);
        String note = "";
        Object n = m.get("note");
        if (n != null && n != MiniJson.NULL) {
            if (n instanceof String str) note = str;
            else errors.add(new HolidayViolation(path + ".note", "type", "note must be a string"));
        }
        return errors.size() == before ? new HolidayYear.MakeUpWorkingDay(date, note) : null;
    }

    private static LocalDate date(Object o, String path, List<HolidayViolation> errors) {
        if (o == null || o == MiniJson.NULL) {
            errors.add(new HolidayViolation(path, "required", "date is required"));
            return null;
        }
        if (o instanceof String s) {
            try {
                if (s.length() == 10) return LocalDate.parse(s);
            } catch (DateTimeParseException e) {
                // reported below
            }
        }
        errors.add(new HolidayViolation(path, "format", "date must be an ISO date like 2025-04-30, got " + describe(o)));
        return null;
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, Object o, String path, List<HolidayViolation> errors,
                                                   boolean lowerCase) {
        String allowed = Arrays.stream(type.getEnumConstants())
                .map(e -> lowerCase ? e.name().toLowerCase(Locale.ROOT) : e.name())
                .collect(Collectors.joining(", "));
        if (o instanceof String s) {
            for (E e : type.getEnumConstants()) {
                if (e.name().equalsIgnoreCase(s.trim())) return e;
            }
        }
        errors.add(new HolidayViolation(path, "value", "must be one of " + allowed + ", got " + describe(o)));
        return null;
    }

    private static void unknownFields(Map<?, ?> m, Set<String> known, String prefix, List<HolidayViolation> errors) {
        for (Object key : m.keySet()) {
            if (!known.contains(key)) {
                errors.add(new HolidayViolation(prefix + key, "unknown-field",
                        "unknown field \"" + key + "\"; expected " + known.stream().sorted().collect(Collectors.joining(", "))));
            }
        }
    }

    private static boolean isInt(BigDecimal n) {
        try {
            n.intValueExact();
            return true;
        } catch (ArithmeticException e) {
            return false;
        }
    }

    private static String describe(Object o) {
        return o instanceof String s ? MiniJson.quote(s) : String.valueOf(o);
    }

    static String write(HolidayYear y) {
        StringBuilder sb = new StringBuilder();
        sb.append("{\n");
        sb.append("  \"year\": ").append(y.year()).append(",\n");
        sb.append("  \"status\": ").append(MiniJson.quote(y.status().json())).append(",\n");
        sb.append("  \"source\": ").append(MiniJson.quote(y.source())).append(",\n");
        sb.append("  \"daysOff\": [");
        for (int i = 0; i < y.daysOff().size(); i++) {
            HolidayYear.DayOff d = y.daysOff().get(i);
            sb.append(i == 0 ? "\n" : ",\n");
            sb.append("    {\"date\": ").append(MiniJson.quote(d.date().toString()))
                    .append(", \"name\": ").append(MiniJson.quote(d.name()))
                    .append(", \"kind\": ").append(MiniJson.quote(d.kind().name())).append('}');
        }
        sb.append(y.daysOff().isEmpty() ? "],\n" : "\n  ],\n");
        sb.append("  \"makeUpWorkingDays\": [");
        for (int i = 0; i < y.makeUpWorkingDays().size(); i++) {
            HolidayYear.MakeUpWorkingDay m = y.makeUpWorkingDays().get(i);
            sb.append(i == 0 ? "\n" : ",\n");
            sb.append("    {\"date\": ").append(MiniJson.quote(m.date().toString()))
                    .append(", \"note\": ").append(MiniJson.quote(m.note() == null ? "" : m.note())).append('}');
        }
        sb.append(y.makeUpWorkingDays().isEmpty() ? "]\n" : "\n  ]\n");
        sb.append("}\n");
        return sb.toString();
    }
}
