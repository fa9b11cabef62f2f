package dev.log4jpool.layout;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import org.apache.logging.log4j.util.IndexedReadOnlyStringMap;
import org.apache.logging.log4j.util.ReadOnlyStringMap;
import org.apache.logging.log4j.util.StringBuilderFormattable;
import org.apache.logging.log4j.util.StringMap;

/**
 * Values of any type as JsonTemplateLayout writes them where a resolver hands it an arbitrary object
 * (an {@code mdc} or {@code map} value, an {@code ObjectMessage}'s parameter, a {@code MapMessage}'s
 * entries): Log4j's string maps and {@code java.util.Map}s as objects; lists, other collections and
 * arrays as arrays; numbers as JSON numbers ({@code float} in float's shortest form, {@code BigDecimal}
 * and {@code BigInteger} as their text, another {@code Number} as a long when that is exact, else as a
 * double; NaN and infinities as strings); booleans; a {@code StringBuilderFormattable} formatted;
 * anything else as its {@code toString()}. Every string is cut at {@code maxStringLength}.
 *
 * <p>Strings, boxed numbers, booleans, {@code RandomAccess} lists, Log4j's indexed maps and arrays are
 * written without allocating; other collections and {@code java.util.Map}s need an iterator or a
 * capturing lambda (as they do in JsonTemplateLayout). Keys of nested objects go through
 * {@link JsonWriter#dynamicName}, so a key repeated after cutting is renamed; a map's non-String key is
 * written as its text.
 */
final class TemplateValues {
    private TemplateValues() {}

    /** Writes {@code value} as JSON. May throw what the value's own methods throw (see {@link #writeContained}). */
    static void write(JsonWriter out, Object value, EventScratch scratch) {
        if (value == null) {
            out.nullValue();
        } else if (value instanceof String) {
            out.stringValue((String) value);
        } else if (value instanceof IndexedReadOnlyStringMap) {
            writeIndexed(out, (IndexedReadOnlyStringMap) value, scratch);
        } else if (value instanceof StringMap) {
            writeStringMap(out, (StringMap) value, scratch);
        } else if (value instanceof Map) {
            writeMap(out, (Map<?, ?>) value, scratch);
        } else if (value instanceof List && value instanceof RandomAccess) {
            List<?> list = (List<?>) value;
            out.open('[');
            for (int i = 0, size = list.size(); i < size; i++) {
                out.comma();
                write(out, list.get(i), scratch);
            }
            out.close(']');
        } else if (value instanceof Collection) {
            out.open('[');
            for (Object element : (Collection<?>) value) {
                out.comma();
                write(out, element, scratch);
            }
            out.close(']');
        } else if (value instanceof Number) {
            writeNumber(out, (Number) value);
        } else if (value instanceof Boolean) {
            out.booleanValue((Boolean) value);
        } else if (value instanceof StringBuilderFormattable) {
            StringBuilder text = scratch.messageText();
            ((StringBuilderFormattable) value).formatTo(text);
            out.stringValue(text);
        } else if (value.getClass().isArray()) {
            writeArray(out, value, scratch);
        } else if (value instanceof CharSequence) {
            out.stringValue((CharSequence) value); // read in place: its toString() would be the same chars
        } else {
            out.stringValue(String.valueOf(value));
        }
    }

    /**
     * {@link #write}, but a value whose methods throw (a hostile {@code toString()}, a list whose
     * {@code get} fails) is written as a marker string in its place and costs only itself. Returns the
     * failure, for the caller to report, or {@code null}.
     */
    static Throwable writeContained(JsonWriter out, Object value, EventScratch scratch, boolean stringified) {
        long checkpoint = out.checkpoint();
        try {
            if (stringified) {
                writeStringified(out, value, scratch);
            } else {
                write(out, value, scratch);
            }
            return null;
        } catch (RuntimeException | LinkageError | StackOverflowError failure) { // NOPMD: user objects may throw anything
            out.rollback(checkpoint);
            out.stringValue(SafeText.valueMarker(value, failure));
            return failure;
        }
    }

