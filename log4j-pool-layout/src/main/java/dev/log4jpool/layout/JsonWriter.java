package dev.log4jpool.layout;

import dev.log4jpool.buffer.TextBuffer;
import dev.log4jpool.internal.JsonCodec;

/**
 * Writes one JSON object into a {@link TextBuffer}: member names, strings (escaped by
 * {@link JsonCodec}), numbers, booleans, nested objects and arrays, with commas where they belong.
 * A string longer than {@code maxStringLength} chars is cut there (never inside a surrogate pair)
 * and ends with the truncation marker; keys get the same treatment.
 *
 * <p>Only the output state lives here: the buffer, the comma state, the key registries, the state
 * of a string written in parts, the codec. What an event needs besides (caches, parse state, the
 * encoder, the stack-trace renderer) is its {@link EventScratch}, which holds this writer. Not
 * thread-safe: it is used by whoever holds its buffer.
 */
final class JsonWriter {
    private static final char[] NULL = "null".toCharArray();
    private static final char[] TRUE = "true".toCharArray();
    private static final char[] FALSE = "false".toCharArray();

    private TextBuffer out;
    private LayoutSettings settings;
    private boolean needsComma;

    private final JsonCodec codec = new JsonCodec();
    /** Formats a double (at most 25 chars). */
    private final StringBuilder numberText = new StringBuilder(32);
    /**
     * The run-time keys of each open object, by depth: the names its members claimed (structured
     * fields, map entries, flattened context), so that no key repeats within one object. Made on
     * first use of a depth, kept with the writer.
     */
    private KeyRegistry[] registries = new KeyRegistry[4];
    /** Objects open now; {@code registries[depth - 1]} claims the names (none before the first object). */
    private int depth;
    /** The last prefix of a prefixed run-time name and its escaped text. */
    private final EscapedStringCache lastPrefix = new EscapedStringCache();
    /** The run-time names written before, as written: copied instead of escaped again. */
    private final NameCache knownNames = new NameCache();

    /** Starts an event's text in {@code buffer}; the root value follows (usually {@link #openObject}). */
    void begin(TextBuffer buffer, LayoutSettings layoutSettings) {
        this.out = buffer;
        this.settings = layoutSettings;
        codec.setAsciiOnly(layoutSettings.asciiOnly);
        this.needsComma = false;
        this.depth = 0;
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
        // The comma and the name in one capacity check, short names copied by a loop: the
        // arraycopy stub per name showed in profiles of templates with many members; long ones
        // (GCP's logging.googleapis.com/…, a name with its literal value) copy faster by arraycopy.
        int length = preparedName.length;
        out.ensureCapacityFor(length + 1);
        char[] target = out.array();
        int p = out.length();
        if (needsComma) {
            target[p++] = ',';
        }
        needsComma = true;
        if (length > 16) {
            System.arraycopy(preparedName, 0, target, p, length);
        } else {
            for (int i = 0; i < length; i++) {
                target[p + i] = preparedName[i];
            }
        }
        out.setLength(p + length);
    }

    /**
     * Writes a member name only known at run time. The name is written as it will stay (escaped,
     * lone surrogates replaced, cut at {@code maxStringLength} with the marker) and then claimed: a
     * name already taken in this object (by a configured member or an earlier run-time key) gets
     * {@code _} prefixed until it is free (see {@link KeyRegistry}).
     */
    void dynamicName(CharSequence key) {
        CharSequence name = key == null ? "null" : key;
        KeyRegistry keys = registries[depth - 1];
        if (name instanceof String && writeKnownName(null, (String) name, keys)) {
            return;
        }
        comma();
        out.append('"');
        int start = out.length();
        int length = name.length();
        escapeTruncated(name, length);
        if (name instanceof String && length <= settings.maxStringLength) {
            knownNames.remember(null, (String) name, settings, keys.reserved(), out.array(), start, out.length());
        }
        keys.claim(out, start);
        out.append('"').append(':');
    }

    /**
     * Writes and claims the member name {@code prefix + key} from {@link #knownNames} when it was
     * written before with these settings into an object with these reserved names; false (nothing
     * written) when not. The hot path of flattened context and map entries: the comma, the quote and
     * the name after one capacity check.
     */
    private boolean writeKnownName(String prefix, String key, KeyRegistry keys) {
        NameCache.Entry known = knownNames.find(prefix, key, settings, keys.reserved());
        if (known == null) {
            return false;
        }
        int length = known.length;
        out.ensureCapacityFor(length + 2);
        char[] target = out.array();
        int p = out.length();
        if (needsComma) {
            target[p++] = ',';
        }
        needsComma = true;
        target[p++] = '"';
        System.arraycopy(known.text, 0, target, p, length);
        out.setLength(p + length);
        keys.claimPrepared(out, p, known.hash, known.unreserved);
        out.append('"').append(':');
        return true;
    }

