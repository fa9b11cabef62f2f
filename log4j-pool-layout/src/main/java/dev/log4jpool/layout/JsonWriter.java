package dev.log4jpool.layout;

import dev.log4jpool.buffer.TextBuffer;
import dev.log4jpool.message.StructuredFields;

/**
 * Writes one JSON object into a {@link TextBuffer}: member names, escaped strings (RFC 8259),
 * numbers, booleans. One instance lives with each pooled buffer (as its attachment) and holds the
 * scratch space an event needs, so that writing allocates nothing once the scratch has grown to fit.
 *
 * <p>Strings: {@code "} and {@code \} are escaped, control characters {@code U+0000–U+001F} as
 * {@code \b \f \n \r \t} or a six-char {@code \}{@code u00XX} escape; a valid surrogate pair is kept, a lone or reversed
 * surrogate becomes {@code U+FFFD}, so the text always encodes to valid UTF-8. In ASCII mode (for
 * charsets other than UTF-8) every non-ASCII char is written as a {@code \}{@code uXXXX} escape. A string
 * longer than {@code maxStringLength} chars is cut there (never inside a surrogate pair) and ends
 * with the truncation marker. Keys get the same treatment.
 *
 * <p>Not thread-safe: it is used by whoever holds its buffer.
 */
final class JsonWriter {
    /** Input chars escaped per run: bounds the {@code ensureCapacityFor} of one run to 6× this. */
    private static final int RUN = 512;
    /** Scratch builders that grew past this many chars are replaced after the event. */
    private static final int MAX_RETAINED_SCRATCH = 16 * 1024;
    private static final char[] HEX = "0123456789abcdef".toCharArray();
    private static final char[] NULL = "null".toCharArray();
    private static final char[] TRUE = "true".toCharArray();
    private static final char[] FALSE = "false".toCharArray();

    private TextBuffer out;
    private LayoutSettings settings;
    /** Chars at or above this go through the slow path: 0xD800 (surrogates), or 0x80 in ASCII mode. */
    private char fastLimit;
    private boolean needsComma;

    private final char[] run = new char[RUN];
    /** Formats messages and numbers; trimmed after an event that made it huge. */
    StringBuilder scratch = new StringBuilder(256);
    /** The dynamic keys of the current object (structured fields, map entries, flattened context). */
    final KeyRegistry keys = new KeyRegistry();
    /** Receives the carrier of a structured message from an event's parameters. */
    final Object[] carrierScratch = new Object[1];
    /** The structured fields of the current event, or {@code null}. */
    StructuredFields fields;
    /** The formatted second of the last timestamp, per format (see {@link TimestampFormatter}). */
    final TimestampCache timestampCache = new TimestampCache();
    /** Throwables already written for this event: a cause chain may loop. */
    final ThrowableTrail throwableTrail = new ThrowableTrail();
    final Utf8Encoder encoder = new Utf8Encoder();
    final StackTraceRenderer stackTraceRenderer = new StackTraceRenderer();
    /** The context writer iterating now (state for its allocation-free callback). */
    ContextDataFields contextFilter;
    /** Whether the nested context object has been opened for this event. */
    boolean contextOpened;

    /** The writer kept with {@code buffer}, made on first use. */
    static JsonWriter of(TextBuffer buffer) {
        Object attachment = buffer.getAttachment();
        if (attachment instanceof JsonWriter) {
            return (JsonWriter) attachment;
        }
        JsonWriter created = new JsonWriter();
        buffer.setAttachment(created);
        return created;
    }

    /** Starts an object in {@code buffer}. */
    void begin(TextBuffer buffer, LayoutSettings layoutSettings) {
        this.out = buffer;
        this.settings = layoutSettings;
        this.fastLimit = layoutSettings.asciiOnly ? (char) 0x80 : (char) 0xD800;
        this.needsComma = false;
        this.fields = null;
        keys.begin(layoutSettings.reservedKeys);
        buffer.append('{');
    }

    /** Ends the object; drops references to the event and trims scratch space that grew too much. */
    void end() {
        out.append('}');
        fields = null;
        throwableTrail.clear();
        if (scratch.capacity() > MAX_RETAINED_SCRATCH) {
            scratch = new StringBuilder(256);
        }
    }

    TextBuffer buffer() {
        return out;
    }

    LayoutSettings settings() {
        return settings;
    }

    // ---- structure ----

    /** Writes a member name prepared at configuration: {@code "name":}, escaped already. */
    void name(char[] preparedName) {
        comma();
        out.append(preparedName, 0, preparedName.length);
    }

    /**
     * Writes a member name only known at run time. A name already taken in this object (by a base
     * field, an additional field or an earlier dynamic key) gets {@code _} prefixed until it is free.
     */
    void dynamicName(String key) {
        String name = key == null ? "null" : key;
        int prefix = keys.claim(name);
        comma();
        out.append('"');
        for (int i = 0; i < prefix; i++) {
            out.append('_');
        }
        escapeTruncated(name, name.length());
        out.append('"').append(':');
    }

