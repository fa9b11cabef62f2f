package dev.log4jpool.layout;

import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.util.ReadOnlyStringMap;
import org.apache.logging.log4j.util.TriConsumer;

/**
 * {@code {"$resolver": "otlpAttributes"}}: a log record's {@code attributes} as OTLP/JSON writes them,
 * an array of {@code {"key": "…", "value": {"stringValue" | "intValue" | "doubleValue" | "boolValue": …}}},
 * from, in this order (each part an option, {@code true} by default):
 * <ul>
 * <li>{@code "thread"}: {@code thread.name} and {@code thread.id} (semantic conventions' names).</li>
 * <li>{@code "code"}: where the event was logged, with the layout's {@code locationInfoEnabled}:
 *     {@code code.function.name} ({@code class.method}, the fully qualified form the conventions ask
 *     of Java), {@code code.file.path} (the file name the class file records) and
 *     {@code code.line.number}; each when known.</li>
 * <li>{@code "exception"}: {@code exception.type} (the class's binary name, as OpenTelemetry's Java
 *     SDK records it), {@code exception.message} (when there is one) and {@code exception.stacktrace}
 *     (the JDK's {@code printStackTrace} text; with {@code stackTraceEnabled} only).</li>
 * <li>{@code "structured"}: the typed fields of a {@link dev.log4jpool.message.StructuredMessage}, keeping
 *     their types: integers as {@code intValue}, other numbers as {@code doubleValue}, booleans as
 *     {@code boolValue}, text as {@code stringValue}, {@code null} as an empty value ({@code {}}).
 *     (A NaN or infinite double is carried by the message as a string, and is one here.)</li>
 * <li>{@code "mdc"}: the thread context, but for the entries of the layout's {@code traceIdKey},
 *     {@code spanIdKey} and {@code traceFlagsKey} that the log record has in its own fields
 *     ({@link TraceKeys}: an invalid id, which {@code traceContext} leaves out of {@code traceId},
 *     stays here as an attribute, so nothing is lost). Values keep their type
 *     as above (the context holds strings unless an injector puts other objects there); any other
 *     object is the string of its {@code toString()}.</li>
 * </ul>
 *
 * <p>Proto3 JSON writes a 64-bit integer as a string of its digits ({@code "intValue": "42"}):
 * that is the form {@code JsonFormat} prints and the Collector reads (both also take a bare number).
 * Keys are unique in the array, as OpenTelemetry requires of attributes: a key already written (a
 * context key {@code thread.name}, a structured field named as a context key) gets {@code _} prefixed
 * ({@link JsonWriter#claimedString}), as a repeated member name does elsewhere in this layout; the
 * parts come in the order above, so the conventions' own names keep theirs.
 *
 * <p>Allocation: none per event but what a throwable's {@code getStackTrace()} copies and what a
 * context object's {@code toString()} makes.
 */
final class OtlpAttributes extends TemplateNode<LogEvent> {
    private static final char[] KEY = "\"key\":".toCharArray();
    private static final char[] VALUE = "\"value\":".toCharArray();
    private static final char[] STRING_VALUE = "\"stringValue\":".toCharArray();
    private static final char[] INT_VALUE = "\"intValue\":".toCharArray();
    private static final char[] DOUBLE_VALUE = "\"doubleValue\":".toCharArray();
    private static final char[] BOOL_VALUE = "\"boolValue\":".toCharArray();
    private static final String LONG_MIN_DIGITS = "9223372036854775808";
    private static final String LONG_MAX_DIGITS = "9223372036854775807";

    private final boolean thread;
    private final boolean code;
    private final boolean exception;
    private final boolean stackTrace;
    private final boolean structured;
    private final boolean mdc;
    private final TraceKeys traceKeys;

    private OtlpAttributes(ResolverOptions options, TemplateContext context) {
        this.thread = options.bool("thread", true);
        this.code = options.bool("code", true) && context.locationInfoEnabled();
        this.exception = options.bool("exception", true);
        this.stackTrace = context.stackTraceEnabled();
        this.structured = options.bool("structured", true);
        this.mdc = options.bool("mdc", true);
        this.traceKeys = new TraceKeys(context);
    }

    static TemplateNode<LogEvent> create(ResolverOptions options, TemplateContext context) {
        return new OtlpAttributes(options, context);
    }

    @Override
    public void write(LogEvent event, JsonWriter out, EventScratch scratch) {
        out.openKeyedArray();
        if (thread) {
            key(out, "thread.name");
            out.open('{');
            out.name(STRING_VALUE);
            out.cachedStringValue(event.getThreadName(), scratch.threadNames);
            endValue(out);
            key(out, "thread.id");
            intValue(out, event.getThreadId());
        }
        if (code) {
            writeCode(event.getSource(), out);
        }
        if (exception && event.getThrown() != null) {
            writeException(event.getThrown(), out, scratch);
        }
        if (structured && StructuredResolver.hasFields(scratch)) {
            writeStructured(scratch.structured, out);
        }
        if (mdc) {
            ReadOnlyStringMap data = event.getContextData();
            if (data != null && !data.isEmpty()) {
                scratch.otlpContext.run(this, data, out, scratch);
            }
        }
        out.closeKeyedArray();
    }

    private static void writeCode(StackTraceElement source, JsonWriter out) {
        if (source == null) {
            return;
        }
        String className = source.getClassName();
        String methodName = source.getMethodName();
        if (className != null && methodName != null) {
            key(out, "code.function.name");
            out.open('{');
            out.name(STRING_VALUE);
            out.beginString();
            out.part(className);
            out.part('.');
            out.part(methodName);
            out.endString();
            endValue(out);
        }
        if (source.getFileName() != null) {
            key(out, "code.file.path");
            stringValue(out, source.getFileName());
        }
        if (source.getLineNumber() > 0) { // negative: unknown or a native method
            key(out, "code.line.number");
            intValue(out, source.getLineNumber());
        }
    }

