package dev.log4jpool.layout;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.logging.log4j.util.IndexedReadOnlyStringMap;
import org.apache.logging.log4j.util.StringBuilderFormattable;
import org.apache.logging.log4j.util.StringMap;
import org.apache.logging.log4j.util.TriConsumer;

/**
 * Writes an arbitrary Java object as the JSON value JsonTemplateLayout gives it wherever a resolver
 * hands it one (its {@code JsonWriter.writeValue}): a {@code messageParameter}, an {@code mdc} or
 * {@code map} value, an {@code ObjectMessage}'s parameter, a {@code MapMessage}'s entries. JSON types
 * are kept: Log4j's string maps and {@code java.util.Map}s as objects; lists, other collections and
 * arrays (primitive ones included, a {@code char[]} as one-char strings) as arrays; numbers as numbers
 * (a {@code float} in a float's shortest form, {@code BigDecimal} and {@code BigInteger} exactly as
 * their text, another {@code Number} as a long when that is exact, else as a double; NaN and the
 * infinities as strings); booleans; a {@code StringBuilderFormattable} as the string it formats to; a
 * {@code CharSequence} as its chars; anything else as the string of its {@code toString()}. Also the
 * {@link #writeStringified} form ({@code "stringified": true}): the string of {@code String.valueOf(value)}.
 * Every string, keys included, is cut at {@code maxStringLength}.
 *
 * <p>Where we differ, we are stricter or keep going where JsonTemplateLayout throws: a map key that
 * repeats once cut at {@code maxStringLength} is renamed ({@link JsonWriter#dynamicName}); a key that
 * is not a String (JsonTemplateLayout fails with a {@code ClassCastException}) is written as its
 * {@code toString()}, a {@code null} key as {@code "null"}; nesting deeper than {@value #MAX_DEPTH}
 * (a collection that contains itself, where JsonTemplateLayout overflows the stack) is written as a
 * marker string; a {@code toString()} that throws gives a marker in its place (see {@link SafeText}).
 * Anything else a value's own methods throw (a {@code CharSequence} whose {@code charAt} fails, a list
 * whose {@code get} does) goes up from {@link #write}; {@link #writeContained} writes a marker in place
 * of the whole value instead and hands the failure back for the caller to report.
 *
 * <p><b>Allocation</b>: none for strings, {@code CharSequence}s (Log4j's {@code Unbox} buffers, read in
 * place), boxed numbers and booleans, floats and doubles, {@code StringBuilderFormattable}s whose
 * {@code formatTo} allocates nothing, Log4j's string maps, {@code RandomAccess} lists (read by index),
 * maps and collections whose {@code forEach} allocates nothing ({@code HashMap}'s, {@code LinkedHashMap}'s),
 * arrays. What allocates is the object's own: {@code toString()} of other objects (and so of every
 * value in the stringified form other than text, numbers and booleans), {@code BigInteger.toString()}
 * (a {@code BigDecimal} caches its text after the first call), the iterator of a collection that walks
 * itself with one ({@code HashSet}, {@code LinkedHashSet}: 32 B; a {@code LinkedList}, which is walked
 * rather than read by index, which would cost it a walk per element).
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

    /** The value, typed. May throw what the value's own methods throw (see {@link #writeContained}). */
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
        } else if (value instanceof List && value instanceof RandomAccess) {
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
        } else if (value instanceof CharSequence) {
            out.stringValue((CharSequence) value); // read in place: its toString() holds the same chars
        } else {
            out.stringValue(SafeText.toString(value));
        }
    }

    /** The string {@code String.valueOf(value)} gives, written without making it where the type allows. */
    void writeStringified(Object value) {
        if (value instanceof CharSequence) {
            out.stringValue((CharSequence) value); // its toString() is its chars
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

    /**
     * {@link #write} (or {@link #writeStringified}), but a value whose methods throw (a hostile
     * {@code CharSequence}, a list whose {@code get} fails) is written as a marker string in its place
     * and costs only itself: what was written of it is undone. Returns the failure, for the caller to
     * report, or {@code null}.
     */
    Throwable writeContained(Object value, boolean stringified) {
        long checkpoint = out.checkpoint();
        try {
            if (stringified) {
                writeStringified(value);
            } else {
                write(value);
            }
            return null;
        } catch (RuntimeException | LinkageError | StackOverflowError failure) { // NOPMD: user objects may throw anything
            out.rollback(checkpoint);
            out.stringValue(SafeText.valueMarker(value, failure));
            return failure;
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

    /** A {@code RandomAccess} list, by index, as JsonTemplateLayout reads every list. */
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
