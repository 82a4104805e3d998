package dvc766.gateway.domain;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * The form of a path the gateway judges. Routing and access are decided on the decoded path (a backend
 * decodes {@code %3A} to {@code :} too), after refusing whatever a backend might read differently from the
 * gateway, which would let a request pass the checks for one path and land on another: matrix parameters,
 * empty segments, backslashes, encoded slashes or dots, leftover dot segments, control characters. Dot
 * segments are resolved before (Vert.x's normalized path); these checks run on the result.
 */
public final class PathRules {

    /** Either the decoded path, or why the path is refused. */
    public record Canonical(String path, String refusal) {
        static Canonical refused(String why) { return new Canonical(null, why); }
    }

    private PathRules() {}

    public static Canonical canonical(String normalizedPath) {
        Optional<String> refusal = refusal(normalizedPath);
        if (refusal.isPresent()) {
            return Canonical.refused(refusal.get());
        }
        String decoded;
        try {
            decoded = percentDecode(normalizedPath);
        } catch (IllegalArgumentException | CharacterCodingException e) {
            return Canonical.refused("the path has malformed percent-encoding");
        }
        for (int i = 0; i < decoded.length(); i++) {
            char c = decoded.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return Canonical.refused("control characters are not accepted in paths");
            }
        }
        if (decoded.indexOf(';') >= 0) {
            return Canonical.refused("matrix parameters (;) are not accepted in paths");
        }
        return new Canonical(decoded, null);
    }

    /** @return why the (still encoded) path is refused, or empty if it may be routed */
    public static Optional<String> refusal(String normalizedPath) {
        if (normalizedPath == null || !normalizedPath.startsWith("/")) {
            return Optional.of("the path must start with /");
        }
        if (normalizedPath.indexOf(';') >= 0) {
            return Optional.of("matrix parameters (;) are not accepted in paths");
        }
        if (normalizedPath.contains("//")) {
            return Optional.of("empty path segments (//) are not accepted");
        }
        if (normalizedPath.indexOf('\\') >= 0) {
            return Optional.of("backslashes are not accepted in paths");
        }
        String lower = normalizedPath.toLowerCase(Locale.ROOT);
        if (lower.contains("%2f") || lower.contains("%5c") || lower.contains("%2e") || lower.contains("%00")) {
            return Optional.of("encoded slashes, dots or NUL are not accepted in paths");
        }
        for (String segment : normalizedPath.split("/")) {
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.of("dot segments are not accepted in paths");
            }
        }
        return Optional.empty();
    }

    /**
     * The path as the access log may show it: secrets that travel in a path are masked. A PAKN tracking code
     * is the citizen's only key to the petition, so it never reaches a log.
     */
    public static String forLog(String path) {
        if (path == null) {
            return "-";
        }
        String prefix = "/public/v1/complaints/";
        if (path.startsWith(prefix) && path.length() > prefix.length()) {
            int end = path.indexOf('/', prefix.length());
            return prefix + "{trackingCode}" + (end < 0 ? "" : path.substring(end));
        }
        return path;
    }

    /** RFC 3986 percent-decoding as UTF-8 ({@code +} stays {@code +}: that rule is for forms, not paths). */
    static String percentDecode(String s) throws CharacterCodingException {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '%') {
                if (i + 2 >= s.length()) {
                    throw new IllegalArgumentException("truncated escape");
                }
                int hi = Character.digit(s.charAt(i + 1), 16);
                int lo = Character.digit(s.charAt(i + 2), 16);
                if (hi < 0 || lo < 0) {
                    throw new IllegalArgumentException("bad escape");
                }
                bytes.write(hi << 4 | lo);
                i += 2;
            } else {
                int end = s.indexOf('%', i);
                end = end < 0 ? s.length() : end;
                byte[] b = s.substring(i, end).getBytes(StandardCharsets.UTF_8);
                bytes.write(b, 0, b.length);
                i = end - 1;
            }
        }
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes.toByteArray()))
                .toString();
    }
}
