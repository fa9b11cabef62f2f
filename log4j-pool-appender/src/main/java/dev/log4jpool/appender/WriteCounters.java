package dev.log4jpool.appender;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * An appender's events and bytes written. Every write already holds the file manager's monitor, so
 * the counts are plain increments under it, published with opaque stores (a plain move on x86)
 * for readers that hold no lock: no atomic instruction is added to the write path.
 */
final class WriteCounters {
    private static final VarHandle EVENTS;
    private static final VarHandle BYTES;

    static {
        try {
            MethodHandles.Lookup lookup = MethodHandles.lookup();
            EVENTS = lookup.findVarHandle(WriteCounters.class, "events", long.class);
            BYTES = lookup.findVarHandle(WriteCounters.class, "bytes", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    private long events;
    private long bytes;

    /** Call with the file manager's monitor held: it is what makes writers take turns here. */
    void written(long eventBytes) {
        EVENTS.setOpaque(this, events + 1);
        BYTES.setOpaque(this, bytes + eventBytes);
    }

    long events() {
        return (long) EVENTS.getOpaque(this);
    }

    long bytes() {
        return (long) BYTES.getOpaque(this);
    }
}