    /**
     * The value's text as a JSON string ({@code "stringified": true}): {@code String.valueOf(value)},
     * so {@code null} is {@code "null"}; numbers and booleans are written from their digits, without
     * the String that {@code String.valueOf} would make.
     */
    static void writeStringified(JsonWriter out, Object value, EventScratch scratch) {
        if (value == null) {
            out.stringValue("null");
        } else if (value instanceof CharSequence) {
            out.stringValue((CharSequence) value);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            StringBuilder text = scratch.messageText();
            text.append(((Number) value).longValue());
            out.stringValue(text);
        } else if (value instanceof Double) {
            StringBuilder text = scratch.messageText();
            text.append(((Double) value).doubleValue());
            out.stringValue(text);
        } else if (value instanceof Float) {
            StringBuilder text = scratch.messageText();
            text.append(((Float) value).floatValue());
            out.stringValue(text);
        } else if (value instanceof Boolean) {
            out.stringValue((Boolean) value ? "true" : "false");
        } else {
            out.stringValue(String.valueOf(value));
        }
    }

    private static void writeNumber(JsonWriter out, Number number) {
        if (number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte) {
            out.longValue(number.longValue());
        } else if (number instanceof Double) {
            out.doubleValue(number.doubleValue());
        } else if (number instanceof Float) {
            out.floatValue(number.floatValue());
        } else if (number instanceof BigDecimal || number instanceof BigInteger) {
            out.raw(number.toString());
        } else {
            // AtomicLong, LongAdder, a user's Number: integral when the long says all of it
            long longValue = number.longValue();
            double doubleValue = number.doubleValue();
            if (Double.compare(longValue, doubleValue) == 0) {
                out.longValue(longValue);
            } else {
                out.doubleValue(doubleValue);
            }
        }
    }

    private static void writeIndexed(JsonWriter out, IndexedReadOnlyStringMap map, EventScratch scratch) {
        out.openObject(ReservedKeys.NONE);
        for (int i = 0, size = map.size(); i < size; i++) {
            out.dynamicName(map.getKeyAt(i));
            write(out, map.getValueAt(i), scratch);
        }
        out.closeObject();
    }

    private static void writeStringMap(JsonWriter out, ReadOnlyStringMap map, EventScratch scratch) {
        out.openObject(ReservedKeys.NONE);
        map.forEach((key, value) -> {
            out.dynamicName(key);
            write(out, value, scratch);
        });
        out.closeObject();
    }

    private static void writeMap(JsonWriter out, Map<?, ?> map, EventScratch scratch) {
        out.openObject(ReservedKeys.NONE);
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            Object key = entry.getKey();
            out.dynamicName(key instanceof String ? (String) key : String.valueOf(key));
            write(out, entry.getValue(), scratch);
        }
        out.closeObject();
    }

    /** Primitive arrays element by element; a {@code char[]} as one-char strings, as JsonTemplateLayout does. */
    private static void writeArray(JsonWriter out, Object array, EventScratch scratch) {
        out.open('[');
        if (array instanceof char[]) {
            char[] chars = (char[]) array;
            for (int i = 0; i < chars.length; i++) {
                out.comma();
                out.stringValue(chars, i, 1);
            }
        } else if (array instanceof boolean[]) {
            for (boolean element : (boolean[]) array) {
                out.comma();
                out.booleanValue(element);
            }
        } else if (array instanceof byte[]) {
            for (byte element : (byte[]) array) {
                out.comma();
                out.longValue(element);
            }
        } else if (array instanceof short[]) {
            for (short element : (short[]) array) {
                out.comma();
                out.longValue(element);
            }
        } else if (array instanceof int[]) {
            for (int element : (int[]) array) {
                out.comma();
                out.longValue(element);
            }
        } else if (array instanceof long[]) {
            for (long element : (long[]) array) {
                out.comma();
                out.longValue(element);
            }
        } else if (array instanceof float[]) {
            for (float element : (float[]) array) {
                out.comma();
                out.floatValue(element);
            }
        } else if (array instanceof double[]) {
            for (double element : (double[]) array) {
                out.comma();
                out.doubleValue(element);
            }
        } else {
            for (Object element : (Object[]) array) {
                out.comma();
                write(out, element, scratch);
            }
        }
        out.close(']');
    }
}