    /**
     * {@link #dynamicName(CharSequence)} for the name {@code prefix + key} (a flattened map's
     * {@code "flatten": {"prefix": …}}), written from its two parts so that no String is made per key.
     * {@code maxStringLength} applies to the whole name, as it would to the joined String. A prefix
     * ending in a high surrogate and a key starting with the low one are each a lone surrogate here
     * (two U+FFFD), where the joined String would have held a pair.
     */
    void dynamicName(CharSequence prefix, CharSequence key) {
        CharSequence name = key == null ? "null" : key;
        KeyRegistry keys = registries[depth - 1];
        boolean cacheable = prefix instanceof String && name instanceof String;
        if (cacheable && writeKnownName((String) prefix, (String) name, keys)) {
            return;
        }
        comma();
        out.append('"');
        int start = out.length();
        int prefixLength = prefix.length();
        int prefixLimit = JsonCodec.cut(prefix, 0, prefixLength, settings.maxStringLength);
        if (prefixLimit == prefixLength && prefix instanceof String && lastPrefix.holds((String) prefix, settings)) {
            // A prefix is fixed at configuration: the same String for every key, escaped once.
            out.append(lastPrefix.json(), 0, lastPrefix.length());
        } else {
            int prefixStart = out.length();
            codec.escape(prefix, 0, prefixLimit, out);
            if (prefixLimit == prefixLength && prefix instanceof String) {
                lastPrefix.remember((String) prefix, settings, out.array(), prefixStart, out.length());
            }
        }
        if (prefixLimit < prefixLength) {
            raw(settings.truncationMarker);
        } else {
            int length = name.length();
            int limit = JsonCodec.cut(name, 0, length, settings.maxStringLength - prefixLength);
            codec.escape(name, 0, limit, out);
            if (limit < length) {
                raw(settings.truncationMarker);
            } else if (cacheable) {
                knownNames.remember((String) prefix, (String) name, settings, keys.reserved(), out.array(), start, out.length());
            }
        }
        keys.claim(out, start);
        out.append('"').append(':');
    }

    /**
     * Opens an object whose configured member names are {@code reserved}: until {@link #closeObject},
     * {@link #dynamicName} claims names in it, unique among themselves and against {@code reserved}.
     */
    void openObject(ReservedKeys reserved) {
        if (depth == registries.length) {
            registries = java.util.Arrays.copyOf(registries, depth * 2);
        }
        KeyRegistry keys = registries[depth];
        if (keys == null) {
            keys = new KeyRegistry();
            registries[depth] = keys;
        }
        keys.begin(reserved);
        depth++;
        open('{');
    }

    void closeObject() {
        depth--;
        close('}');
    }

    /**
     * Opens an array of OTLP {@code {"key": …, "value": …}} objects whose keys must be unique, as an
     * object's names must: until {@link #closeKeyedArray}, {@link #claimedString} claims them in a
     * registry of their own (the objects of the elements are opened with {@link #open}, not
     * {@link #openObject}, so they do not take a registry).
     */
    void openKeyedArray() {
        if (depth == registries.length) {
            registries = java.util.Arrays.copyOf(registries, depth * 2);
        }
        KeyRegistry keys = registries[depth];
        if (keys == null) {
            keys = new KeyRegistry();
            registries[depth] = keys;
        }
        keys.begin(ReservedKeys.NONE);
        depth++;
        open('[');
    }

    void closeKeyedArray() {
        depth--;
        close(']');
    }

    /**
     * A key of the keyed array open now, as a JSON string: written as it will stay (escaped, cut at
     * {@code maxStringLength}) and then claimed, so that a key already in the array gets {@code _}
     * prefixed until it is free ({@link KeyRegistry}), as a repeated member name does.
     */
    void claimedString(CharSequence key) {
        CharSequence text = key == null ? "null" : key;
        out.append('"');
        int start = out.length();
        escapeTruncated(text, text.length());
        registries[depth - 1].claim(out, start);
        out.append('"');
    }

    /** A comma unless this is the first member or element. */
    void comma() {
        if (needsComma) {
            out.append(',');
        }
        needsComma = true;
    }