    private void writeException(Throwable thrown, JsonWriter out, EventScratch scratch) {
        key(out, "exception.type");
        stringValue(out, thrown.getClass().getName());
        String message = SafeText.message(thrown);
        if (message != null) {
            key(out, "exception.message");
            stringValue(out, message);
        }
        if (stackTrace) {
            key(out, "exception.stacktrace");
            out.open('{');
            out.name(STRING_VALUE);
            scratch.stackTraces.renderJdk(thrown, out, scratch.throwableTrail);
            endValue(out);
        }
    }

    private static void writeStructured(StructuredText fields, JsonWriter out) {
        char[] chars = fields.chars();
        for (int i = 0, count = fields.memberCount(); i < count; i++) {
            key(out, fields.key(i));
            int start = fields.valueStart(i);
            int length = fields.valueLength(i);
            out.open('{');
            if (fields.isString(i)) {
                out.name(STRING_VALUE);
                out.stringValue(chars, start, length);
            } else {
                token(chars, start, length, out);
            }
            endValue(out);
        }
    }

    /** A number or literal as the message wrote it, under the member of its type; {@code null} writes none. */
    private static void token(char[] chars, int start, int length, JsonWriter out) {
        char first = chars[start];
        if (first == 't' || first == 'f') {
            out.name(BOOL_VALUE);
            out.raw(chars, start, length);
        } else if (first == 'n') {
            return; // null: an empty AnyValue
        } else if (isInt64(chars, start, length)) {
            out.name(INT_VALUE);
            out.buffer().append('"');
            out.raw(chars, start, length);
            out.buffer().append('"');
        } else {
            out.name(DOUBLE_VALUE);
            out.raw(chars, start, length);
        }
    }

    /** Whether the number token is an integer within a {@code long} (a message carries longs; this is a guard). */
    static boolean isInt64(char[] chars, int start, int length) {
        int digitsStart = chars[start] == '-' ? start + 1 : start;
        int digits = start + length - digitsStart;
        if (digits == 0) {
            return false;
        }
        for (int i = digitsStart; i < start + length; i++) {
            if (chars[i] < '0' || chars[i] > '9') {
                return false; // a fraction or an exponent
            }
        }
        if (digits < 19) {
            return true;
        }
        if (digits > 19) {
            return false;
        }
        String limit = digitsStart > start ? LONG_MIN_DIGITS : LONG_MAX_DIGITS;
        for (int i = 0; i < 19; i++) {
            char c = chars[digitsStart + i];
            if (c != limit.charAt(i)) {
                return c < limit.charAt(i);
            }
        }
        return true;
    }

    /** A context value, typed as the class comment says. Returns what its reading threw, or {@code null}. */
    static Throwable anyValue(Object value, JsonWriter out, EventScratch scratch) {
        out.open('{');
        Throwable failure = null;
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            out.name(INT_VALUE);
            OtlpResolvers.signedDigits(out, ((Number) value).longValue());
        } else if (value instanceof Double) {
            out.name(DOUBLE_VALUE);
            out.doubleValue((Double) value);
        } else if (value instanceof Float) {
            out.name(DOUBLE_VALUE);
            out.floatValue((Float) value);
        } else if (value instanceof Boolean) {
            out.name(BOOL_VALUE);
            out.booleanValue((Boolean) value);
        } else if (value != null) {
            out.name(STRING_VALUE);
            failure = scratch.typedValues.writeContained(value, true); // text as it is, else its toString()
        }
        endValue(out);
        return failure;
    }

    /** Opens an element and writes its key: {@code {"key":"k","value":}}. */
    private static void key(JsonWriter out, CharSequence key) {
        out.comma();
        out.open('{');
        out.name(KEY);
        out.claimedString(key);
        out.name(VALUE);
    }

    /** Closes the value object and the element. */
    private static void endValue(JsonWriter out) {
        out.close('}');
        out.close('}');
    }

    private static void stringValue(JsonWriter out, String value) {
        out.open('{');
        out.name(STRING_VALUE);
        out.stringValue(value);
        endValue(out);
    }

    private static void intValue(JsonWriter out, long value) {
        out.open('{');
        out.name(INT_VALUE);
        OtlpResolvers.signedDigits(out, value);
        endValue(out);
    }

    /**
     * The state of one walk over the thread context, handed to {@code ReadOnlyStringMap.forEach} with
     * a constant consumer, so that the walk allocates nothing. One per {@link EventScratch}.
     */
    static final class ContextLoop {
        private static final TriConsumer<String, Object, ContextLoop> ENTRY = new Entry();

        private OtlpAttributes owner;
        private JsonWriter out;
        private EventScratch scratch;

        void run(OtlpAttributes attributes, ReadOnlyStringMap data, JsonWriter writer, EventScratch eventScratch) {
            owner = attributes;
            out = writer;
            scratch = eventScratch;
            try {
                data.forEach(ENTRY, this);
            } finally {
                owner = null;
                out = null;
                scratch = null;
            }
        }

        private void entry(String key, Object value) {
            if (key == null || owner.traceKeys.isTraceField(key, value)) {
                return;
            }
            key(out, key);
            Throwable failure = anyValue(value, out, scratch);
            if (failure != null) {
                out.settings().failures.report("the value of " + key, scratch.event, failure);
            }
        }

        /** The consumer: the loop is its state, so it captures nothing. */
        private static final class Entry implements TriConsumer<String, Object, ContextLoop> {
            @Override
            public void accept(String key, Object value, ContextLoop loop) {
                loop.entry(key, value);
            }
        }
    }
}
