package dev.log4jpool.layout;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.function.LongConsumer;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.impl.MutableLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.util.SortedArrayStringMap;

/**
 * Bytes allocated per {@code encode} of a template, measured as {@link GarbageFreeTest} measures
 * them (ThreadMXBean after a C2 warm-up), on a {@link MutableLogEvent} whose instant moves every
 * event: by 7 ms and 1,234 ns, so the second changes every ~140 events and the minute every ~8,500,
 * with nanoseconds that are never round.
 */
final class TemplateAllocation {
    static final int WARM_UP = 200_000;
    static final int MEASURED = 200_000;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private TemplateAllocation() {}

    static MutableLogEvent event() {
        MutableLogEvent event = new MutableLogEvent();
        event.setLevel(Level.INFO);
        event.setLoggerName("dev.log4jpool.shop.OrderService");
        event.setThreadName("http-nio-8080-exec-1");
        event.setContextData(new SortedArrayStringMap());
        event.setMessage(new SimpleMessage("order placed"));
        return event;
    }

    /** Bytes per event of {@code template} with moving timestamps. */
    static double bytesPerEvent(String template) {
        return bytesPerEvent(PooledJsonLayout.newBuilder().setConfiguration(TemplateParity.CONFIGURATION)
                .setEventTemplate(template).build(), event(), i -> {});
    }

    /** Runs {@code step(i)}, moves the instant and encodes, WARM_UP + MEASURED times; bytes per measured event. */
    static double bytesPerEvent(PooledJsonLayout layout, MutableLogEvent event, LongConsumer step) {
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
        return (double) allocated / MEASURED;
    }

    private static void once(PooledJsonLayout layout, MutableLogEvent event, DiscardingDestination destination,
            LongConsumer step, long i) {
        long nanos = i * 7_000_000L + i * 1_234L + 123_456_789L;
        Events.setTime(event, EventCorpus.EPOCH_SECOND + nanos / 1_000_000_000L, (int) (nanos % 1_000_000_000L));
        step.accept(i);
        layout.encode(event, destination);
    }
}