    /** Opens an array (or an object without run-time keys): its first element needs no comma. */
    void open(char bracket) {
        out.append(bracket);
        needsComma = false;
    }

    /** Closes what {@link #open} opened; the parent continues after a member. */
    void close(char bracket) {
        out.append(bracket);
        needsComma = true;
    }

    /** One char as it is: a char of a value checked to need no escaping (a hex digit). */
    void raw(char c) {
        out.append(c);
    }

    void raw(char[] chars) {
        out.append(chars, 0, chars.length);
    }

    /** Copies {@code text} as it is: a JSON number's text ({@code BigDecimal.toString()}). */
    void raw(CharSequence text) {
        out.append(text);
    }

    /** Copies {@code chars[offset, offset + length)} as they are: a JSON number or literal taken from valid JSON. */
    void raw(char[] chars, int offset, int length) {
        out.append(chars, offset, length);
    }

    /** Writes a member name without claiming it: for the fixed names of nested objects ({@code error}, {@code source}). */
    void plainName(String key) {
        comma();
        out.append('"');
        String name = key == null ? "null" : key;
        escapeTruncated(name, name.length());
        out.append('"').append(':');
    }

    /**
     * Where the buffer, the comma state, the open objects and the current object's names are now,
     * to undo a member whose writer failed: the names it claimed are free again, objects it opened
     * are gone (names are forgotten by position, see {@link KeyRegistry#forgetFrom}). Packed: text
     * length (31 bits), comma (1), depth (8).
     */
    long checkpoint() {
        return ((long) out.length() << 33) | (needsComma ? 1L << 32 : 0) | depth;
    }

    /**
     * Whether what was written since {@code checkpoint} is a JSON string whose text is empty or white
     * space only ({@link Character#isWhitespace}, as Java's {@code String.isBlank}), escapes read.
     */
    boolean isBlankStringSince(long checkpoint) {
        char[] chars = out.array();
        int from = (int) (checkpoint >>> 33);
        int end = out.length();
        if (end - from < 2 || chars[from] != '"' || chars[end - 1] != '"') {
            return false;
        }
        for (int i = from + 1; i < end - 1; i++) {
            char c = chars[i];
            if (c == '\\') {
                char escaped = chars[++i];
                if (escaped == 'u') {
                    c = (char) (Character.digit(chars[i + 1], 16) << 12 | Character.digit(chars[i + 2], 16) << 8
                            | Character.digit(chars[i + 3], 16) << 4 | Character.digit(chars[i + 4], 16));
                    i += 4;
                } else {
                    c = escaped == 't' ? '\t' : escaped == 'n' ? '\n' : escaped == 'r' ? '\r' : escaped == 'f' ? '\f' : escaped;
                }
            }
            if (!Character.isWhitespace(c)) {
                return false;
            }
        }
        return true;
    }

