package dev.log4jpool.message;

import dev.log4jpool.internal.JsonCodec;
import java.nio.CharBuffer;
import java.util.Arrays;
import org.apache.logging.log4j.util.StringBuilderFormattable;

/**
 * The typed slots of one {@link StructuredMessage}: the message text and an ordered list of
 * {@code key → value} where a value is a {@code long}, a {@code double}, a {@code boolean}, a
 * {@code String}, copied text, or {@code null}. Numbers live in a {@code long[]} (doubles as their
 * raw bits), so nothing is boxed.
 *
 * <p>The slots never leave their message: what crosses threads with a Log4j event is the text
 * {@link #formatTo} renders into the event's own buffer, {@code message {"key":value,…}}. Not
 * thread-safe.
 */
final class StructuredFields {
    private static final int INITIAL_SLOTS = 8;
    /** Text storage past this many chars is released when the message is reset. */
    static final int MAX_RETAINED_TEXT = 4096;

    private String message;
    private int size;
    private String[] keys = new String[INITIAL_SLOTS];
    private byte[] kinds = new byte[INITIAL_SLOTS];
    /** LONG and BOOLEAN (0/1) values, DOUBLE as raw bits; TEXT as (start << 32 | length). */
    private long[] numbers = new long[INITIAL_SLOTS];
    private String[] strings = new String[INITIAL_SLOTS];
    private char[] text = new char[64];
    private int textLength;
    private CharBuffer textView;
    private char[] textViewArray;
    /** Formats StringBuilderFormattable values; created on first use. */
    private StringBuilder formatScratch;

    /** The message text given to {@link StructuredMessage#of(String)}; may be {@code null}. */
    String message() {
        return message;
    }

    /** How many fields. */
    int size() {
        return size;
    }

    /** The key of field {@code index}; never {@code null} ({@code "null"} stands for a null key). */
    String key(int index) {
        return keys[checked(index)];
    }

    /** One of the {@link FieldKind} constants. */
    int kind(int index) {
        return kinds[checked(index)];
    }

