package dev.log4jpool.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.log4jpool.message.StructuredMessage;
import java.lang.management.ManagementFactory;
import java.util.function.LongConsumer;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.impl.MutableLogEvent;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.ReusableMessageFactory;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.message.StringMapMessage;
import org.apache.logging.log4j.util.SortedArrayStringMap;
import org.apache.logging.log4j.util.StringMap;
import org.apache.logging.log4j.util.Unbox;
import org.junit.jupiter.api.Test;

/**
 * Allocation of {@code encode}, measured exactly with {@code ThreadMXBean.getThreadAllocatedBytes}
 * after a warm-up long enough for C2, with the timestamp moving every event (by 7 ms and some nanos,
 * so that the second changes every ~140 events and the per-second cache is refilled often).
 */
class GarbageFreeTest {
    private static final int WARM_UP = 200_000;
    private static final int MEASURED = 200_000;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private final PooledJsonLayout layout = PooledJsonLayout.newBuilder().build();
    private final DiscardingDestination destination = new DiscardingDestination(8192);
    private final MutableLogEvent event = baseEvent();

    private static MutableLogEvent baseEvent() {
        MutableLogEvent event = new MutableLogEvent();
        event.setLevel(Level.INFO);
        event.setLoggerName("dev.log4jpool.shop.OrderService");
        event.setThreadName("http-nio-8080-exec-1");
        event.setContextData(new SortedArrayStringMap());
        return event;
    }

    /** Runs {@code step} then encodes, WARM_UP + MEASURED times; returns bytes per measured event. */
    private long bytesPerEvent(LongConsumer step) {
        return bytesPerEvent(step, layout);
    }

    private long bytesPerEvent(LongConsumer step, PooledJsonLayout layout) {
        for (int i = 0; i < WARM_UP; i++) {
            once(step, i, layout);
        }
        long thread = Thread.currentThread().getId();
        long before = THREADS.getThreadAllocatedBytes(thread);
        for (int i = WARM_UP; i < WARM_UP + MEASURED; i++) {
            once(step, i, layout);
        }
        long allocated = THREADS.getThreadAllocatedBytes(thread) - before;
        assertTrue(destination.bytes > 0);
        return allocated / MEASURED;
    }

    private void once(LongConsumer step, long i, PooledJsonLayout layout) {
        event.setTimeMillis(Events.EPOCH_MILLIS + i * 7);
        step.accept(i);
        layout.encode(event, destination);
    }

    private void assertGarbageFree(String what, LongConsumer step) {
        long perEvent = bytesPerEvent(step);
        assertEquals(0, perEvent, what + ": bytes allocated per event");
    }

    @Test
    void constantMessage() {
        event.setMessage(new SimpleMessage("order placed"));
        assertGarbageFree("constant message", i -> {});
    }

    @Test
    void parameterizedMessageWithTwoUnboxedPrimitives() {
        ReusableMessageFactory factory = new ReusableMessageFactory();
        assertGarbageFree("parameterized message", i -> {
            // As Log4j's garbage-free logger does it: a reusable message, taken over by the event.
            Message message = factory.newMessage("order {} costs {}", Unbox.box(i), Unbox.box(i * 0.25));
            event.setMessage(message);
            ReusableMessageFactory.release(message);
        });
    }

    @Test
    void fiveContextEntries() {
        StringMap context = new SortedArrayStringMap();
        context.putValue("requestId", "5f1c2a9e-7d3b-4b8e-9a6f-2c1d0e8b7a64");
        context.putValue("user", "alice");
        context.putValue("tenant", "acme");
        context.putValue("route", "/orders/{id}");
        context.putValue("span", "a1b2c3d4");
        context.freeze();
        event.setContextData(context);
        event.setMessage(new SimpleMessage("order placed"));
        assertGarbageFree("5 context entries", i -> {});
    }

    @Test
    void moreContextKeysThanTheNameCacheHoldsEvictEachOtherWithoutAllocating() {
        StringMap context = new SortedArrayStringMap();
        for (int k = 0; k < NameCache.SLOTS * 3; k++) {
            context.putValue("key-" + k, "v");
        }
        context.freeze();
        event.setContextData(context);
        event.setMessage(new SimpleMessage("order placed"));
        assertGarbageFree(NameCache.SLOTS * 3 + " context entries", i -> {});
    }

    @Test
    void fiveTypedFields() {
        assertGarbageFree("5 typed fields", i -> event.setMessage(StructuredMessage.of("order placed")
                .with("orderId", i).with("amount", i * 0.01).with("express", (i & 1) == 0)
                .with("customer", "alice").with("items", (int) (i % 10))));
    }

    @Test
    void typedFieldsThatNeedEscapingTruncationAndAsciiMode() {
        // Every spliced string is unescaped and escaped again with the layout's settings: still nothing allocated.
        PooledJsonLayout ascii = PooledJsonLayout.newBuilder().setCharset("US-ASCII").setMaxStringLength(12).build();
        StringBuilder text = new StringBuilder("mutable \"text\" \u00e9\n");
        long perEvent = bytesPerEvent(i -> event.setMessage(StructuredMessage.of("order \"placed\" \u00e9 }")
                .with("id", i).with("quote\"key\u00e9", "al\"ice\\\t\u00e9\uD83D\uDE00 and a long tail")
                .with("text", text).with("nan", Double.NaN).with("ok", (i & 1) == 0)), ascii);
        assertEquals(0, perEvent, "typed fields with escapes, ASCII mode, truncation: bytes allocated per event");
    }

    @Test
    void stringMapMessageWithFiveEntries() {
        event.setMessage(new StringMapMessage().with("orderId", "42").with("customer", "alice")
                .with("currency", "EUR").with("amount", "9.99").with("channel", "web"));
        assertGarbageFree("StringMapMessage", i -> {});
    }

    @Test
    void aThrowableAllocatesOnlyTheArrayCopiesOfItsChain() {
        Throwable thrown = ErrorFieldTest.nested();
        event.setMessage(new SimpleMessage("failed"));
        event.setThrown(thrown);
        long bound = 0;
        for (Throwable t : new Throwable[] {thrown, thrown.getCause(), thrown.getSuppressed()[0], thrown.getSuppressed()[0].getCause()}) {
            bound += align8(16 + 4L * t.getStackTrace().length); // the array getStackTrace() copies
            if (t.getSuppressed().length > 0) {
                bound += align8(16 + 4L * t.getSuppressed().length); // and getSuppressed(), when not empty
            }
        }
        long perEvent = bytesPerEvent(i -> {});
        assertTrue(perEvent <= bound, "an event with a throwable allocated " + perEvent + " B, bound " + bound + " B");
    }

    private static long align8(long bytes) {
        return (bytes + 7) & ~7L;
    }
}
