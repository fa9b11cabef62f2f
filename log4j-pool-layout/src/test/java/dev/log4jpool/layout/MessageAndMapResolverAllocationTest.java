package dev.log4jpool.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.log4jpool.message.StructuredMessage;
import java.lang.management.ManagementFactory;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.impl.MutableLogEvent;
import org.apache.logging.log4j.message.MapMessage;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.ObjectMessage;
import org.apache.logging.log4j.message.ReusableMessageFactory;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.message.StringMapMessage;
import org.apache.logging.log4j.util.SortedArrayStringMap;
import org.apache.logging.log4j.util.Unbox;
import org.junit.jupiter.api.Test;

/**
 * Allocation of the {@code mdc}, {@code map}, {@code structured} and {@code message} resolvers through
 * {@code encode}, measured as {@link GarbageFreeTest} measures (thread-allocated bytes over 200,000
 * events after 200,000 of warm-up, the event's time moving every event). Each template puts every
 * mode of a resolver side by side: one measurement covers them all, and each must be 0 B/event.
 */
class MessageAndMapResolverAllocationTest {
    private static final int WARM_UP = 200_000;
    private static final int MEASURED = 200_000;
    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    /** Every option of {@code mdc} / {@code map}: the whole map, stringified, one key, patterns, flattened, prefixed. */
    private static final String MAP_MODES = "{\"whole\":{\"$resolver\":\"R\"},"
            + "\"stringified\":{\"$resolver\":\"R\",\"stringified\":true},"
            + "\"one\":{\"$resolver\":\"R\",\"key\":\"user\"},"
            + "\"oneNumber\":{\"$resolver\":\"R\",\"key\":\"count\",\"stringified\":true},"
            + "\"missing\":{\"$resolver\":\"R\",\"key\":\"absent\"},"
            + "\"pattern\":{\"$resolver\":\"R\",\"pattern\":\"user|tenant\"},"
            + "\"replaced\":{\"$resolver\":\"R\",\"pattern\":\"(re)quest(Id)\",\"replacement\":\"$1$2\"},"
            + "\"flat\":{\"$resolver\":\"R\",\"flatten\":true},"
            + "\"prefixed\":{\"$resolver\":\"R\",\"flatten\":{\"prefix\":\"ctx.\"},\"stringified\":true},"
            + "\"prefixedPattern\":{\"$resolver\":\"R\",\"flatten\":{\"prefix\":\"p.\"},\"pattern\":\"(.*)I(d)\",\"replacement\":\"$1_i$2\"}}";

    private final DiscardingDestination destination = new DiscardingDestination(8192);
    private final MutableLogEvent event = new MutableLogEvent();

    MessageAndMapResolverAllocationTest() {
        event.setLevel(Level.INFO);
        event.setLoggerName("dev.log4jpool.shop.OrderService");
        event.setThreadName("http-nio-8080-exec-1");
        event.setContextData(new SortedArrayStringMap());
        event.setMessage(new SimpleMessage("order placed"));
    }

    /**
     * Log4j's mutable event keeps a non-reusable message until it is cleared: a reusable one set after
     * it would only fill the text behind it. As Log4j's {@code clear()} does, forget it first.
     */
    private void takeReusableMessages() {
        event.setMessage(null);
    }

    private static PooledJsonLayout layout(String template) {
        return PooledJsonLayout.newBuilder().setEventTemplate(template).build();
    }

    /** Runs {@code step} then encodes, WARM_UP + MEASURED times; returns bytes per measured event. */
    private long bytesPerEvent(PooledJsonLayout layout, LongConsumer step) {
        for (int i = 0; i < WARM_UP; i++) {
            once(layout, step, i);
        }
        long thread = Thread.currentThread().getId();
        long before = THREADS.getThreadAllocatedBytes(thread);
        for (int i = WARM_UP; i < WARM_UP + MEASURED; i++) {
            once(layout, step, i);
        }
        long allocated = THREADS.getThreadAllocatedBytes(thread) - before;
        assertTrue(destination.take() > 0);
        return allocated / MEASURED;
    }

    private void once(PooledJsonLayout layout, LongConsumer step, long i) {
        event.setTimeMillis(Events.EPOCH_MILLIS + i * 7);
        step.accept(i);
        layout.encode(event, destination);
    }

    /** Asserts 0 B/event; first, that one line (after {@code step(0)}) holds {@code expected}. */
    private void assertGarbageFree(String what, String template, String expected, LongConsumer step) {
        PooledJsonLayout layout = layout(template);
        step.accept(0);
        String line = LayoutTesting.encodeToText(layout, event);
        assertTrue(line.contains(expected) && !line.contains("log4jpool_error"), what + ": " + line);
        assertEquals(0, bytesPerEvent(layout, step), what + ": bytes allocated per event; a line: " + line);
    }

    @Test
    void mdcInEveryMode() {
        SortedArrayStringMap context = new SortedArrayStringMap();
        context.putValue("requestId", "5f1c2a9e-7d3b-4b8e-9a6f-2c1d0e8b7a64");
        context.putValue("user", "alice \"the admin\"");
        context.putValue("tenant", "acme");
        context.putValue("count", 42); // a custom context injector may put objects
        context.putValue("ratio", 0.25);
        context.putValue("flag", Boolean.TRUE);
        context.freeze();
        event.setContextData(context);
        assertGarbageFree("mdc, every mode", MAP_MODES.replace("\"R\"", "\"mdc\""),
                "\"replaced\":{\"reId\":\"5f1c2a9e-7d3b-4b8e-9a6f-2c1d0e8b7a64\"},\"count\":42,\"flag\":true,\"ratio\":0.25", i -> {});
    }

