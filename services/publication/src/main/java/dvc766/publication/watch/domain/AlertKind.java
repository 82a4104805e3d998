package dvc766.publication.watch.domain;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** What a subscription can be told about. */
public enum AlertKind {
    /** An open dossier's deadline came within the due-soon window (N working days). */
    DUE_SOON,
    /** An open dossier turned overdue (deadline passed, or a second request to supplement). */
    OVERDUE,
    /** A unit's published total fell, against its previous published version, by at least the subscription's threshold. */
    SCORE_FALL;

    public static Optional<AlertKind> parse(String text) {
        if (text == null) return Optional.empty();
        String s = text.trim().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.name().equals(s)).findFirst();
    }

    public static String names() {
        return Arrays.stream(values()).map(Enum::name).collect(Collectors.joining(", "));
    }
}
