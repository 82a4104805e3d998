package dvc766.gateway.domain;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which backend serves a path. Each route has path patterns; of all patterns that match, the most specific one
 * wins (longest, and an exact pattern before a prefix of the same length), so the order of the configuration
 * does not matter.
 *
 * <ul>
 *   <li>{@code =/index.html} matches only that path;</li>
 *   <li>{@code /public/} matches every path below it;</li>
 *   <li>{@code /api/v1/dossiers} matches the path itself and paths that continue it with {@code /} or {@code :}
 *       ({@code /api/v1/dossiers/D1}, {@code /api/v1/dossiers:batch}), never {@code /api/v1/dossiersX}.</li>
 * </ul>
 */
public final class RouteTable {

    /** A matched route: its name (for logs and metrics) and the backend that serves it. */
    public record Target(String route, String backend) {}

    private record Pattern(String text, boolean exact, Target target) {

        boolean matches(String path) {
            if (exact) {
                return path.equals(text);
            }
            if (text.endsWith("/")) {
                return path.startsWith(text);
            }
            if (!path.startsWith(text)) {
                return false;
            }
            if (path.length() == text.length()) {
                return true;
            }
            char next = path.charAt(text.length());
            return next == '/' || next == ':';
        }
    }

    private static final Comparator<Pattern> MOST_SPECIFIC_FIRST = Comparator
            .comparingInt((Pattern p) -> p.text().length()).reversed()
            .thenComparing(p -> !p.exact());

    private final List<Pattern> patterns;

    private RouteTable(List<Pattern> patterns) {
        this.patterns = patterns.stream().sorted(MOST_SPECIFIC_FIRST).toList();
    }

    /**
     * @param routes route name → (patterns, backend)
     * @throws IllegalArgumentException on a pattern that does not start with {@code /} or {@code =/}, or one
     *         pattern claimed by two routes
     */
    public static RouteTable of(Map<String, Map.Entry<List<String>, String>> routes) {
        List<Pattern> patterns = new ArrayList<>();
        routes.forEach((name, route) -> {
            for (String raw : route.getKey()) {
                String spec = raw.strip();
                boolean exact = spec.startsWith("=");
                String text = exact ? spec.substring(1) : spec;
                if (!text.startsWith("/")) {
                    throw new IllegalArgumentException("route " + name + ": path pattern '" + raw + "' must start with / or =/");
                }
                for (Pattern p : patterns) {
                    if (p.text().equals(text) && p.exact() == exact) {
                        throw new IllegalArgumentException("path pattern '" + raw + "' is claimed by routes "
                                + p.target().route() + " and " + name);
                    }
                }
                patterns.add(new Pattern(text, exact, new Target(name, Objects.requireNonNull(route.getValue()))));
            }
        });
        return new RouteTable(patterns);
    }

    public Optional<Target> lookup(String path) {
        for (Pattern p : patterns) {
            if (p.matches(path)) {
                return Optional.of(p.target());
            }
        }
        return Optional.empty();
    }
}
