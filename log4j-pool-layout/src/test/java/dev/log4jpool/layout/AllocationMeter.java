package dev.log4jpool.layout;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.function.LongConsumer;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.impl.MutableLogEvent;
import org.apache.logging.log4j.util.SortedArrayStringMap;

/**
 * Bytes allocated per {@code encode} of a template layout, measured as {@link GarbageFreeTest} measures
 * them: {@code ThreadMXBean.getThreadAllocatedBytes} around 200,000 events after 200,000 of warm-up
 * (C2), the timestamp moving by 7 ms every event, into a {@link DiscardingDestination}.
 */
final class AllocationMeter {
    private static final int WARM_UP = 200_000;
    private static final int MEASURED = 200_000;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private AllocationMeter() {
    }

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

    /** Runs {@code step} then encodes, warm-up and measured; returns bytes per measured event. */
    static long bytesPerEvent(PooledJsonLayout layout, MutableLogEvent event, LongConsumer step) {
        DiscardingDestination destination = new DiscardingDestination(8192);
        for (int i = 0; i < WARM_UP; i++) {
            once(layout, event, destination, step, i);
        }
        long thread = Thread.currentThread().getId();
        long before = THREADS.getThreadAllocatedBytes(thread);
        for (int i = WARM_UP; i < WARM_UP + MEASURED; i++) {
            once(layout, event, destination, step, i);
        }
        long allocated = THREADS.getThreadAllocatedBytes(thread) - before;
        assertTrue(destination.take() > 0);
        return allocated / MEASURED;
    }

    private static void once(PooledJsonLayout layout, MutableLogEvent event, DiscardingDestination destination,
            LongConsumer step, long i) {
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
