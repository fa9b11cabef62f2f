package dev.log4jpool.message;

import java.util.Arrays;
import org.apache.logging.log4j.core.impl.MementoMessage;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.ParameterConsumer;
import org.apache.logging.log4j.message.ParameterVisitable;
import org.apache.logging.log4j.message.ReusableMessage;
import org.apache.logging.log4j.util.StringBuilderFormattable;

/**
 * The typed slots of one {@link StructuredMessage}: the message text and an ordered list of
 * {@code key → value} where a value is a {@code long}, a {@code double}, a {@code boolean}, a
 * {@code String}, copied text, or {@code null}. Numbers live in a {@code long[]} (doubles as their
 * raw bits), so nothing is boxed.
 *
 * <p>This is the object that crosses threads: when Log4j takes over a reusable message (its
 * garbage-free {@code MutableLogEvent} and the async loggers' ring events call
 * {@code swapParameters}), the message hands its current {@code StructuredFields} to the event as
 * its only parameter and continues with another one. A layout reads the fields from whichever
 * holds them; see {@link #of(Message, Object[])}.
 *
 * <p>Read-only for everyone but its {@link StructuredMessage}; not thread-safe, but safely handed
 * over by Log4j's publication of the event.
 */
public final class StructuredFields {
    private static final int INITIAL_SLOTS = 8;
    /** Text storage past this many chars is released when the carrier is reused. */
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
    /** Formats StringBuilderFormattable values; created on first use. */
    private StringBuilder formatScratch;

    /**
     * The array this carrier was last handed over in (see {@link StructuredMessage#swapParameters});
     * {@code null} while it has never left its message. Log4j clears that array when it is done with
     * the event, which is how the message knows it may reuse this carrier.
     */
    Object[] holder;

    StructuredFields() {}

    /**
     * The fields carried by a message as it reaches a layout, or {@code null} when it carries none:
     * a {@link StructuredMessage} itself, a Log4j event that took one over (a reusable event whose
     * format is {@link StructuredMessage#FORMAT} and whose first parameter is the carrier), or a
     * memento of either. Allocation-free.
     *
     * @param scratch an array of length ≥ 1 the caller owns, used to receive the carrier from an
     *     event's parameters without allocating; its first element is overwritten
     */
    @SuppressWarnings("deprecation") // getFormat(): Log4j's events copy it from a reusable message, our only marker
    public static StructuredFields of(Message message, Object[] scratch) {
        if (message instanceof StructuredMessage) {
            return ((StructuredMessage) message).fields();
        }
        if (message instanceof MementoMessage) {
            Object[] parameters = message.getParameters(); // the memento's own array, not a copy
            return message.getFormat() == StructuredMessage.FORMAT && parameters != null && parameters.length > 0
                            && parameters[0] instanceof StructuredFields
                    ? (StructuredFields) parameters[0]
                    : null;
        }
        // MutableLogEvent and RingBufferLogEvent: they are the message once they took over a reusable
        // one. Only they are asked for getFormat(): on an arbitrary message it may call toString().
        if (message instanceof ReusableMessage
                && message instanceof ParameterVisitable
                && message.getFormat() == StructuredMessage.FORMAT) {
            scratch[0] = null;
            ((ParameterVisitable) message).forEachParameter(FIRST_PARAMETER, scratch);
            Object found = scratch[0];
            scratch[0] = null;
            return found instanceof StructuredFields ? (StructuredFields) found : null;
        }
        return null;
    }

    /**
     * Whether these fields are still the ones {@code message} was logged with. Always for a
     * {@link StructuredMessage} and for a Log4j event that holds the carrier (the carrier is not
     * refilled before Log4j clears that event). Not necessarily for a memento: an appender that
     * copies an event to write it later (Log4j's {@code AsyncAppender}) copies the reference to the
     * carrier, which may be refilled once the original event is cleared. The memento does keep the
     * readable text as a String, though, so the carrier is current when it still formats to exactly
     * that text. A layout checks before and after writing the fields and falls back to the text
     * when either check fails. Allocation-free; {@code scratch} is overwritten.
     */
    public boolean isCurrentFor(Message message, StringBuilder scratch) {
        if (!(message instanceof MementoMessage)) {
            return true;
        }
        String snapshot = message.getFormattedMessage(); // the memento's own String
        scratch.setLength(0);
        try {
            formatTo(scratch);
        } catch (RuntimeException beingRefilled) { // read while its owner rewrites it: not current
            return false;
        }
        return snapshot != null && snapshot.contentEquals(scratch);
    }

    /** Stores the first parameter; a constant, so visiting allocates nothing. */
    private static final ParameterConsumer<Object[]> FIRST_PARAMETER = (parameter, index, target) -> {
        if (index == 0) {
            target[0] = parameter;
        }
    };

    /** The message text given to {@link StructuredMessage#of(String)}; may be {@code null}. */
    public String message() {
        return message;
    }

    /** How many fields. */
    public int size() {
        return size;
    }

    /** The key of field {@code index}; never {@code null} ({@code "null"} stands for a null key). */
    public String key(int index) {
        return keys[checked(index)];
    }

    /** One of the {@link FieldKind} constants. */
    public int kind(int index) {
        return kinds[checked(index)];
    }

    /** The value of a {@link FieldKind#LONG} field. */
    public long longValue(int index) {
        return numbers[checked(index)];
    }

    /** The value of a {@link FieldKind#DOUBLE} field. */
    public double doubleValue(int index) {
        return Double.longBitsToDouble(numbers[checked(index)]);
    }

    /** The value of a {@link FieldKind#BOOLEAN} field. */
    public boolean booleanValue(int index) {
        return numbers[checked(index)] != 0;
    }

    /** The value of a {@link FieldKind#STRING} field. */
    public String stringValue(int index) {
        return strings[checked(index)];
    }

    /** The storage of {@link FieldKind#TEXT} values; see {@link #textStart} and {@link #textLength}. */
    public char[] textArray() {
        return text;
    }

    /** Where the {@link FieldKind#TEXT} value of field {@code index} starts in {@link #textArray()}. */
    public int textStart(int index) {
        return (int) (numbers[checked(index)] >>> 32);
    }

    /** How many chars the {@link FieldKind#TEXT} value of field {@code index} has. */
    public int textLength(int index) {
        return (int) numbers[checked(index)];
    }

    /** Appends {@code key=value} pairs after the message, the readable form for text layouts. */
    public void formatTo(StringBuilder out) {
        if (message != null) {
            out.append(message);
        }
        for (int i = 0; i < size; i++) {
            if (out.length() > 0) {
                out.append(' ');
            }
            out.append(keys[i]).append('=');
            switch (kinds[i]) {
                case FieldKind.LONG:
                    out.append(numbers[i]);
                    break;
                case FieldKind.DOUBLE:
                    out.append(Double.longBitsToDouble(numbers[i]));
                    break;
                case FieldKind.BOOLEAN:
                    out.append(numbers[i] != 0);
                    break;
                case FieldKind.STRING:
                    out.append(strings[i]);
                    break;
                case FieldKind.TEXT:
                    out.append(text, textStart(i), textLength(i));
                    break;
                default:
                    out.append("null");
            }
        }
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
                    putDouble(key, source.doubleValue(i));
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
     * The slot for {@code key}: the existing one when the key was already set (the last value wins,
     * as in a map, so that one object never carries a key twice), else a new one at the end.
     */
    private int slotFor(String key, int kind) {
        String safeKey = key == null ? "null" : key;
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
