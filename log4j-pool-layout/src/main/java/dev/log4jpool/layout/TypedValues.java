package dev.log4jpool.layout;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.logging.log4j.util.IndexedReadOnlyStringMap;
import org.apache.logging.log4j.util.StringBuilderFormattable;
import org.apache.logging.log4j.util.StringMap;
import org.apache.logging.log4j.util.TriConsumer;

/**
 * Writes an arbitrary Java object as the JSON value JsonTemplateLayout gives it (its
 * {@code JsonWriter.writeValue}), keeping JSON types: maps as objects (Log4j's string maps too),
 * lists, collections and arrays (primitive ones included) as arrays, numbers as numbers (a float in
 * a float's shortest form, {@code BigDecimal} and {@code BigInteger} exactly), booleans,
 * {@code StringBuilderFormattable}s as the string they format to, anything else as the string of
 * its {@code toString()}. Also the {@link #writeStringified} form: the string of
 * {@code String.valueOf(value)}.
 *
 * <p>Where we differ, we are stricter or keep going where JsonTemplateLayout throws: a map key that
 * repeats once cut at {@code maxStringLength} is renamed ({@link KeyRegistry}); a key that is not a
 * String (JsonTemplateLayout fails with a {@code ClassCastException}) is written as its
 * {@code toString()}, a {@code null} key as {@code "null"}; nesting deeper than {@value #MAX_DEPTH}
 * (a collection that contains itself, where JsonTemplateLayout overflows the stack) is written as a
 * marker string; a {@code toString()} that throws gives a marker (see {@link SafeText}).
 *
 * <p><b>Allocation</b>: none for strings, {@code CharSequence}s (Log4j's {@code Unbox} buffers),
 * boxed numbers and booleans, floats and doubles, {@code StringBuilderFormattable}s whose
 * {@code formatTo} allocates nothing, Log4j's string maps, lists (read by index), maps and
 * collections whose {@code forEach} allocates nothing ({@code HashMap}'s), arrays. What allocates is
 * the object's own: {@code toString()} of other objects (and so of every value in the stringified
 * form other than strings, numbers and booleans), {@code BigInteger.toString()} (a
 * {@code BigDecimal} caches its text after the first call), the iterator of a collection that is
 * not a list and walks itself with one ({@code HashSet}, {@code LinkedHashSet}: 32 B).
 *
 * <p>One per {@link EventScratch}, bound to its writer; it is its own visitor for the maps and
 * collections it walks, so walking them allocates no lambda. Not thread-safe.
 */
final class TypedValues implements BiConsumer<Object, Object>, Consumer<Object> {
    /** Deeper than this, a value is written as a marker string instead of recursing further. */
    static final int MAX_DEPTH = 64;

    /** A string builder that grew past this many chars is replaced after the event. */
    private static final int MAX_RETAINED_TEXT = 16 * 1024;

    private final JsonWriter out;
    /** The text of a formattable, or of a number in the stringified form. */
    private StringBuilder text = new StringBuilder(64);
    private int depth;

    TypedValues(JsonWriter out) {
        this.out = out;
    }

    /** The value, typed. */
    void write(Object value) {
        if (value == null) {
            out.nullValue();
        } else if (depth >= MAX_DEPTH) {
            out.stringValue("[nested deeper than " + MAX_DEPTH + ": " + value.getClass().getName() + "]");
        } else if (value instanceof String) {
            out.stringValue((String) value); // the common case first; the same output as at the end
        } else if (value instanceof IndexedReadOnlyStringMap) {
            writeIndexed((IndexedReadOnlyStringMap) value);
        } else if (value instanceof StringMap) {
            openNested();
            try {
                ((StringMap) value).forEach(STRING_MAP_ENTRY, this);
            } finally {
                closeNested();
            }
        } else if (value instanceof Map) {
            openNested();
            try {
                ((Map<?, ?>) value).forEach(this);
            } finally {
                closeNested();
            }
        } else if (value instanceof List) {
            writeList((List<?>) value);
        } else if (value instanceof Collection) {
            out.open('[');
            depth++;
            try {
                ((Collection<?>) value).forEach(this);
            } finally {
                depth--;
            }
            out.close(']');
        } else if (value instanceof Number) {
            writeNumber((Number) value);
        } else if (value instanceof Boolean) {
            out.booleanValue((Boolean) value);
        } else if (value instanceof StringBuilderFormattable) {
            StringBuilder formatted = emptyText();
            ((StringBuilderFormattable) value).formatTo(formatted);
            out.stringValue(formatted);
        } else if (value.getClass().isArray()) {
            writeArray(value);
        } else {
            out.stringValue(SafeText.toString(value));
        }
    }

