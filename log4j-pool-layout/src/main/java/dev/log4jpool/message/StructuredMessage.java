package dev.log4jpool.message;

import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.ReusableMessage;
import org.apache.logging.log4j.util.Constants;
import org.apache.logging.log4j.util.StringBuilderFormattable;

/**
 * A log message with typed fields, for structured logging without string formatting, boxing or
 * allocation:
 * <pre>{@code
 * logger.info(StructuredMessage.of("order placed")
 *         .with("orderId", 42L).with("amount", 9.99).with("express", true).with("customer", "alice"));
 * }</pre>
 * {@code PooledJsonLayout} writes the fields as JSON members of their own type ({@code "orderId":42,
 * "amount":9.99,"express":true,"customer":"alice"}); other layouts see the readable text,
 * {@code order placed {"orderId":42,"amount":9.99,"express":true,"customer":"alice"}}.
 *
 * <p><b>Reuse.</b> {@link #of(String)} returns the calling thread's instance, reset (when Log4j's
 * {@code log4j2.enableThreadlocals} is off, as in web applications, a new one). Build it and log it
 * in one statement: a second {@code of} on the same thread before the first message is logged
 * starts over on the same instance. {@code of} called while this thread's instance is formatting
 * a value (an object's {@code toString()} that logs in turn) gets a separate instance, so the outer
 * message is not disturbed.
 *
 * <p><b>Values.</b> {@code long}, {@code int}, {@code double} and {@code boolean} are stored in
 * primitive slots; a {@code String} by reference; any other {@code CharSequence} is copied at once
 * (so a {@code StringBuilder} may be reused right after the call); an {@code Object} is stored by
 * type when it is a boxed number or a boolean, else formatted at once ({@code formatTo} for a
 * {@link StringBuilderFormattable}, else {@code toString()}, whose exception is recorded as the
 * value {@code [<class>.toString() threw <exception class>]}). A key is taken as it will be written
 * (a lone surrogate becomes U+FFFD) and a key given twice keeps its last value, so the fields' JSON
 * object never repeats a key; a {@code null} key is written as {@code "null"}.
 *
 * <p><b>The readable text carries the fields.</b> {@link #formatTo} writes the message text, a
 * space, then the fields as one JSON object: {@code text {"key":value,…}} (only the object when the
 * text is {@code null}; {@code {}} when there are no fields, so the object is always there). Keys
 * and strings are escaped as {@code PooledJsonLayout} escapes them (RFC 8259; lone surrogates become
 * U+FFFD); numbers and booleans are JSON numbers and literals; NaN and infinities are strings.
 * Log4j's garbage-free events ({@code MutableLogEvent}, the async loggers' ring events) call
 * {@code formatTo} on the caller's thread into a text buffer of their own, and copy
 * {@link #getFormat()}; an appender that copies events ({@code AsyncAppender}) keeps that text. So
 * the fields travel as text, inside Log4j's own buffers, and nothing of this instance crosses a
 * thread: the instance is free for the next {@code of} as soon as Log4j has taken the text.
 * {@code PooledJsonLayout} recognises such an event by {@code getFormat() == }{@link #FORMAT} and
 * splices the object's members into its JSON object, typed. This message keeps no parameters
 * ({@link #getParameterCount()} is 0).
 *
 * <p>Not thread-safe; meant to be used by the thread that obtained it.
 */
public final class StructuredMessage implements ReusableMessage {
    private static final long serialVersionUID = 1L;

    /**
     * What {@link #getFormat()} returns: a private instance, so that a layout recognises an event
     * that took over a structured message by identity, with no string comparison.
     */
    @SuppressWarnings("StringOperationCanBeSimplified")
    public static final String FORMAT = new String("StructuredMessage");

    private static final ThreadLocal<StructuredMessage> PER_THREAD =
            Constants.ENABLE_THREADLOCALS ? ThreadLocal.withInitial(StructuredMessage::new) : null;

    private static final Object[] NO_PARAMETERS = {};

    private final transient StructuredFields fields = new StructuredFields();
    /** True while a value's toString()/formatTo runs, which may log in turn. */
    private transient boolean formattingValue;

    private StructuredMessage() {}

    /**
     * The calling thread's message, reset to {@code message} with no fields.
     *
     * @param message the text of the message; {@code null} is allowed, and {@code PooledJsonLayout}
     *     writes it as Log4j writes any null message, {@code "null"}
     */
    public static StructuredMessage of(String message) {
        StructuredMessage instance = PER_THREAD == null ? null : PER_THREAD.get();
        if (instance == null || instance.formattingValue) {
            instance = new StructuredMessage();
        }
        instance.start(message);
        return instance;
    }