    /** A comma unless this is the first member or element. */
    void comma() {
        if (needsComma) {
            out.append(',');
        }
        needsComma = true;
    }

    /** Opens a nested object or array: its first member needs no comma. */
    void open(char bracket) {
        out.append(bracket);
        needsComma = false;
    }

    /** Closes a nested object or array; the parent continues after a member. */
    void close(char bracket) {
        out.append(bracket);
        needsComma = true;
    }

    void raw(char[] chars) {
        out.append(chars, 0, chars.length);
    }

    /** Writes a member name without claiming it: for nested objects, whose keys cannot collide. */
    void plainName(String key) {
        comma();
        out.append('"');
        String name = key == null ? "null" : key;
        escapeTruncated(name, name.length());
        out.append('"').append(':');
    }

    /** Where the buffer and the comma state are now, to undo a member whose writer failed. */
    int checkpoint() {
        return needsComma ? -1 - out.length() : out.length();
    }

    /** Undoes everything written since {@code checkpoint}. */
    void rollback(int checkpoint) {
        needsComma = checkpoint < 0;
        out.truncate(checkpoint < 0 ? -1 - checkpoint : checkpoint);
    }

    // ---- a string written in parts (stack traces) ----

    private int partBudget;
    private boolean partCut;

    /** Opens a string whose text follows in {@link #part} calls; {@code maxStringLength} applies to the whole. */
    void beginString() {
        out.append('"');
        partBudget = settings.maxStringLength;
        partCut = false;
    }

    void part(String text) {
        String value = text == null ? "null" : text;
        if (partCut) {
            return;
        }
        int length = value.length();
        if (length <= partBudget) {
            escapeRange(value, 0, length);
            partBudget -= length;
            return;
        }
        int limit = partBudget;
        if (limit > 0 && Character.isHighSurrogate(value.charAt(limit - 1))) {
            limit--;
        }
        escapeRange(value, 0, limit);
        partCut = true;
        partBudget = 0;
    }

    void part(char c) {
        if (partCut) {
            return;
        }
        if (partBudget == 0) {
            partCut = true;
            return;
        }
        partBudget--;
        run[0] = c;
        escape(run, 0, 1);
    }

    void partLong(long value) {
        if (partCut) {
            return;
        }
        int before = out.length();
        NumberText.appendLong(out, value);
        int digits = out.length() - before;
        if (digits > partBudget) {
            out.truncate(before + partBudget);
            partCut = true;
            partBudget = 0;
        } else {
            partBudget -= digits;
        }
    }

    /** Closes the string, with the truncation marker when parts were cut. */
    void endString() {
        if (partCut) {
            raw(settings.truncationMarker);
        }
        out.append('"');
    }

    // ---- values ----

    void nullValue() {
        out.append(NULL, 0, NULL.length);
    }

    void booleanValue(boolean value) {
        char[] text = value ? TRUE : FALSE;
        out.append(text, 0, text.length);
    }

    void longValue(long value) {
        NumberText.appendLong(out, value);
    }

    /** A finite double as a JSON number in Java's shortest form; NaN and infinities as strings. */
    void doubleValue(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            out.append('"');
            out.append(value != value ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
            out.append('"');
            return;
        }
        StringBuilder text = scratch;
        text.setLength(0);
        text.append(value);
        out.append(text, 0, text.length());
    }

    /** A JSON string, or {@code null}. */
    void stringValue(String value) {
        if (value == null) {
            nullValue();
            return;
        }
        out.append('"');
        escapeTruncated(value, value.length());
        out.append('"');
    }

    /** A JSON string from any text, or {@code null}. */
    void stringValue(CharSequence value) {
        if (value == null) {
            nullValue();
            return;
        }
        out.append('"');
        escapeTruncated(value, value.length());
        out.append('"');
    }

    /** A JSON string from {@code chars[offset, offset + length)}. */
    void stringValue(char[] chars, int offset, int length) {
        out.append('"');
        int limit = truncationLimit(length);
        if (limit > 0 && limit < length && Character.isHighSurrogate(chars[offset + limit - 1])) {
            limit--;
        }
        int from = offset;
        int end = offset + limit;
        while (from < end) {
            int count = runLength(chars, from, end);
            escape(chars, from, from + count);
            from += count;
        }
        if (limit < length) {
            raw(settings.truncationMarker);
        }
        out.append('"');
    }

