package dev.log4jpool.layout;

import org.apache.logging.log4j.core.LogEvent;

/**
 * The event's throwable: {@code {"type":…,"message":…,"stack_trace":…}}, plus
 * {@code root_cause_type} and {@code root_cause_message} (the end of the cause chain) when
 * configured. Written only when the event has a throwable. Whatever the throwable's methods do,
 * {@code type} is written, and a part that fails costs only that part: a {@code getMessage()} that
 * throws is written as a marker, the stack trace marks what failed in it (see
 * {@link StackTraceRenderer}), and a cyclic cause chain ends at the first repeat.
 */
final class ErrorField extends TemplateNode<LogEvent> {
    private final StackTraceFormat format;
    private final int maxLines;
    private final boolean rootCause;

    ErrorField(StackTraceFormat format, int maxLines, boolean rootCause) {
        this.format = format;
        this.maxLines = maxLines;
        this.rootCause = rootCause;
    }

    @Override
    public boolean isPresent(LogEvent event) {
        return event.getThrown() != null;
    }

    @Override
    PresenceGuard<LogEvent> presenceGuard() {
        return PresenceGuard.HAS_THROWABLE;
    }

    @Override
    public void write(LogEvent event, JsonWriter out, EventScratch scratch) {
        Throwable thrown = event.getThrown();
        out.open('{');
        out.plainName("type");
        out.stringValue(thrown.getClass().getName());
        out.plainName("message");
        out.stringValue(SafeText.message(thrown));
        if (format != StackTraceFormat.NONE) {
            long checkpoint = out.checkpoint();
            try {
                out.plainName("stack_trace");
                scratch.stackTraces.render(thrown, out, scratch.throwableTrail, format == StackTraceFormat.ARRAY, maxLines);
            } catch (RuntimeException | LinkageError | StackOverflowError failure) { // NOPMD: a bug or a hostile object
                out.rollback(checkpoint);
                out.plainName("stack_trace");
                out.stringValue("[stack trace failed: " + failure.getClass().getName() + "]");
                out.settings().failures.report(this, event, failure);
            }
        }
        if (rootCause) {
            Throwable root = rootCauseOf(thrown);
            out.plainName("root_cause_type");
            out.stringValue(root.getClass().getName());
            out.plainName("root_cause_message");
            out.stringValue(SafeText.message(root));
        }
        out.close('}');
    }

    /**
     * The last throwable of the cause chain, stopping before a cause already seen (a loop) or at a
     * {@code getCause()} that throws. Any length, in constant space: R. P. Brent's cycle detection
     * finds the loop's length {@code λ} and start {@code μ}; the root is then the throwable whose
     * cause is the first repeat, at index {@code μ + λ - 1}.
     */
    static Throwable rootCauseOf(Throwable thrown) {
        int steps = 0;
        int power = 1;
        int lambda = 1;
        Throwable tortoise = thrown;
        Throwable hare = causeOf(thrown);
        Throwable last = thrown;
        while (hare != null && hare != tortoise) {
            if (++steps > MAX_CHAIN) {
                return last; // a getCause() that makes a new throwable every time: no end to find
            }
            if (power == lambda) {
                tortoise = hare;
                power <<= 1;
                lambda = 0;
            }
            last = hare;
            hare = causeOf(hare);
            lambda++;
        }
        if (hare == null) {
            return last; // the chain ends: its last throwable is the root
        }
        // A loop of length lambda: find its first throwable, mu steps from the start.
        tortoise = thrown;
        hare = thrown;
        for (int i = 0; i < lambda; i++) {
            hare = causeOf(hare);
        }
        while (tortoise != hare) {
            tortoise = causeOf(tortoise);
            hare = causeOf(hare);
        }
        // tortoise is the first repeat; the root is the one before it in the loop.
        Throwable root = tortoise;
        for (int i = 1; i < lambda; i++) {
            root = causeOf(root);
        }
        return root;
    }

    /** Causes followed at most, against a hostile chain that never ends. */
    private static final int MAX_CHAIN = 1 << 16;

    /** {@code getCause()}, or {@code null} when it throws: a hostile throwable ends its chain. */
    private static Throwable causeOf(Throwable throwable) {
        try {
            return throwable.getCause();
        } catch (RuntimeException | LinkageError failure) { // NOPMD: see the Javadoc
            return null;
        }
    }
}
