package io.taskgraph.domain.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The small JSON codec the domain needs for the documents it owns (tool arguments and results,
 * metadata values, fingerprints). The domain may not use libraries, and these documents are small.
 * Values are {@code null}, Boolean, Number, String, List and Map (insertion-ordered on parse).
 */
public final class Json {
    private Json() {
    }

    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    public static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            quote(s, out);
        } else if (value instanceof Boolean b) {
            out.append(b.booleanValue());
        } else if (value instanceof Double d) {
            writeDouble(d, out);
        } else if (value instanceof Float f) {
            writeDouble(f.doubleValue(), out);
        } else if (value instanceof BigDecimal d) {
            out.append(d.toPlainString());
        } else if (value instanceof Number n) {
            out.append(n.toString());
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                quote(String.valueOf(e.getKey()), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else if (value instanceof Collection<?> list) {
            out.append('[');
            boolean first = true;
            for (Object item : list) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                write(item, out);
            }
            out.append(']');
        } else {
            quote(value.toString(), out);
        }
    }

    private static void writeDouble(double d, StringBuilder out) {
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            quote(Double.toString(d), out);
        } else if (d == Math.rint(d) && Math.abs(d) < 1e15) {
            out.append((long) d).append(".0");
        } else {
            out.append(d);
        }
    }

    public static String quote(String s) {
        StringBuilder out = new StringBuilder(s.length() + 2);
        quote(s, out);
        return out.toString();
    }

    public static void quote(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Parses one JSON document; throws {@link JsonException} with the offset of the first problem. */
    public static Object parse(String text) {
        Parser p = new Parser(text);
        p.skipSpace();
        Object value = p.value();
        p.skipSpace();
        if (p.pos != text.length()) {
            throw new JsonException("unexpected text after the JSON value at offset " + p.pos);
        }
        return value;
    }

    /**
     * The value of {@code text}, or nothing when it is null, blank or not JSON: for what a workspace recorded, where
     * an older or damaged file must read as "not recorded" rather than fail.
     */
    public static Optional<Object> tryParse(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(parse(text));
        } catch (JsonException e) {
            return Optional.empty();
        }
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(String text) {
        Object value = parse(text);
        if (!(value instanceof Map)) {
            throw new JsonException("expected a JSON object");
        }
        return (Map<String, Object>) value;
    }

    private static final class Parser {
        private final String s;
        private int pos;
        /** Where the next backslash at or after pos is (MAX_VALUE: none), kept so each search covers new text only. */
        private int backslash = -1;

        Parser(String s) {
            this.s = s;
        }

        void skipSpace() {
            while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) {
                pos++;
            }
        }

        Object value() {
            if (pos >= s.length()) {
                throw new JsonException("unexpected end of JSON");
            }
            char c = s.charAt(pos);
            return switch (c) {
                case '{' -> object();
                case '[' -> array();
                case '"' -> string();
                case 't' -> literal("true", Boolean.TRUE);
                case 'f' -> literal("false", Boolean.FALSE);
                case 'n' -> literal("null", null);
                default -> {
                    if (c == '-' || (c >= '0' && c <= '9')) {
                        yield number();
                    }
                    throw new JsonException("unexpected character '" + c + "' at offset " + pos);
                }
            };
        }

        private Object literal(String word, Object value) {
            if (!s.startsWith(word, pos)) {
                throw new JsonException("unexpected token at offset " + pos);
            }
            pos += word.length();
            return value;
        }

        private Map<String, Object> object() {
            Map<String, Object> map = new LinkedHashMap<>();
            pos++;
            skipSpace();
            if (peek() == '}') {
                pos++;
                return map;
            }
            while (true) {
                skipSpace();
                if (peek() != '"') {
                    throw new JsonException("expected a quoted key at offset " + pos);
                }
                String key = string();
                skipSpace();
                expect(':');
                skipSpace();
                map.put(key, value());
                skipSpace();
                char c = next();
                if (c == '}') {
                    return map;
                }
                if (c != ',') {
                    throw new JsonException("expected ',' or '}' at offset " + (pos - 1));
                }
            }
        }

        private List<Object> array() {
            List<Object> list = new ArrayList<>();
            pos++;
            skipSpace();
            if (peek() == ']') {
                pos++;
                return list;
            }
            while (true) {
                skipSpace();
                list.add(value());
                skipSpace();
                char c = next();
                if (c == ']') {
                    return list;
                }
                if (c != ',') {
                    throw new JsonException("expected ',' or ']' at offset " + (pos - 1));
                }
            }
        }

        private String string() {
            pos++;
            // Runs without escapes are copied whole: a reply carries the spec's source, one long string.
            StringBuilder out = null;
            int quote = -1;
            while (true) {
                if (quote < pos) {
                    quote = s.indexOf('"', pos);
                    if (quote < 0) {
                        quote = Integer.MAX_VALUE;
                    }
                }
                if (backslash < pos) {
                    backslash = s.indexOf('\\', pos);
                    if (backslash < 0) {
                        backslash = Integer.MAX_VALUE;
                    }
                }
                if (quote == Integer.MAX_VALUE && backslash == Integer.MAX_VALUE) {
                    pos = s.length();
                    throw new JsonException("unexpected end of JSON");
                }
                if (quote < backslash) {
                    int start = pos;
                    pos = quote + 1;
                    return out == null ? s.substring(start, quote) : out.append(s, start, quote).toString();
                }
                if (out == null) {
                    out = new StringBuilder(Math.min(quote, s.length()) - pos);
                }
                out.append(s, pos, backslash);
                pos = backslash + 1;
                char e = next();
                switch (e) {
                    case '"', '\\', '/' -> out.append(e);
                    case 'n' -> out.append('\n');
                    case 'r' -> out.append('\r');
                    case 't' -> out.append('\t');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        if (pos + 4 > s.length()) {
                            throw new JsonException("bad \\u escape at offset " + pos);
                        }
                        String hex = s.substring(pos, pos + 4);
                        if (!hex.chars().allMatch(h -> Character.digit(h, 16) >= 0)) {
                            throw new JsonException("bad \\u escape '\\u" + hex + "' at offset " + (pos - 2));
                        }
                        out.append((char) Integer.parseInt(hex, 16));
                        pos += 4;
                    }
                    default -> throw new JsonException("bad escape '\\" + e + "' at offset " + (pos - 1));
                }
            }
        }

        private Number number() {
            int start = pos;
            if (peek() == '-') {
                pos++;
            }
            boolean fraction = false;
            while (pos < s.length()) {
                char c = s.charAt(pos);
                if (c >= '0' && c <= '9') {
                    pos++;
                } else if (c == '.' || c == 'e' || c == 'E' || c == '+' || c == '-') {
                    fraction = true;
                    pos++;
                } else {
                    break;
                }
            }
            String text = s.substring(start, pos);
            try {
                if (fraction) {
                    return Double.parseDouble(text);
                }
                BigInteger big = new BigInteger(text);
                return big.bitLength() < 64 ? (Number) big.longValue() : big;
            } catch (NumberFormatException e) {
                throw new JsonException("bad number '" + text + "' at offset " + start);
            }
        }

        private char peek() {
            if (pos >= s.length()) {
                throw new JsonException("unexpected end of JSON");
            }
            return s.charAt(pos);
        }

        private char next() {
            char c = peek();
            pos++;
            return c;
        }

        private void expect(char c) {
            if (next() != c) {
                throw new JsonException("expected '" + c + "' at offset " + (pos - 1));
            }
        }
    }
}
