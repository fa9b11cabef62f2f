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
 * "amount":9.99,"express":true,"customer":"alice"}); other layouts see {@link #getFormattedMessage()},
 * {@code order placed orderId=42 amount=9.99 express=true customer=alice}.
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
 * value {@code [<class>.toString() threw <exception class>]}). A key given twice keeps its last
 * value; a {@code null} key is written as {@code "null"}.
 *
 * <p><b>Log4j's reusable-message protocol.</b> This is a {@link ReusableMessage}: when Log4j's
 * garbage-free events and the async loggers take the message over, they format its readable text
 * with {@link #formatTo} and take its {@link StructuredFields} through {@link #swapParameters}, so
 * the typed fields travel with the event to the appender thread while this instance continues with
 * another carrier (see {@link CarrierRecycler} for how carriers come back). A layout finds the
 * fields with {@link StructuredFields#of(Message, Object[])}. A carrier is refilled only after Log4j
 * has cleared the event that held it. An appender that copies an event to write it later (Log4j's
 * {@code AsyncAppender}) copies the reference to the carrier; if the carrier is refilled before that
 * appender writes, the layout notices (see {@link StructuredFields#isCurrentFor}) and writes the
 * event's readable text as its message instead of fields: typed fields may be lost there, never
 * mixed up. With async loggers or a synchronous appender, they always arrive.
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

    private final transient CarrierRecycler recycler = new CarrierRecycler();
    private transient StructuredFields current;
    /** What swapParameters hands to Log4j; at least 10 long, as Log4j's reusable messages expect. */
    private transient Object[] parameters = new Object[10];
    /** True while a value's toString()/formatTo runs, which may log in turn. */
    private transient boolean formattingValue;

    private StructuredMessage() {
        current = recycler.takeFree();
    }

    /**
     * The calling thread's message, reset to {@code message} with no fields.
     *
     * @param message the text of the message; {@code null} is allowed and written as JSON null
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
        if (current.holder != null) {
            current = recycler.takeFree();
        }
        current.reset(message);
    }

    /** Adds a {@code long} field (a JSON number). */
    public StructuredMessage with(String key, long value) {
        writable().putLong(key, value);
        return this;
    }

    /** Adds an {@code int} field (a JSON number). */
    public StructuredMessage with(String key, int value) {
        writable().putLong(key, value);
        return this;
    }

    /** Adds a {@code double} field (a JSON number; NaN and infinities as the strings Java prints). */
    public StructuredMessage with(String key, double value) {
        writable().putDouble(key, value);
        return this;
    }

    /** Adds a {@code boolean} field. */
    public StructuredMessage with(String key, boolean value) {
        writable().putBoolean(key, value);
        return this;
    }

    /** Adds a text field; a {@code String} is kept by reference, other text is copied now. */
    public StructuredMessage with(String key, CharSequence value) {
        StructuredFields fields = writable();
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
        StructuredFields fields = writable();
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
            formatValue(fields, key, value);
        }
        return this;
    }

    private void formatValue(StructuredFields fields, String key, Object value) {
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

    /**
     * The carrier to write into: the current one, unless Log4j already took it (the message is being
     * added to after it was logged), in which case its fields continue on a free carrier.
     */
    private StructuredFields writable() {
        StructuredFields fields = current;
        if (fields.holder != null) {
            StructuredFields next = recycler.takeFree();
            next.copyFrom(fields);
            current = next;
            return next;
        }
        return fields;
    }

    /** The fields as they are now; layouts read them through {@link StructuredFields#of}. */
    public StructuredFields fields() {
        return current;
    }

    /** The readable text: the message followed by {@code key=value} pairs. Allocates. */
    @Override
    public String getFormattedMessage() {
        return current.toString();
    }

    /** {@link #FORMAT}, always: Log4j's events copy it, which is how a layout recognises them. */
    @Override
    @SuppressWarnings("deprecation") // still the contract of ReusableMessage in Log4j 2.25
    public String getFormat() {
        return FORMAT;
    }

    /** The {@link StructuredFields}, as the only parameter. */
    @Override
    public Object[] getParameters() {
        return new Object[] {current};
    }

    @Override
    public Throwable getThrowable() {
        return null;
    }

    /** Appends the readable text (see {@link #getFormattedMessage()}) without allocating. */
    @Override
    public void formatTo(StringBuilder buffer) {
        current.formatTo(buffer);
    }

    /**
     * Hands the current {@link StructuredFields} to the caller (a Log4j event) as element 0 of the
     * returned array and keeps {@code emptyReplacement} for later use; the next {@link #of} continues
     * on a free carrier.
     */
    @Override
    public Object[] swapParameters(Object[] emptyReplacement) {
        Object[] handedOver = parameters;
        handedOver[0] = current;
        current.holder = handedOver;
        parameters = emptyReplacement != null && emptyReplacement.length >= 10 ? emptyReplacement : new Object[10];
        return handedOver;
    }

    /** One: the {@link StructuredFields}. */
    @Override
    public short getParameterCount() {
        return 1;
    }

    /** An independent copy of the current text and fields (allocates), for events that outlive the call. */
    @Override
    public Message memento() {
        StructuredMessage copy = new StructuredMessage();
        copy.current.copyFrom(current);
        return copy;
    }

    @Override
    public String toString() {
        return "StructuredMessage[" + current + "]";
    }

    /** Serialized as its readable text: the carriers are per-thread machinery, not data to ship. */
    private Object writeReplace() {
        return new org.apache.logging.log4j.message.SimpleMessage(getFormattedMessage());
    }
}