    /** A typed value from an arbitrary object: numbers and booleans keep their JSON type. */
    void objectValue(Object value) {
        if (value == null) {
            nullValue();
        } else if (value instanceof String) {
            stringValue((String) value);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            longValue(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            doubleValue(((Number) value).doubleValue());
        } else if (value instanceof Boolean) {
            booleanValue((Boolean) value);
        } else if (value instanceof CharSequence) {
            stringValue((CharSequence) value);
        } else {
            stringValue(SafeText.toString(value));
        }
    }

    // ---- escaping ----

    private int truncationLimit(int length) {
        return Math.min(length, settings.maxStringLength);
    }

    /** Escapes {@code text[0, min(length, maxStringLength))} and the marker when it was cut. */
    private void escapeTruncated(CharSequence text, int length) {
        int limit = truncationLimit(length);
        if (limit > 0 && limit < length && Character.isHighSurrogate(text.charAt(limit - 1))) {
            limit--; // never split a pair: the high half alone would become U+FFFD
        }
        escapeRange(text, 0, limit);
        if (limit < length) {
            raw(settings.truncationMarker);
        }
    }

    /** Escapes {@code text[from, to)} in runs through the scratch array. */
    private void escapeRange(CharSequence text, int start, int end) {
        int from = start;
        while (from < end) {
            int count = Math.min(RUN, end - from);
            if (from + count < end && Character.isHighSurrogate(text.charAt(from + count - 1))) {
                count--; // keep the pair in one run, so the escaper sees both halves
            }
            copy(text, from, from + count);
            escape(run, 0, count);
            from += count;
        }
    }

    private static int runLength(char[] chars, int from, int end) {
        int count = Math.min(RUN, end - from);
        if (from + count < end && Character.isHighSurrogate(chars[from + count - 1])) {
            count--;
        }
        return count;
    }

    /** Bulk copies where the JDK can (String, StringBuilder), else char by char. */
    private void copy(CharSequence text, int start, int end) {
        if (text instanceof String) {
            ((String) text).getChars(start, end, run, 0);
        } else if (text instanceof StringBuilder) {
            ((StringBuilder) text).getChars(start, end, run, 0);
        } else if (text instanceof TextBuffer) {
            System.arraycopy(((TextBuffer) text).array(), start, run, 0, end - start);
        } else {
            for (int i = start; i < end; i++) {
                run[i - start] = text.charAt(i);
            }
        }
    }

    /** Escapes {@code source[from, to)}, in which a surrogate pair is never split at {@code to}. */
    private void escape(char[] source, int from, int to) {
        out.ensureCapacityFor((to - from) * 6);
        char[] target = out.array();
        int p = out.length();
        char limit = fastLimit;
        for (int i = from; i < to; i++) {
            char c = source[i];
            if (c >= 0x20 && c < limit && c != '"' && c != '\\') {
                target[p++] = c;
            } else if (c < 0x20) {
                p = escapeControl(c, target, p);
            } else if (c == '"' || c == '\\') {
                target[p++] = '\\';
                target[p++] = c;
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < to && Character.isLowSurrogate(source[i + 1])) {
                    p = nonAscii(c, target, p);
                    p = nonAscii(source[++i], target, p);
                } else {
                    p = nonAscii('\uFFFD', target, p);
                }
            } else if (Character.isLowSurrogate(c)) {
                p = nonAscii('\uFFFD', target, p); // a low half with no high half before it
            } else {
                p = nonAscii(c, target, p);
            }
        }
        out.setLength(p);
    }

    private static int escapeControl(char c, char[] target, int p) {
        target[p++] = '\\';
        switch (c) {
            case '\b':
                target[p++] = 'b';
                break;
            case '\f':
                target[p++] = 'f';
                break;
            case '\n':
                target[p++] = 'n';
                break;
            case '\r':
                target[p++] = 'r';
                break;
            case '\t':
                target[p++] = 't';
                break;
            default:
                p = hex(c, target, p - 1);
        }
        return p;
    }

    /** A non-ASCII char (or a surrogate half of a valid pair): raw, or escaped in ASCII mode. */
    private int nonAscii(char c, char[] target, int p) {
        if (fastLimit == 0x80) {
            return hex(c, target, p);
        }
        target[p++] = c;
        return p;
    }

    private static int hex(char c, char[] target, int p) {
        target[p++] = '\\';
        target[p++] = 'u';
        target[p++] = HEX[(c >> 12) & 0xF];
        target[p++] = HEX[(c >> 8) & 0xF];
        target[p++] = HEX[(c >> 4) & 0xF];
        target[p++] = HEX[c & 0xF];
        return p;
    }

    /** Escapes text prepared at configuration (names, constants): no truncation, no scratch state. */
    static char[] escapeConstant(String text, boolean asciiOnly) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                escaped.append('\\').append(c);
            } else if (c < 0x20 || (asciiOnly && c >= 0x80) || Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    if (asciiOnly) {
                        escaped.append(String.format("\\u%04x\\u%04x", (int) c, (int) text.charAt(i + 1)));
                    } else {
                        escaped.append(c).append(text.charAt(i + 1));
                    }
                    i++;
                } else if (Character.isSurrogate(c)) {
                    escaped.append(asciiOnly ? "\\ufffd" : "\uFFFD");
                } else {
                    escaped.append(String.format("\\u%04x", (int) c));
                }
            } else {
                escaped.append(c);
            }
        }
        char[] result = new char[escaped.length()];
        escaped.getChars(0, escaped.length(), result, 0);
        return result;
    }
}
