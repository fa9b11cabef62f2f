package dev.log4jpool.message;

/**
 * The type of one slot of {@link StructuredFields}: it tells a reader which accessor holds the value
 * and how a JSON writer renders it. Plain {@code int} constants rather than an enum, so that a
 * {@code switch} on them compiles to a table without a synthetic lookup array.
 */
public final class FieldKind {
    /** {@link StructuredFields#longValue(int)}; a JSON number. */
    public static final int LONG = 0;
    /** {@link StructuredFields#doubleValue(int)}; a JSON number, or a string for NaN and infinities. */
    public static final int DOUBLE = 1;
    /** {@link StructuredFields#booleanValue(int)}; {@code true} or {@code false}. */
    public static final int BOOLEAN = 2;
    /** {@link StructuredFields#stringValue(int)}: an immutable {@code String} kept by reference. */
    public static final int STRING = 3;
    /**
     * Text copied into the carrier when the field was set ({@link StructuredFields#textArray()}),
     * from a mutable {@code CharSequence} or the {@code toString()} of an object.
     */
    public static final int TEXT = 4;
    /** A {@code null} value; JSON {@code null}. */
    public static final int NULL = 5;

    private FieldKind() {}
}
