package dev.log4jpool.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.log4jpool.message.StructuredMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.DefaultConfiguration;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.spi.MutableThreadContextStack;
import org.apache.logging.log4j.util.SortedArrayStringMap;

/**
 * The events every bundled schema is checked on (with and without trace context, an exception with a
 * cause, a location, typed fields, context entries, the levels), and the golden files their lines are
 * compared with: {@code src/test/resources/schema-golden/<schema>.jsonl}, one
 * {@code {"event": name, "line": {…}}} per event, compared as parsed JSON. Run with
 * {@code -Dschemas.regenerate=true} to write them again (then read the diff).
 */
final class SchemaCorpus {
    static final String TRACE = "0af7651916cd43dd8448eb211c80319c";
    static final String SPAN = "b7ad6b7169203331";

    /** A configuration whose {@code hostName} is fixed, as Log4j sets it when it starts a configuration. */
    static final Configuration CONFIGURATION = new DefaultConfiguration();

    static {
        CONFIGURATION.getProperties().put("hostName", "test-host");
    }

    private SchemaCorpus() {}

    /**
     * The events by name, each made when asked ({@code StructuredMessage.of} hands out a reusable
     * message per thread, so two structured events cannot be made ahead and kept).
     */
    static Map<String, Supplier<LogEvent>> events() {
        Map<String, Supplier<LogEvent>> events = new LinkedHashMap<>();
        events.put("plain", () -> EventCorpus.base().setMessage(new SimpleMessage("order placed")).build());
        events.put("trace", () -> EventCorpus.base().setMessage(new SimpleMessage("traced"))
                .setContextData(EventCorpus.context("trace_id", TRACE, "span_id", SPAN, "trace_flags", "01", "user", "alice"))
                .build());
        events.put("trace not sampled, upper case", () -> EventCorpus.base().setMessage(new SimpleMessage("traced"))
                .setContextData(EventCorpus.context("trace_id", TRACE.toUpperCase(), "span_id", SPAN, "trace_flags", "00"))
                .build());
        events.put("invalid trace id", () -> EventCorpus.base().setMessage(new SimpleMessage("bad trace"))
                .setContextData(EventCorpus.context("trace_id", "not-a-trace", "span_id", SPAN)).build());
        events.put("mdc", () -> EventCorpus.base().setMessage(new SimpleMessage("with context")).setContextData(mdc()).build());
        events.put("structured", () -> EventCorpus.base().setMessage(StructuredMessage.of("order placed")
                .with("orderId", 42L).with("amount", 9.99).with("paid", true).with("sku", "A-1")
                .with("id", "o-42").with("order total", 10).with("note", (Object) null)).build());
        events.put("exception with cause", () -> EventCorpus.base().setLevel(Level.ERROR).setMessage(new SimpleMessage("failed"))
                .setThrown(exception()).build());
        events.put("location", () -> EventCorpus.base().setMessage(new SimpleMessage("located"))
                .setSource(new StackTraceElement("shop.Orders", "place", "Orders.java", 42)).build());
        events.put("everything", () -> EventCorpus.base().setLevel(Level.WARN).setMessage(StructuredMessage.of("slow order")
                .with("orderId", 7L).with("late", true))
                .setContextData(EventCorpus.context("trace_id", TRACE, "span_id", SPAN, "trace_flags", "01", "requestId", "r-9"))
                .setContextStack(new MutableThreadContextStack(List.of("outer", "inner")).getImmutableStackOrNull())
                .setSource(new StackTraceElement("shop.Orders", "place", "Orders.java", 42))
                .setThrown(slow()).build());
        for (Level level : new Level[] {Level.TRACE, Level.DEBUG, Level.ERROR, Level.FATAL, Level.forName("NOTICE", 350)}) {
            Level each = level;
            events.put("level " + level, () -> EventCorpus.base().setLevel(each).setMessage(new SimpleMessage("level")).build());
        }
        return events;
    }

    static SortedArrayStringMap mdc() {
        SortedArrayStringMap context = new SortedArrayStringMap();
        context.putValue("requestId", "r-1");
        context.putValue("user name", "alice");
        context.putValue("a.b", "dotted");
        context.putValue("id", "c-1");
        context.putValue("retries", 3L);
        context.putValue("cached", Boolean.TRUE);
        context.putValue("transaction.id", "a5c4a2b4f1b2c3d4");
        return context;
    }

    static Throwable slow() {
        IllegalStateException slow = new IllegalStateException("slow");
        slow.setStackTrace(new StackTraceElement[] {new StackTraceElement("shop.Orders", "place", "Orders.java", 42)});
        return slow;
    }

    /** A throwable with a cause whose frames are fixed, so the stack trace is the same on every run. */
    static Throwable exception() {
        IllegalStateException cause = new IllegalStateException("disk full");
        cause.setStackTrace(new StackTraceElement[] {new StackTraceElement("shop.Disk", "write", "Disk.java", 7)});
        RuntimeException top = new RuntimeException("order not saved", cause);
        top.setStackTrace(new StackTraceElement[] {new StackTraceElement("shop.Orders", "save", "Orders.java", 12),
            new StackTraceElement("shop.Orders", "place", "Orders.java", 42)});
        return top;
    }

    /** The layout of {@code schema} with the attributes every schema test sets, then {@code more}. */
    static PooledJsonLayout layout(String schema, UnaryOperator<PooledJsonLayout.Builder> more) {
        return more.apply(PooledJsonLayout.newBuilder().setConfiguration(CONFIGURATION).setSchema(schema)
                .setLocationInfoEnabled(true).setServiceName("shop").setServiceVersion("1.4.2")
                .setServiceEnvironment("production").setEventDataset("shop.log").setGcpProjectId("my-project")).build();
    }

    /** Every event's line, parsed, by event name. */
    static Map<String, JsonNode> lines(PooledJsonLayout layout) {
        Map<String, JsonNode> lines = new LinkedHashMap<>();
        events().forEach((name, event) -> lines.put(name, LayoutTesting.encode(layout, event.get())));
        return lines;
    }

    /**
     * Compares the lines {@code layout} writes for the corpus with the golden file {@code name} (or
     * writes it with {@code -Dschemas.regenerate=true}); the file holds each line as it was written.
     */
    static void assertGolden(String name, PooledJsonLayout layout) {
        ObjectMapper mapper = new ObjectMapper();
        Path file = Paths.get("src/test/resources/schema-golden", name + ".jsonl");
        List<String> text = new ArrayList<>();
        events().forEach((event, made) -> {
            String line = LayoutTesting.encodeToText(layout, made.get());
            Json.parse(line); // strict: no duplicate keys, one object
            text.add("{\"event\":" + mapper.getNodeFactory().textNode(event) + ",\"line\":" + line.substring(0, line.length() - 1) + "}");
        });
        try {
            if (Boolean.getBoolean("schemas.regenerate")) {
                Files.write(file, text, StandardCharsets.UTF_8);
                return;
            }
            List<String> golden = Files.readAllLines(file, StandardCharsets.UTF_8);
            assertEquals(golden.size(), text.size(), "events in " + file);
            for (int i = 0; i < golden.size(); i++) {
                JsonNode expected = mapper.readTree(golden.get(i));
                JsonNode actual = mapper.readTree(text.get(i));
                assertEquals(expected, actual, file + ", event " + expected.get("event"));
                assertEquals(Json.keys(expected.get("line")), Json.keys(actual.get("line")),
                        "member order, " + file + ", event " + expected.get("event"));
            }
        } catch (IOException e) {
            fail("cannot read or write " + file.toAbsolutePath(), e);
        }
    }
}