    @Test
    void mapInEveryModeOnAStringMapMessage() {
        event.setMessage(new StringMapMessage().with("requestId", "r-1").with("user", "alice").with("tenant", "acme")
                .with("count", "42").with("channel", "web"));
        assertGarbageFree("map on a StringMapMessage, every mode", MAP_MODES.replace("\"R\"", "\"map\""),
                "\"ctx.user\":\"alice\",\"p.request_id\":\"r-1\"}", i -> {});
    }

    @Test
    void mapInEveryModeOnATypedMapMessage() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("requestId", "r-1");
        values.put("user", "alice");
        values.put("count", 42);
        values.put("total", 1234567890123L);
        values.put("ratio", 0.25);
        values.put("weight", 1.5f);
        values.put("paid", true);
        values.put("tags", List.of("a", "b")); // a RandomAccess list: written by index
        event.setMessage(new MapMessage<>(values));
        // stringified would call the list's toString(): as in JsonTemplateLayout, that allocates, so not here
        String template = MAP_MODES.replace("\"R\"", "\"map\"").replace(",\"stringified\":true", "")
                .replace("\"oneNumber\":{\"$resolver\":\"map\",\"key\":\"count\"}", "\"oneNumber\":{\"$resolver\":\"map\",\"key\":\"count\",\"stringified\":true}");
        assertGarbageFree("map on a typed MapMessage, every mode", template, "\"ctx.tags\":[\"a\",\"b\"]", i -> {});
    }

    @Test
    void structuredInEveryMode() {
        takeReusableMessages();
        String template = "{\"message\":{\"$resolver\":\"message\"},\"fields\":{\"$resolver\":\"structured\"},"
                + "\"flat\":{\"$resolver\":\"structured\",\"flatten\":true},"
                + "\"prefixed\":{\"$resolver\":\"structured\",\"flatten\":{\"prefix\":\"labels.\"}}}";
        assertGarbageFree("structured, every mode", template,
                "\"fields\":{\"orderId\":0,\"amount\":0.0,\"express\":true,\"customer\":\"alice\",\"items\":0},\"orderId\":0,", i -> event.setMessage(StructuredMessage.of("order placed")
                .with("orderId", i).with("amount", i * 0.01).with("express", (i & 1) == 0)
                .with("customer", "alice").with("items", (int) (i % 10))));
    }

    @Test
    void stringifiedValuesThatAreNotTextNumbersOrBooleansAllocateTheirString() {
        // String.valueOf(value) is the option's meaning (JsonTemplateLayout's too): a list's toString() makes a String
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("tags", List.of("a", "b"));
        event.setMessage(new MapMessage<>(values));
        PooledJsonLayout layout = layout("{\"m\":{\"$resolver\":\"map\",\"stringified\":true}}");
        long perEvent = bytesPerEvent(layout, i -> {});
        assertTrue(perEvent > 0 && perEvent <= 160, "a list's toString(): " + perEvent + " B/event");
    }

    /** The message resolver's three forms side by side. */
    private static final String MESSAGE_MODES = "{\"json\":{\"$resolver\":\"message\"},"
            + "\"text\":{\"$resolver\":\"message\",\"stringified\":true},"
            + "\"fallback\":{\"$resolver\":\"message\",\"fallbackKey\":\"text\"}}";

    @Test
    void messageOfTextMessages() {
        assertGarbageFree("message, a simple message", MESSAGE_MODES, "\"fallback\":{\"text\":\"order placed\"}", i -> {});
        takeReusableMessages();
        ReusableMessageFactory factory = new ReusableMessageFactory();
        assertGarbageFree("message, a reusable parameterized message", MESSAGE_MODES,
                "\"fallback\":{\"text\":\"order 0 costs 0.0\"}", i -> {
            Message message = factory.newMessage("order {} costs {}", Unbox.box(i), Unbox.box(i * 0.25));
            event.setMessage(message);
            ReusableMessageFactory.release(message);
        });
        assertGarbageFree("message, a structured message", MESSAGE_MODES,
                "\"text\":\"order placed {\\\"orderId\\\":0}\",\"fallback\":{\"text\":\"order placed {\\\"orderId\\\":0}\"}",
                i -> event.setMessage(StructuredMessage.of("order placed").with("orderId", i)));
        assertGarbageFree("structured, its text without the fields", "{\"m\":{\"$resolver\":\"structured\",\"field\":\"message\"}}",
                "{\"m\":\"order placed\"}", i -> event.setMessage(StructuredMessage.of("order placed").with("orderId", i)));
    }

    @Test
    void messageOfMapAndObjectMessages() {
        event.setMessage(new StringMapMessage().with("orderId", "42").with("customer", "alice"));
        assertGarbageFree("message, a StringMapMessage", MESSAGE_MODES,
                "{\"json\":{\"customer\":\"alice\",\"orderId\":\"42\"}", i -> {});
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("orderId", 42);
        values.put("amount", 9.5);
        values.put("paid", true);
        event.setMessage(new MapMessage<>(values));
        assertGarbageFree("message, a typed MapMessage", "{\"json\":{\"$resolver\":\"message\"}}",
                "{\"amount\":9.5,\"orderId\":42,\"paid\":true}", i -> {});
        event.setMessage(new ObjectMessage(List.of(1, "two", 3.5)));
        assertGarbageFree("message, an ObjectMessage of a list", "{\"json\":{\"$resolver\":\"message\"}}",
                "[1,\"two\",3.5]", i -> {});
    }
}
