package dev.log4jpool.message;

/**
 * The type of one slot of {@link StructuredFields}: which array holds the value and how it is
 * rendered. Plain {@code int} constants rather than an enum, so that a {@code switch} on them
 * compiles to a table without a synthetic lookup array.
 */
final class FieldKind {
    /** A JSON number. */
    static final int LONG = 0;
    /** A JSON number, or a string for NaN and infinities. */
    static final int DOUBLE = 1;
    /** {@code true} or {@code false}. */
    static final int BOOLEAN = 2;
    /** An immutable {@code String} kept by reference; a JSON string. */
    static final int STRING = 3;
    /** Text copied when the field was set (a mutable {@code CharSequence}, an object's text); a JSON string. */
    static final int TEXT = 4;
    /** A {@code null} value; JSON {@code null}. */
    static final int NULL = 5;

    private FieldKind() {}
}
