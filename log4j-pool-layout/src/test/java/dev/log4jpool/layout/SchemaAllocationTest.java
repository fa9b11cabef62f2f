package dev.log4jpool.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.log4jpool.message.StructuredMessage;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.impl.MutableLogEvent;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.util.SortedArrayStringMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * 0 B/event for every bundled schema on events without an exception, the timestamp moving: plain,
 * parameterized and structured messages, with the trace context and other context entries, with all
 * the schema attributes set (and the ECS schema nested too).
 */
class SchemaAllocationTest {

    @ParameterizedTest
    @ValueSource(strings = {"ECS", "ECS nested", "GCP", "GELF", "LOGSTASH", "OTEL"})
    void nothingPerEvent(String schema) {
        boolean nested = schema.equals("ECS nested");
        PooledJsonLayout layout = SchemaCorpus.layout(nested ? "ECS" : schema, builder -> builder.setEcsNested(nested)
                .setLocationInfoEnabled(false));
        Message[] messages = {new SimpleMessage("order placed"), new ParameterizedMessage("order {} costs {}", 42L, 9.99),
            StructuredMessage.of("order placed").with("orderId", 42L).with("paid", true).with("sku", "A-1")
                .with("order total", 9.5).with("id", "o-1")};
        // One measurement per schema, the event taking every message, traced and not, in turn: a
        // variant that allocates shows as bytes per event (a sixth of its own) all the same.
        MutableLogEvent[] variants = new MutableLogEvent[messages.length * 2];
        for (int i = 0; i < variants.length; i++) {
            variants[i] = event(messages[i / 2], i % 2 == 0);
        }
        MutableLogEvent event = event(messages[0], true);
        long bytes = AllocationMeter.bytesPerEvent(layout, event, i -> {
            MutableLogEvent variant = variants[(int) (i % variants.length)];
            event.setMessage(variant.getMessage());
            event.setContextData((org.apache.logging.log4j.util.StringMap) variant.getContextData());
        });
        assertEquals(0, bytes, schema + ": bytes per event over plain, parameterized and structured messages, traced and not");
    }

    private static MutableLogEvent event(Message message, boolean traced) {
        MutableLogEvent event = new MutableLogEvent();
        event.setLevel(Level.WARN);
        event.setLoggerName("dev.log4jpool.shop.OrderService");
        event.setLoggerFqcn(SchemaAllocationTest.class.getName());
        event.setThreadName("http-nio-8080-exec-1");
        event.setContextStack(ThreadContext.EMPTY_STACK);
        SortedArrayStringMap context = new SortedArrayStringMap();
        context.putValue("requestId", "r-1");
        context.putValue("user name", "alice");
        context.putValue("id", "c-1");
        if (traced) {
            context.putValue("trace_id", SchemaCorpus.TRACE);
            context.putValue("span_id", SchemaCorpus.SPAN);
            context.putValue("trace_flags", "01");
        }
        event.setContextData(context);
        event.setMessage(message);
        return event;
    }
}
