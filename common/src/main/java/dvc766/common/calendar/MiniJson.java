package dvc766.common.calendar;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small strict JSON (RFC 8259) reader and string quoter, so that the calendar stays framework-free. Objects become
 * {@link LinkedHashMap}s (duplicate keys are an error), arrays {@link List}s, numbers {@link BigDecimal}s, and
 * {@code null} a {@link #NULL} marker.
 */
final class MiniJson {

    /** The JSON {@code null} (maps cannot hold Java null values usefully). */
    static final Object NULL = new Object() {
        @Override public String toString() { return "null"; }
    };

    /** A syntax error, with its character offset. */
    static final class SyntaxException extends Exception {
        SyntaxException(String message, int position) {
            super(message + " at character " + (position + 1));
        }
    }

    private final String text;
    private int pos;

    private MiniJson(String text) {
        this.text = text;
    }

    static Object parse(String text) throws SyntaxException {
        if (text == null) throw new SyntaxException("empty document", 0);
        MiniJson p = new MiniJson(text);
        p.skipWhitespace();
        Object value = p.value(0);
        p.skipWhitespace();
        if (p.pos != text.length()) throw new SyntaxException("unexpected content after the JSON value", p.pos);
        return value;
    }

    private Object value(int depth) throws SyntaxException {
        if (depth > 64) throw new SyntaxException("nesting too deep", pos);
        if (pos >= text.length()) throw new SyntaxException("unexpected end of document", pos);
        char c = text.charAt(pos);
        switch (c) {
            case '{': return object(depth);
            case '[': return array(depth);
            case '"': return string();
            case 't': return literal("true", Boolean.TRUE);
            case 'f': return literal("false", Boolean.FALSE);
            case 'n': return literal("null", NULL);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) return number();
                throw new SyntaxException("unexpected character '" + c + "'", pos);
        }
    }

    private Map<String, Object> object(int depth) throws SyntaxException {
        Map<String, Object> map = new LinkedHashMap<>();
        pos++; // {
        skipWhitespace();
        if (peek() == '}') {
            pos++;
            return map;
        }
        while (true) {
            skipWhitespace();
            if (peek() != '"') throw new SyntaxException("expected a field name in double quotes", pos);
            int keyPos = pos;
            String key = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            Object v = value(depth + 1);
            if (map.containsKey(key)) throw new SyntaxException("duplicate field \"" + key + "\"", keyPos);
            map.put(key, v);
            skipWhitespace();
            char c = peek();
            if (c == ',') {
                pos++;
            } else if (c == '}') {
                pos++;
                return map;
            } else {
                throw new SyntaxException("expected ',' or '}'", pos);
            }
        }
    }

    private List<Object> array(int depth) throws SyntaxException {
        List<Object> list = new ArrayList<>();
        pos++; // [
        skipWhitespace();
        if (peek() == ']') {
            pos++;
            return list;
        }
        while (true) {
            skipWhitespace();
            list.add(value(depth + 1));
            skipWhitespace();
            char c = peek();
            if (c == ',') {
                pos++;
            } else if (c == ']') {
                pos++;
                return list;
            } else {
                throw new SyntaxException("expected ',' or ']'", pos);
            }
        }
    }

    private String string() throws SyntaxException {
        pos++; // opening quote
        StringBuilder sb = new StringBuilder();
        while (true) {
            if (pos >= text.length()) throw new SyntaxException("unterminated string", pos);
            char c = text.charAt(pos++);
            if (c == '"') return sb.toString();
            if (c < 0x20) throw new SyntaxException("control character in string", pos - 1);
            if (c != '\\') {
                sb.append(c);
                continue;
            }
            if (pos >= text.length()) throw new SyntaxException("unterminated escape", pos);
            char e = text.charAt(pos++);
            switch (e) {
                case '"': sb.append('"'); break;
                case '\\': sb.append('\\'); break;
                case '/': sb.append('/'); break;
                case 'b': sb.append('\b'); break;
                case 'f': sb.append('\f'); break;
                case 'n': sb.append('\n'); break;
                case 'r': sb.append('\r'); break;
                case 't': sb.append('\t'); break;
                case 'u':
                    if (pos + 4 > text.length()) throw new SyntaxException("short \\u escape", pos);
                    try {
                        sb.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                    } catch (NumberFormatException ex) {
                        throw new SyntaxException("bad \\u escape", pos);
                    }
                    pos += 4;
                    break;
                default:
                    throw new SyntaxException("bad escape '\\" + e + "'", pos - 1);
            }
        }
    }

    private BigDecimal number() throws SyntaxException {
        int start = pos;
        if (peek() == '-') pos++;
        if (peek() == '0') {
            pos++;
        } else if (Character.isDigit(peek())) {
            while (Character.isDigit(peek())) pos++;
        } else {
            throw new SyntaxException("bad number", start);
        }
        if (peek() == '.') {
            pos++;
            if (!Character.isDigit(peek())) throw new SyntaxException("bad number", start);
            while (Character.isDigit(peek())) pos++;
        }
        if (peek() == 'e' || peek() == 'E') {
            pos++;
            if (peek() == '+' || peek() == '-') pos++;
            if (!Character.isDigit(peek())) throw new SyntaxException("bad number", start);
            while (Character.isDigit(peek())) pos++;
        }
        return new BigDecimal(text.substring(start, pos));
    }

    private Object literal(String word, Object value) throws SyntaxException {
        if (!text.startsWith(word, pos)) throw new SyntaxException("unexpected token", pos);
        pos += word.length();
        return value;
    }

    private void expect(char c) throws SyntaxException {
        if (peek() != c) throw new SyntaxException("expected '" + c + "'", pos);
        pos++;
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipWhitespace() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
            pos++;
        }
    }

    /** {@code s} as a JSON string literal. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                default:
                    if (c < 0x20) sb.append(String.format("\\u%04x", (int) c));
                    else sb.append(c);
            }
        }
        return sb.append('"').toString();
    }
}