    /**
     * Appends the self-describing readable text: the message, a space and the fields as one JSON
     * object ({@code order placed {"orderId":42,"express":true}}); only the object when the message
     * is {@code null}; the object is always there, {@code {}} when there are no fields. Keys and
     * string values are escaped by {@link JsonCodec} (UTF-8 mode); finite doubles as Java prints them, NaN and
     * infinities as strings. Allocation-free.
     */
    void formatTo(StringBuilder out) {
        if (message != null) {
            out.append(message).append(' ');
        }
        out.append('{');
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                out.append(',');
            }
            JsonCodec.appendQuoted(out, keys[i]);
            out.append(':');
            switch (kinds[i]) {
                case FieldKind.LONG:
                    out.append(numbers[i]);
                    break;
                case FieldKind.DOUBLE:
                    appendDouble(out, Double.longBitsToDouble(numbers[i]));
                    break;
                case FieldKind.BOOLEAN:
                    out.append(numbers[i] != 0);
                    break;
                case FieldKind.STRING:
                    JsonCodec.appendQuoted(out, strings[i]);
                    break;
                case FieldKind.TEXT:
                    out.append('"');
                    JsonCodec.escape(textView(), textStart(i), textStart(i) + textLength(i), out, false);
                    out.append('"');
                    break;
                default:
                    out.append("null");
            }
        }
        out.append('}');
    }

    private static void appendDouble(StringBuilder out, double value) {
        if (Double.isNaN(value)) {
            out.append("\"NaN\"");
        } else if (Double.isInfinite(value)) {
            out.append(value > 0 ? "\"Infinity\"" : "\"-Infinity\"");
        } else {
            out.append(value);
        }
    }

    /** {@link #text} as a CharSequence for the codec; made again only when the array is replaced. */
    private CharBuffer textView() {
        if (textView == null || textViewArray != text) {
            textView = CharBuffer.wrap(text);
            textViewArray = text;
        }
        return textView;
    }

    private int textStart(int index) {
        return (int) (numbers[index] >>> 32);
    }

    private int textLength(int index) {
        return (int) numbers[index];
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        formatTo(out);
        return out.toString();
    }

    // ---- writing: only StructuredMessage calls these ----

    void reset(String newMessage) {
        Arrays.fill(strings, 0, size, null); // let go of the previous event's values
        Arrays.fill(keys, 0, size, null);
        message = newMessage;
        size = 0;
        textLength = 0;
        if (text.length > MAX_RETAINED_TEXT) {
            text = new char[64];
        }
        if (formatScratch != null && formatScratch.capacity() > MAX_RETAINED_TEXT) {
            formatScratch = null;
        }
    }

    void putLong(String key, long value) {
        int slot = slotFor(key, FieldKind.LONG); // before indexing: it may replace the arrays
        numbers[slot] = value;
    }

    void putDouble(String key, double value) {
        int slot = slotFor(key, FieldKind.DOUBLE);
        numbers[slot] = Double.doubleToRawLongBits(value);
    }

    void putBoolean(String key, boolean value) {
        int slot = slotFor(key, FieldKind.BOOLEAN);
        numbers[slot] = value ? 1 : 0;
    }

    void putString(String key, String value) {
        if (value == null) {
            slotFor(key, FieldKind.NULL);
        } else {
            int slot = slotFor(key, FieldKind.STRING);
            strings[slot] = value;
        }
    }

    /** Copies {@code value}: the caller may change a StringBuilder right after logging it. */
    void putText(String key, CharSequence value) {
        int slot = slotFor(key, FieldKind.TEXT);
        int length = value.length();
        int start = reserveText(length);
        if (value instanceof StringBuilder) {
            ((StringBuilder) value).getChars(0, length, text, start);
        } else {
            for (int i = 0; i < length; i++) {
                text[start + i] = value.charAt(i);
            }
        }
        numbers[slot] = ((long) start << 32) | length;
    }

    /** Formats a {@link StringBuilderFormattable} without the String its toString() would make. */
    void putFormattable(String key, StringBuilderFormattable value) {
        if (formatScratch == null) {
            formatScratch = new StringBuilder(64);
        }
        formatScratch.setLength(0);
        value.formatTo(formatScratch);
        putText(key, formatScratch);
    }

    /** Copies every field of {@code source}; used by mementos, which may allocate. */
    void copyFrom(StructuredFields source) {
        reset(source.message);
        for (int i = 0; i < source.size; i++) {
            String key = source.keys[i];
            switch (source.kinds[i]) {
                case FieldKind.LONG:
                    putLong(key, source.numbers[i]);
                    break;
                case FieldKind.DOUBLE:
                    putDouble(key, Double.longBitsToDouble(source.numbers[i]));
                    break;
                case FieldKind.BOOLEAN:
                    putBoolean(key, source.numbers[i] != 0);
                    break;
                case FieldKind.STRING:
                    putString(key, source.strings[i]);
                    break;
                case FieldKind.TEXT:
                    putText(key, java.nio.CharBuffer.wrap(source.text, source.textStart(i), source.textLength(i)));
                    break;
                default:
                    putString(key, null);
            }
        }
    }

    /**
     * The slot for {@code key}: the existing one when the key, as written (lone surrogates replaced),
     * was already set (the last value wins, as in a map, so that one object never carries a key
     * twice), else a new one at the end.
     */
    private int slotFor(String key, int kind) {
        String safeKey = key == null ? "null" : JsonCodec.withoutLoneSurrogates(key); // the key as written
        int slot = indexOf(safeKey);
        if (slot < 0) {
            if (size == keys.length) {
                grow();
            }
            slot = size++;
            keys[slot] = safeKey;
        }
        kinds[slot] = (byte) kind;
        strings[slot] = null;
        return slot;
    }

    private int indexOf(String key) {
        for (int i = 0; i < size; i++) {
            if (key.equals(keys[i])) {
                return i;
            }
        }
        return -1;
    }

    private void grow() {
        int capacity = keys.length * 2;
        keys = Arrays.copyOf(keys, capacity);
        kinds = Arrays.copyOf(kinds, capacity);
        numbers = Arrays.copyOf(numbers, capacity);
        strings = Arrays.copyOf(strings, capacity);
    }

    private int reserveText(int length) {
        int start = textLength;
        if (length > text.length - start) {
            text = Arrays.copyOf(text, Math.max(text.length * 2, start + length));
        }
        textLength = start + length;
        return start;
    }

    private int checked(int index) {
        if (index < 0 || index >= size) {
            throw new IndexOutOfBoundsException("field " + index + " of " + size);
        }
        return index;
    }
}
