package dev.log4jpool.layout;

import java.lang.management.ManagementFactory;
import java.util.function.LongConsumer;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.impl.MutableLogEvent;
import org.apache.logging.log4j.util.SortedArrayStringMap;

/**
 * Bytes a layout allocates per event on this thread, measured exactly with
 * {@code ThreadMXBean.getThreadAllocatedBytes} after a warm-up long enough for C2 (DESIGN.md), the
 * timestamp moving every event.
 */
final class AllocationMeter {
    static final int WARM_UP = 200_000;
    static final int MEASURED = 200_000;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private AllocationMeter() {}

    /** A reusable event as Log4j's garbage-free path fills it. */
    static MutableLogEvent event() {
        MutableLogEvent event = new MutableLogEvent();
        event.setLevel(Level.ERROR);
        event.setLoggerName("dev.log4jpool.shop.OrderService");
        event.setLoggerFqcn("org.apache.logging.log4j.spi.AbstractLogger");
        event.setThreadName("http-nio-8080-exec-1");
        event.setContextData(new SortedArrayStringMap());
        return event;
    }

    /** Encodes {@code event} WARM_UP + MEASURED times, running {@code step} before each; bytes per measured event. */
    static long bytesPerEvent(Layout<?> layout, MutableLogEvent event, LongConsumer step) {
        return bytesPerEvent(layout, event, step, WARM_UP, MEASURED);
    }

    /**
     * As above with other counts: for events that take far longer than usual (a stack trace written
     * frame by frame, ~100 µs) and are checked against a bound rather than against 0, where fewer
     * events still give C2 its time and the test does not take a minute.
     */
    static long bytesPerEvent(Layout<?> layout, MutableLogEvent event, LongConsumer step, int warmUp, int measured) {
        DiscardingDestination destination = new DiscardingDestination(8192);
        for (int i = 0; i < warmUp; i++) {
            once(layout, event, step, i, destination);
        }
        long thread = Thread.currentThread().getId();
        long before = THREADS.getThreadAllocatedBytes(thread);
        for (int i = warmUp; i < warmUp + measured; i++) {
            once(layout, event, step, i, destination);
        }
        long allocated = THREADS.getThreadAllocatedBytes(thread) - before;
        if (destination.bytes == 0) {
            throw new AssertionError("nothing was written");
        }
        return allocated / measured;
    }

    static long bytesPerEvent(Layout<?> layout, MutableLogEvent event) {
        return bytesPerEvent(layout, event, i -> { });
    }

    private static void once(Layout<?> layout, MutableLogEvent event, LongConsumer step, long i,
            DiscardingDestination destination) {
        event.setTimeMillis(Events.EPOCH_MILLIS + i * 7);
        step.accept(i);
        layout.encode(event, destination);
    }

    /** What {@code getStackTrace()} copies for {@code throwable} (a reference array, compressed oops). */
    static long stackTraceCopy(Throwable throwable) {
        return align8(16 + 4L * throwable.getStackTrace().length);
    }

    /** What {@code getSuppressed()} copies for {@code throwable} (nothing when it has none). */
    static long suppressedCopy(Throwable throwable) {
        int count = throwable.getSuppressed().length;
        return count == 0 ? 0 : align8(16 + 4L * count);
    }

    static long align8(long bytes) {
        return (bytes + 7) & ~7L;
    }
}
