package dev.log4jpool.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.log4jpool.message.StructuredMessage;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.async.AsyncLogger;
import org.apache.logging.log4j.core.async.AsyncLoggerContext;
import org.apache.logging.log4j.core.jmx.RingBufferAdmin;
import org.junit.jupiter.api.Test;

/**
 * Typed events under all-async loggers with the ring saturated: zero bytes allocated per event,
 * summed over every thread of the JVM (the producer and Log4j's async logger thread, which runs
 * PooledJsonLayout), and every event arrives with its own fields, typed.
 *
 * <p>Run in a surefire execution of its own (see the pom): {@code AsyncLoggerContextSelector}, a
 * ring of 128 slots ({@code log4j2.asyncLoggerRingBufferSize}, Log4j's minimum) and Log4j's
 * {@code SystemMillisClock} (its default clock may make an {@code Instant} per event in Log4j's own
 * front end). The consumer is slowed down on purpose so the one producer waits on a full ring most
 * of the time: the situation in which the former per-event carriers ran out and were allocated.
 */
class AsyncLoggerGarbageFreeIT {
    private static final int WARM_UP = 300_000;
    private static final int MEASURED = 200_000;

    @Test
    void zeroBytesPerTypedEventWithTheRingFullAndEveryEventWithItsOwnFields() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        assertTrue(context instanceof AsyncLoggerContext, "selector: " + context.getClass());
        Logger logger = LogManager.getLogger("shop.Orders");
        assertTrue(logger instanceof AsyncLogger, "logger: " + logger.getClass());
        assertTrue(org.apache.logging.log4j.core.util.ClockFactory.getClock()
                instanceof org.apache.logging.log4j.core.util.SystemMillisClock);
        RingBufferAdmin ring = ((AsyncLoggerContext) context).createRingBufferAdmin();
        assertEquals(128, ring.getBufferSize(), "log4j2.asyncLoggerRingBufferSize from the pom");
        TypedEventCheckAppender check = TypedEventCheckAppender.named("check");
        check.watch(ring::getRemainingCapacity, 1_000);

        log(logger, 0, WARM_UP);
        waitFor(check, WARM_UP);

        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] ids = threads.getAllThreadIds();
        long fullBefore = check.sawFullRing();
        long[] before = threads.getThreadAllocatedBytes(ids);
        log(logger, WARM_UP, WARM_UP + MEASURED);
        waitFor(check, WARM_UP + MEASURED);
        long[] after = threads.getThreadAllocatedBytes(ids);
        long allocated = sum(after) - sum(before);
        long full = check.sawFullRing() - fullBefore;

        assertNull(check.firstWrong(), "an event without its own typed fields");
        assertEquals(0, check.wrong());
        assertEquals(WARM_UP + MEASURED, check.checked());
        assertTrue(full > MEASURED / 10, "the ring was full for only " + full + " of " + MEASURED + " events");
        double perEvent = (double) allocated / MEASURED;
        // Below one byte per event: the snapshot arrays themselves may show, an object per event may not.
        assertTrue(perEvent < 1.0, allocated + " bytes for " + MEASURED + " events = " + perEvent + " B/event; by thread: "
                + byThread(threads, ids, before, after));
        System.out.printf("AsyncLoggerGarbageFreeIT: %d bytes for %d typed events (%.4f B/event), ring full at %d of them%n",
                allocated, MEASURED, perEvent, full);

        // Types, checked by a JSON parser on the first lines.
        List<String> lines = check.keptLines();
        assertEquals(TypedEventCheckAppender.KEPT_LINES, lines.size());
        for (int seq = 0; seq < lines.size(); seq++) {
            String line = lines.get(seq);
            JsonNode json = Json.parse(line);
            assertEquals("order placed", json.get("message").textValue(), line);
            assertTrue(json.get("orderId").isIntegralNumber(), line);
            assertEquals(seq, json.get("orderId").longValue(), line);
            assertTrue(json.get("amount").isFloatingPointNumber(), line);
            assertEquals(seq / 2.0, json.get("amount").doubleValue(), line);
            assertTrue(json.get("express").isBoolean(), line);
            assertEquals(seq % 2 == 0, json.get("express").booleanValue(), line);
            assertEquals("al\"ice", json.get("customer").textValue(), line);
            assertTrue(json.get("items").isIntegralNumber(), line);
            assertEquals(seq & 15, json.get("items").intValue(), line);
        }
        LogManager.shutdown();
    }

    private static void log(Logger logger, int from, int to) {
        for (int seq = from; seq < to; seq++) {
            logger.info(StructuredMessage.of("order placed").with("orderId", (long) seq).with("amount", seq / 2.0)
                    .with("express", (seq & 1) == 0).with("customer", "al\"ice").with("items", seq & 15));
        }
    }

    /** Waits (allocation-free) until the appender has checked {@code events} events. */
    private static void waitFor(TypedEventCheckAppender check, long events) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
        while (check.checked() < events) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + check.checked() + " of " + events + " events arrived");
            }
            LockSupport.parkNanos(100_000);
        }
    }

    private static String byThread(java.lang.management.ThreadMXBean threads, long[] ids, long[] before, long[] after) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < ids.length; i++) {
            if (after[i] - before[i] > 0) {
                java.lang.management.ThreadInfo info = threads.getThreadInfo(ids[i]);
                text.append(info == null ? "ended thread" : info.getThreadName()).append('=').append(after[i] - before[i]).append(' ');
            }
        }
        return text.toString();
    }

    private static long sum(long[] values) {
        long sum = 0;
        for (long value : values) {
            if (value > 0) {
                sum += value;
            }
        }
        return sum;
    }
}