    private void start(String message) {
        fields.reset(message);
    }

    /** Adds a {@code long} field (a JSON number). */
    public StructuredMessage with(String key, long value) {
        fields.putLong(key, value);
        return this;
    }

    /** Adds an {@code int} field (a JSON number). */
    public StructuredMessage with(String key, int value) {
        fields.putLong(key, value);
        return this;
    }

    /** Adds a {@code double} field (a JSON number; NaN and infinities as the strings Java prints). */
    public StructuredMessage with(String key, double value) {
        fields.putDouble(key, value);
        return this;
    }

    /** Adds a {@code boolean} field. */
    public StructuredMessage with(String key, boolean value) {
        fields.putBoolean(key, value);
        return this;
    }

    /** Adds a text field; a {@code String} is kept by reference, other text is copied now. */
    public StructuredMessage with(String key, CharSequence value) {
        if (value == null || value instanceof String) {
            fields.putString(key, (String) value);
        } else {
            fields.putText(key, value);
        }
        return this;
    }

    /**
     * Adds a field from an object: boxed integers, floating-point numbers and booleans keep their
     * type, text is text, anything else is formatted now (see the class comment).
     */
    public StructuredMessage with(String key, Object value) {
        if (value == null || value instanceof String) {
            fields.putString(key, (String) value);
        } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            fields.putLong(key, ((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            fields.putDouble(key, ((Number) value).doubleValue());
        } else if (value instanceof Boolean) {
            fields.putBoolean(key, (Boolean) value);
        } else if (value instanceof CharSequence) {
            fields.putText(key, (CharSequence) value);
        } else {
            formatValue(key, value);
        }
        return this;
    }

    private void formatValue(String key, Object value) {
        boolean outer = formattingValue;
        formattingValue = true;
        try {
            if (value instanceof StringBuilderFormattable) {
                fields.putFormattable(key, (StringBuilderFormattable) value);
            } else {
                fields.putString(key, String.valueOf(value));
            }
        } catch (Throwable failure) { // NOPMD: any failure of user code becomes a visible value
            fields.putString(key, "[" + value.getClass().getName() + ".toString() threw "
                    + failure.getClass().getName() + "]");
        } finally {
            formattingValue = outer;
        }
    }

    /** The readable text (see the class comment), as a new String. */
    @Override
    public String getFormattedMessage() {
        StringBuilder text = new StringBuilder(64);
        fields.formatTo(text);
        return text.toString();
    }

    /** {@link #FORMAT}, always: Log4j's events copy it, which is how a layout recognises them. */
    @Override
    @SuppressWarnings("deprecation") // still the contract of ReusableMessage in Log4j 2.25
    public String getFormat() {
        return FORMAT;
    }

    /** None: the fields travel in the readable text. An empty array. */
    @Override
    public Object[] getParameters() {
        return NO_PARAMETERS;
    }

    @Override
    public Throwable getThrowable() {
        return null;
    }

    /**
     * Appends the readable text, {@code text {"key":value,…}} (see the class comment), without
     * allocating: this is what Log4j's events copy, and all a layout needs to write the fields.
     */
    @Override
    public void formatTo(StringBuilder buffer) {
        fields.formatTo(buffer);
    }

    /**
     * Returns {@code emptyReplacement} as it is: this message has no parameters to hand over, and
     * keeps nothing of the caller's (as Log4j's {@code ReusableSimpleMessage}).
     */
    @Override
    public Object[] swapParameters(Object[] emptyReplacement) {
        return emptyReplacement;
    }

    /** Zero: the fields travel in the readable text, not as parameters. */
    @Override
    public short getParameterCount() {
        return 0;
    }

    /** An independent copy of the current text and fields (allocates), for events that outlive the call. */
    @Override
    public Message memento() {
        StructuredMessage copy = new StructuredMessage();
        copy.fields.copyFrom(fields);
        return copy;
    }

    @Override
    public String toString() {
        return "StructuredMessage[" + getFormattedMessage() + "]";
    }

    /**
     * Serialized as its readable text (a {@code SimpleMessage}): the fields are still in the text,
     * but a layout in another JVM cannot recognise it by {@link #FORMAT}'s identity and writes the
     * text as the message.
     */
    private Object writeReplace() {
        return new org.apache.logging.log4j.message.SimpleMessage(getFormattedMessage());
    }
}
