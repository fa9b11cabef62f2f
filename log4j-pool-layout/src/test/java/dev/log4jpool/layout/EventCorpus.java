package dev.log4jpool.layout;

import dev.log4jpool.message.StructuredMessage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.MarkerManager;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.core.time.MutableInstant;
import org.apache.logging.log4j.message.MapMessage;
import org.apache.logging.log4j.message.ObjectMessage;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.message.StringMapMessage;
import org.apache.logging.log4j.spi.DefaultThreadContextStack;
import org.apache.logging.log4j.util.SortedArrayStringMap;

/**
 * The events every template is compared on against JsonTemplateLayout: each kind of message,
 * context, marker, throwable, location and the text edge cases. Fixed instants with nanoseconds, so
 * timestamps are comparable. Named, so that a mismatch says which event.
 */
final class EventCorpus {
    /** 2026-11-23T10:15:30.123456789Z */
    static final long EPOCH_SECOND = 1_795_428_930L;
    static final int NANOS = 123_456_789;

    private EventCorpus() {}

    static final class Named {
        final String name;
        final LogEvent event;

        Named(String name, LogEvent event) {
            this.name = name;
            this.event = event;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** The whole corpus. */
    static List<Named> all() {
        List<Named> events = new ArrayList<>();
        events.add(new Named("constant", base().setMessage(new SimpleMessage("order placed")).build()));
        events.add(new Named("parameterized", base().setMessage(
                new ParameterizedMessage("order {} of {} for {}", 42, 9.99, "alice")).build()));
        events.add(new Named("parameterized, null argument", base().setMessage(
                new ParameterizedMessage("user {} {}", null, true)).build()));
        events.add(new Named("object message", base().setMessage(new ObjectMessage(List.of(1, 2))).build()));
        events.add(new Named("null message text", base().setMessage(new SimpleMessage((String) null)).build()));
        events.add(new Named("mdc", base().setMessage(new SimpleMessage("with context"))
                .setContextData(context("requestId", "r-1", "user", "alice", "empty", "")).build()));
        events.add(new Named("mdc with odd keys", base().setMessage(new SimpleMessage("odd keys"))
                .setContextData(context("a.b", "dotted", "quote\"key", "v\"q", "trace_id", "0af7651916cd43dd8448eb211c80319c",
                        "span_id", "b7ad6b7169203331", "trace_flags", "01")).build()));
        events.add(new Named("ndc", base().setMessage(new SimpleMessage("with stack"))
                .setContextStack(stack("outer", "inner")).build()));
        events.add(new Named("map message", base().setMessage(map()).build()));
        events.add(new Named("string map message", base().setMessage(
                new StringMapMessage().with("k1", "v1").with("k2", "v2")).build()));
        events.add(new Named("structured", base().setMessage(StructuredMessage.of("order placed")
                .with("orderId", 42L).with("amount", 9.99).with("paid", true).with("sku", "A-1")).build()));
        events.add(new Named("marker", base().setMessage(new SimpleMessage("marked")).setMarker(marker()).build()));
        events.add(new Named("exception", base().setLevel(Level.ERROR).setMessage(new SimpleMessage("failed"))
                .setThrown(exception()).build()));
        events.add(new Named("exception without message", base().setLevel(Level.ERROR)
                .setMessage(new SimpleMessage("failed")).setThrown(new IllegalStateException()).build()));
        events.add(new Named("location", base().setMessage(new SimpleMessage("located"))
                .setSource(new StackTraceElement("shop.Orders", "place", "Orders.java", 42)).build()));
        events.add(new Named("unicode", base().setMessage(new SimpleMessage("naïve café — 日本 😀 tab\t nl\n quote\" bs\\ ctl\u0001"))
                .setContextData(context("ключ", "значение")).build()));
        events.add(new Named("long strings", base().setMessage(new SimpleMessage("x".repeat(300)))
                .setContextData(context("long", "y".repeat(300))).build()));
        events.add(new Named("end of batch", base().setMessage(new SimpleMessage("last of a batch")).setEndOfBatch(true).build()));
        for (Level level : new Level[] {Level.TRACE, Level.DEBUG, Level.WARN, Level.FATAL, Level.OFF, Level.ALL}) {
            events.add(new Named("level " + level, base().setLevel(level).setMessage(new SimpleMessage("level")).build()));
        }
        events.add(new Named("custom level", base().setLevel(Level.forName("NOTICE", 350))
                .setMessage(new SimpleMessage("custom")).build()));
        return events;
    }

    /** Events with everything at once, for allocation and benchmark-like checks. */
    static Log4jLogEvent.Builder base() {
        MutableInstant instant = new MutableInstant();
        instant.initFromEpochSecond(EPOCH_SECOND, NANOS);
        return Log4jLogEvent.newBuilder()
                .setLoggerName("shop.Orders")
                .setLoggerFqcn("org.apache.logging.log4j.spi.AbstractLogger")
                .setLevel(Level.INFO)
                .setThreadName("worker-1")
                .setThreadId(17)
                .setThreadPriority(5)
                .setInstant(instant)
                .setNanoTime(1234)
                .setContextData(new SortedArrayStringMap())
                .setContextStack(ThreadContext.EMPTY_STACK);
    }

    static SortedArrayStringMap context(String... keysAndValues) {
        SortedArrayStringMap data = new SortedArrayStringMap();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            data.putValue(keysAndValues[i], keysAndValues[i + 1]);
        }
        return data;
    }

    static ThreadContext.ContextStack stack(String... entries) {
        DefaultThreadContextStack stack = new DefaultThreadContextStack(true);
        for (String entry : entries) {
            stack.push(entry);
        }
        return stack.getImmutableStackOrNull();
    }

    static MapMessage<?, Object> map() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("orderId", 42);
        values.put("amount", 9.5);
        values.put("note", "quoted \"text\"");
        values.put("paid", Boolean.TRUE);
        MapMessage<?, Object> message = new MapMessage<>(values);
        return message;
    }

    static Marker marker() {
        Marker parent = MarkerManager.getMarker("AUDIT");
        Marker grandParent = MarkerManager.getMarker("SECURITY");
        parent.setParents(grandParent);
        Marker child = MarkerManager.getMarker("PAYMENT");
        child.setParents(parent);
        return child;
    }

    static Throwable exception() {
        IllegalStateException root = new IllegalStateException("disk full");
        java.io.IOException cause = new java.io.IOException("write failed", root);
        RuntimeException top = new RuntimeException("order not saved", cause);
        top.addSuppressed(new IllegalArgumentException("cleanup failed"));
        return top;
    }
}