    /** The string {@code String.valueOf(value)} gives, written without making it where the type allows. */
    void writeStringified(Object value) {
        if (value instanceof String) {
            out.stringValue((String) value);
        } else if (value instanceof StringBuilder || value instanceof StringBuffer) {
            out.stringValue((CharSequence) value); // their toString() is their content
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            out.stringValue(emptyText().append(((Number) value).longValue()));
        } else if (value instanceof Double) {
            out.stringValue(emptyText().append(((Double) value).doubleValue())); // the text of Double.toString
        } else if (value instanceof Float) {
            out.stringValue(emptyText().append(((Float) value).floatValue()));
        } else if (value instanceof Boolean) {
            out.stringValue(((Boolean) value) ? "true" : "false");
        } else {
            out.stringValue(SafeText.toString(value)); // "null" for null, as String.valueOf
        }
    }

    /** Trims what one event made huge. */
    void end() {
        depth = 0;
        if (text.capacity() > MAX_RETAINED_TEXT) {
            text = new StringBuilder(64);
        }
    }

    // ---- numbers ----

    private void writeNumber(Number number) {
        if (number instanceof Long || number instanceof Integer || number instanceof Short || number instanceof Byte) {
            out.longValue(number.longValue());
        } else if (number instanceof Double) {
            out.doubleValue(number.doubleValue());
        } else if (number instanceof Float) {
            out.floatValue(number.floatValue());
        } else if (number instanceof BigDecimal || number instanceof BigInteger) {
            // exact, in the number's own text (a BigDecimal may use an exponent: 1E+3, valid JSON)
            out.raw(number.toString());
        } else {
            // another Number (AtomicLong, a user type): an integer when its long is exact, else its double
            long asLong = number.longValue();
            double asDouble = number.doubleValue();
            if (Double.compare(asLong, asDouble) == 0) {
                out.longValue(asLong);
            } else {
                out.doubleValue(asDouble);
            }
        }
    }

    // ---- objects ----

    private void openNested() {
        out.openObject(ReservedKeys.NONE);
        depth++;
    }

    private void closeNested() {
        depth--;
        out.closeObject();
    }

    private void writeIndexed(IndexedReadOnlyStringMap map) {
        openNested();
        try {
            int size = map.size();
            for (int i = 0; i < size; i++) {
                out.dynamicName(map.getKeyAt(i));
                write(map.getValueAt(i));
            }
        } finally {
            closeNested();
        }
    }

    /** A {@code Map} entry. */
    @Override
    public void accept(Object key, Object value) {
        out.dynamicName(key == null || key instanceof CharSequence ? (CharSequence) key : SafeText.toString(key));
        write(value);
    }

    /** A {@code StringMap} entry; the state is the instance itself, so the action needs no capture. */
    private static final TriConsumer<String, Object, TypedValues> STRING_MAP_ENTRY = new StringMapEntry();

    private static final class StringMapEntry implements TriConsumer<String, Object, TypedValues> {
        @Override
        public void accept(String key, Object value, TypedValues values) {
            values.accept(key, value);
        }
    }

    // ---- arrays ----

    private void writeList(List<?> list) {
        out.open('[');
        depth++;
        try {
            int size = list.size();
            for (int i = 0; i < size; i++) {
                out.comma();
                write(list.get(i));
            }
        } finally {
            depth--;
        }
        out.close(']');
    }

    /** A collection's element. */
    @Override
    public void accept(Object element) {
        out.comma();
        write(element);
    }

    private void writeArray(Object array) {
        out.open('[');
        if (array instanceof Object[]) {
            depth++;
            try {
                for (Object element : (Object[]) array) {
                    out.comma();
                    write(element);
                }
            } finally {
                depth--;
            }
        } else if (array instanceof char[]) {
            char[] chars = (char[]) array;
            for (int i = 0; i < chars.length; i++) {
                out.comma();
                out.stringValue(chars, i, 1); // each char a one-char string
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
        } else {
            for (double element : (double[]) array) {
                out.comma();
                out.doubleValue(element);
            }
        }
        out.close(']');
    }

    private StringBuilder emptyText() {
        text.setLength(0);
        return text;
    }
}
