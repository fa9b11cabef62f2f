package dev.log4jpool.layout;

import org.apache.logging.log4j.core.LogEvent;

/**
 * The event's throwable: {@code {"type":…,"message":…,"stack_trace":…}}, plus
 * {@code root_cause_type} and {@code root_cause_message} (the end of the cause chain) when
 * configured. Written only when the event has a throwable. A {@code getMessage()} that throws is
 * written as a marker; a cyclic cause chain ends at the first repeat.
 */
final class ErrorField implements FieldWriter {
    private final char[] name;
    private final StackTraceFormat format;
    private final int maxLines;
    private final boolean rootCause;

    ErrorField(char[] name, StackTraceFormat format, int maxLines, boolean rootCause) {
        this.name = name;
        this.format = format;
        this.maxLines = maxLines;
        this.rootCause = rootCause;
    }

    @Override
    public void write(LogEvent event, JsonWriter out) {
        Throwable thrown = event.getThrown();
        if (thrown == null) {
            return;
        }
        out.name(name);
        out.open('{');
        out.plainName("type");
        out.stringValue(thrown.getClass().getName());
        out.plainName("message");
        out.stringValue(SafeText.message(thrown));
        if (format != StackTraceFormat.NONE) {
            out.plainName("stack_trace");
            out.stackTraceRenderer.render(thrown, out, format == StackTraceFormat.ARRAY, maxLines);
        }
        if (rootCause) {
            Throwable root = rootCauseOf(thrown, out.throwableTrail);
            out.plainName("root_cause_type");
            out.stringValue(root.getClass().getName());
            out.plainName("root_cause_message");
            out.stringValue(SafeText.message(root));
        }
        out.close('}');
    }

    /** The last throwable of the cause chain, stopping before a cause already seen (a loop). */
    private static Throwable rootCauseOf(Throwable thrown, ThrowableTrail trail) {
        trail.clear();
        trail.add(thrown);
        Throwable root = thrown;
        for (Throwable cause = root.getCause(); cause != null && trail.add(cause); cause = cause.getCause()) {
            root = cause;
        }
        trail.clear();
        return root;
    }
}
