package dev.log4jpool.layout;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a template's JSON text (RFC 8259) into plain values, at configuration: objects as
 * {@code LinkedHashMap} (member order kept), arrays as {@code List}, strings, {@link Number}s (the
 * literal text, written back as given), {@code Boolean}s and {@link #NULL}. A template is
 * configuration, so what a lenient reader would guess at is an error here, with the line and column:
 * trailing commas, comments, and a key given twice in one object (JsonTemplateLayout keeps the last
 * silently).
 */
final class TemplateJson {
    /** JSON {@code null} (maps and lists here hold no Java {@code null}). */
    static final Object NULL = new Object() {
        @Override
        public String toString() {
            return "null";
        }
    };

    /** A JSON number as written in the template. */
    static final class Number {
        final String text;

        Number(String text) {
            this.text = text;
        }

        @Override
        public String toString() {
            return text;
        }
    }

    /** {@code value} (as {@link #read} returns) as compact JSON text: to show a template to people. */
    static String toText(Object value) {
        StringBuilder text = new StringBuilder();
        write(value, text);
        return text.toString();
    }

    private static void write(Object value, StringBuilder text) {
        if (value instanceof Map) {
            text.append('{');
            String separator = "";
            for (Map.Entry<?, ?> member : ((Map<?, ?>) value).entrySet()) {
                text.append(separator);
                dev.log4jpool.internal.JsonCodec.appendQuoted(text, String.valueOf(member.getKey()));
                text.append(':');
                write(member.getValue(), text);
                separator = ",";
            }
            text.append('}');
        } else if (value instanceof List) {
            text.append('[');
            String separator = "";
            for (Object element : (List<?>) value) {
                text.append(separator);
                write(element, text);
                separator = ",";
            }
            text.append(']');
        } else if (value instanceof String) {
            dev.log4jpool.internal.JsonCodec.appendQuoted(text, (String) value);
        } else {
            text.append(value == null ? "null" : value.toString());
        }
    }

    private final String text;
    private int position;

    private TemplateJson(String text) {
        this.text = text;
    }

    /** The value of {@code text}; {@link IllegalArgumentException} with the line and column when it is not JSON. */
    static Object read(String text) {
        TemplateJson reader = new TemplateJson(text);
        reader.skipSpace();
        Object value = reader.value();
        reader.skipSpace();
        if (reader.position < text.length()) {
            throw reader.error("unexpected text after the JSON value");
        }
        return value;
    }

    private Object value() {
        if (position >= text.length()) {
            throw error("unexpected end of the template");
        }
        char c = text.charAt(position);
        switch (c) {
            case '{':
                return object();
            case '[':
                return array();
            case '"':
                return string();
            case 't':
                return literal("true", Boolean.TRUE);
            case 'f':
                return literal("false", Boolean.FALSE);
            case 'n':
                return literal("null", NULL);
            default:
                if (c == '-' || (c >= '0' && c <= '9')) {
                    return number();
                }
                throw error("unexpected character '" + c + "'");
        }
    }

    private Map<String, Object> object() {
        Map<String, Object> members = new LinkedHashMap<>();
        position++;
        skipSpace();
        if (peek() == '}') {
            position++;
            return members;
        }
        while (true) {
            skipSpace();
            if (peek() != '"') {
                throw error("expected a member name in quotes");
            }
            int keyPosition = position;
            String key = string();
            skipSpace();
            expect(':');
            skipSpace();
            Object value = value();
            if (members.put(key, value) != null) {
                position = keyPosition;
                throw error("the key \"" + key + "\" appears twice in one object");
            }
            skipSpace();
            char next = peek();
            position++;
            if (next == '}') {
                return members;
            }
            if (next != ',') {
                position--;
                throw error("expected ',' or '}'");
            }
        }
    }

    private List<Object> array() {
        List<Object> elements = new ArrayList<>();
        position++;
        skipSpace();
        if (peek() == ']') {
            position++;
            return elements;
        }
        while (true) {
            skipSpace();
            elements.add(value());
            skipSpace();
            char next = peek();
            position++;
            if (next == ']') {
                return elements;
            }
            if (next != ',') {
                position--;
                throw error("expected ',' or ']'");
            }
        }
    }

    private String string() {
        position++; // the opening quote
        StringBuilder value = new StringBuilder();
        while (true) {
            if (position >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(position++);
            if (c == '"') {
                return value.toString();
            }
            if (c < 0x20) {
                position--;
                throw error("control character U+" + String.format("%04X", (int) c) + " in a string (escape it)");
            }
            if (c != '\\') {
                value.append(c);
                continue;
            }
            if (position >= text.length()) {
                throw error("unterminated escape");
            }
            char escape = text.charAt(position++);
            switch (escape) {
                case '"': case '\\': case '/':
                    value.append(escape);
                    break;
                case 'b': value.append('\b'); break;
                case 'f': value.append('\f'); break;
                case 'n': value.append('\n'); break;
                case 'r': value.append('\r'); break;
                case 't': value.append('\t'); break;
                case 'u':
                    if (position + 4 > text.length()) {
                        throw error("incomplete \\u escape");
                    }
                    try {
                        value.append((char) Integer.parseInt(text.substring(position, position + 4), 16));
                    } catch (NumberFormatException notHex) {
                        throw error("invalid \\u escape");
                    }
                    position += 4;
                    break;
                default:
                    position--;
                    throw error("invalid escape '\\" + escape + "'");
            }
        }
    }

    private Number number() {
        int start = position;
        if (peek() == '-') {
            position++;
        }
        if (peek() == '0') {
            position++;
        } else if (isDigit(peek())) {
            digits();
        } else {
            throw error("invalid number");
        }
        if (peek() == '.') {
            position++;
            if (!isDigit(peek())) {
                throw error("invalid number: a digit must follow '.'");
            }
            digits();
        }
        if (peek() == 'e' || peek() == 'E') {
            position++;
            if (peek() == '+' || peek() == '-') {
                position++;
            }
            if (!isDigit(peek())) {
                throw error("invalid number: a digit must follow the exponent");
            }
            digits();
        }
        return new Number(text.substring(start, position));
    }

    private void digits() {
        while (isDigit(peek())) {
            position++;
        }
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, position)) {
            throw error("unexpected word (expected " + word + ")");
        }
        position += word.length();
        return value;
    }

    private char peek() {
        return position < text.length() ? text.charAt(position) : '\0';
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("expected '" + c + "'");
        }
        position++;
    }

    private void skipSpace() {
        while (position < text.length()) {
            char c = text.charAt(position);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
                return;
            }
            position++;
        }
    }

    private IllegalArgumentException error(String problem) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < Math.min(position, text.length()); i++) {
            if (text.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new IllegalArgumentException("invalid JSON at line " + line + ", column " + column + ": " + problem);
    }
}
