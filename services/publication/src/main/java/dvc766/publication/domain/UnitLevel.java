package dvc766.publication.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** Levels of the administrative tree (index-766 §3), in the order the portal lists them. */
public enum UnitLevel {
    PROVINCE, DEPARTMENT, SERVICE_CENTER, DISTRICT, COMMUNE;

    /** Accepts any letter case and surrounding blanks; empty when the text names no level. */
    public static Optional<UnitLevel> parse(String text) {
        if (text == null) return Optional.empty();
        String s = text.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(l -> l.name().equals(s)).findFirst();
    }

    public static String names() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