    /** Undoes everything written since {@code checkpoint}, the names it claimed included. */
    void rollback(long checkpoint) {
        int position = (int) (checkpoint >>> 33);
        out.truncate(position);
        needsComma = (checkpoint & (1L << 32)) != 0;
        depth = (int) (checkpoint & 0xFF);
        if (depth > 0) {
            registries[depth - 1].forgetFrom(position);
        }
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

    /**
     * A part escaped whole, without counting it against the budget: for a caller that knows the
     * whole string is within {@code maxStringLength}.
     */
    void wholePart(String text) {
        codec.escape(text, 0, text.length(), out);
    }

    void part(String text) {
        String value = text == null ? "null" : text;
        if (partCut) {
            return;
        }
        int length = value.length();
        int limit = JsonCodec.cut(value, 0, length, partBudget);
        codec.escape(value, 0, limit, out);
        if (limit < length) {
            partCut = true;
            partBudget = 0;
        } else {
            partBudget -= length;
        }
    }

    /** {@code text[start, end)} as one part (the text of a stack trace, kept in a builder). */
    void part(CharSequence text, int start, int end) {
        if (partCut) {
            return;
        }
        int limit = JsonCodec.cut(text, start, end, partBudget);
        codec.escape(text, start, limit, out);
        if (limit < end) {
            partCut = true;
            partBudget = 0;
        } else {
            partBudget -= end - start;
        }
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
        codec.escape(c, out);
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

    /** A long's digits as a JSON string, cut at {@code maxStringLength} (with the marker) like any string. */
    void longString(long value) {
        digitString(value, false);
    }

    /** {@code bits} read as an unsigned 64-bit integer, as a JSON number. */
    void unsignedLongValue(long bits) {
        NumberText.appendUnsignedLong(out, bits);
    }

    /** {@code bits} read as an unsigned 64-bit integer, as {@link #longString} writes a long. */
    void unsignedLongString(long bits) {
        digitString(bits, true);
    }

    private void digitString(long value, boolean unsigned) {
        out.append('"');
        int start = out.length();
        if (unsigned) {
            NumberText.appendUnsignedLong(out, value);
        } else {
            NumberText.appendLong(out, value);
        }
        if (out.length() - start > settings.maxStringLength) {
            out.truncate(start + settings.maxStringLength);
            raw(settings.truncationMarker);
        }
        out.append('"');
    }

    /**
     * A finite double as a JSON number in Java's shortest form; NaN and infinities as strings (cut at
     * {@code maxStringLength} like every string, as JsonTemplateLayout cuts them).
     */
    void doubleValue(double value) {
        if (Double.isNaN(value) || Double.isInfinite(value)) {
            stringValue(value != value ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
            return;
        }
        StringBuilder text = numberText;
        text.setLength(0);
        text.append(value);
        out.append(text, 0, text.length());
    }

    /**
     * A finite float as a JSON number in Java's shortest form for a float ({@code 0.1f} is
     * {@code 0.1}, not the double {@code 0.10000000149011612}); NaN and infinities as (cut) strings.
     */
    void floatValue(float value) {
        if (Float.isNaN(value) || Float.isInfinite(value)) {
            stringValue(value != value ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
            return;
        }
        StringBuilder text = numberText;
        text.setLength(0);
        text.append(value);
        out.append(text, 0, text.length());
    }

    /** A JSON string, copied from {@code cache} when it is the same String as last time. */
    void cachedStringValue(String value, EscapedStringCache cache) {
        if (value == null) {
            nullValue();
        } else if (cache.holds(value, settings)) {
            out.append(cache.json(), 0, cache.length());
        } else {
            int start = out.length();
            stringValue(value);
            cache.remember(value, settings, out.array(), start, out.length());
        }
    }

    /** A JSON string from any text (a String is read in place), or {@code null}. */
    void stringValue(CharSequence value) {
        if (value == null) {
            nullValue();
            return;
        }
        out.append('"');
        escapeTruncated(value, value.length());
        out.append('"');
    }

    /**
     * A timestamp whose text needs no escaping ({@link InstantPattern#isPlain}), written straight
     * into the output; still cut at {@code maxStringLength} (then through {@link #stringValue}).
     */
    void plainTimestamp(InstantPattern pattern, long epochSecond, int nanos, InstantPattern.Cache cache) {
        int start = out.length();
        out.append('"');
        pattern.appendTo(out, epochSecond, nanos, cache);
        if (out.length() - start - 1 > settings.maxStringLength) {
            out.truncate(start);
            stringValue(pattern.format(epochSecond, nanos, cache));
            return;
        }
        out.append('"');
    }

    /** A JSON string from {@code chars[offset, offset + length)}. */
    void stringValue(char[] chars, int offset, int length) {
        out.append('"');
        int end = offset + length;
        int limit = JsonCodec.cut(chars, offset, end, settings.maxStringLength);
        codec.escapeAll(chars, offset, limit, out);
        if (limit < end) {
            raw(settings.truncationMarker);
        }
        out.append('"');
    }

    /** A typed value from an arbitrary object: numbers and booleans keep their JSON type. */
    void objectValue(Object value) {
        if (value == null) {
            nullValue();
        } else if (value instanceof String) {
            stringValue((CharSequence) value);
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

    /**
     * A value from the event's maps (context, {@code MapMessage}): as {@link #objectValue}, but a
     * value whose reading throws (a hostile {@code CharSequence}) is written as a marker and costs
     * only itself, not its neighbours. Returns the failure, for the caller to report, or {@code null}.
     */
    Throwable memberValue(Object value) {
        int start = out.length();
        try {
            objectValue(value);
            return null;
        } catch (RuntimeException | LinkageError | StackOverflowError failure) { // NOPMD: user objects may throw anything
            out.truncate(start); // a scalar value: the comma state has not changed
            stringValue(SafeText.valueMarker(value, failure));
            return failure;
        }
    }

    // ---- truncation ----

    /** Escapes {@code text[0, length)} cut at {@code maxStringLength}, and the marker when it was cut. */
    private void escapeTruncated(CharSequence text, int length) {
        int limit = JsonCodec.cut(text, 0, length, settings.maxStringLength);
        codec.escape(text, 0, limit, out);
        if (limit < length) {
            raw(settings.truncationMarker);
        }
    }
}
