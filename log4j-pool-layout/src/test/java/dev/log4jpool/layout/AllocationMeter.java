package dev.log4jpool.layout;

import java.lang.management.ManagementFactory;
import java.util.function.LongConsumer;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.impl.MutableLogEvent;

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

    /** Encodes {@code event} WARM_UP + MEASURED times, running {@code step} before each; bytes per measured event. */
    static long bytesPerEvent(Layout<?> layout, MutableLogEvent event, LongConsumer step) {
        DiscardingDestination destination = new DiscardingDestination(8192);
        for (int i = 0; i < WARM_UP; i++) {
            once(layout, event, step, i, destination);
        }
        long thread = Thread.currentThread().getId();
        long before = THREADS.getThreadAllocatedBytes(thread);
        for (int i = WARM_UP; i < WARM_UP + MEASURED; i++) {
            once(layout, event, step, i, destination);
        }
        long allocated = THREADS.getThreadAllocatedBytes(thread) - before;
        if (destination.bytes == 0) {
            throw new AssertionError("nothing was written");
        }
        return allocated / MEASURED;
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
}
