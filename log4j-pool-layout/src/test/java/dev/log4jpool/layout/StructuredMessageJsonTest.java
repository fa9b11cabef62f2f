package dev.log4jpool.layout;

import static dev.log4jpool.layout.LayoutTesting.builder;
import static dev.log4jpool.layout.LayoutTesting.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.log4jpool.message.StructuredFields;
import dev.log4jpool.message.StructuredMessage;
import java.util.List;
import org.apache.logging.log4j.core.impl.MutableLogEvent;
import org.apache.logging.log4j.util.StringBuilderFormattable;
import org.junit.jupiter.api.Test;

class StructuredMessageJsonTest {
    private final PooledJsonLayout layout = builder().build();

    @Test
    void writesTypedFieldsAfterTheMessage() {
        JsonNode json = encode(layout, Events.event(StructuredMessage.of("order placed")
                .with("orderId", 42L).with("amount", 9.99).with("express", true).with("customer", "alice")
                .with("items", 3).with("min", Long.MIN_VALUE).with("tiny", 1e-300).with("neg", -0.5)));
        assertEquals(List.of("@timestamp", "level", "logger", "thread", "message", "orderId", "amount", "express", "customer",
                "items", "min", "tiny", "neg"), Json.keys(json));
        assertEquals("order placed", json.get("message").textValue());
        assertTrue(json.get("orderId").isIntegralNumber());
        assertEquals(42L, json.get("orderId").longValue());
        assertTrue(json.get("amount").isFloatingPointNumber());
        assertEquals(9.99, json.get("amount").doubleValue());
        assertTrue(json.get("express").isBoolean() && json.get("express").booleanValue());
        assertEquals("alice", json.get("customer").textValue());
        assertEquals(3, json.get("items").intValue());
        assertEquals(Long.MIN_VALUE, json.get("min").longValue());
        assertEquals(1e-300, json.get("tiny").doubleValue());
        assertEquals(-0.5, json.get("neg").doubleValue());
    }

    @Test
    void nanAndInfinitiesAreStrings() {
        JsonNode json = encode(layout, Events.event(StructuredMessage.of("m").with("nan", Double.NaN)
                .with("inf", Double.POSITIVE_INFINITY).with("ninf", Double.NEGATIVE_INFINITY).with("boxed", (Object) Float.NaN)));
        assertEquals("NaN", json.get("nan").textValue());
        assertEquals("Infinity", json.get("inf").textValue());
        assertEquals("-Infinity", json.get("ninf").textValue());
        assertEquals("NaN", json.get("boxed").textValue());
    }

    @Test
    void objectsKeepTheirTypeOrBecomeText() {
        StringBuilder mutable = new StringBuilder("before");
        StringBuilderFormattable formattable = buffer -> buffer.append("formatted");
        StructuredMessage message = StructuredMessage.of("m").with("long", (Object) 5L).with("int", (Object) 6)
                .with("double", (Object) 1.5).with("bool", (Object) Boolean.FALSE).with("text", mutable)
                .with("formattable", (Object) formattable).with("list", (Object) List.of(1, 2));
        mutable.setLength(0);
        mutable.append("after"); // copied when added: the JSON keeps "before"
        JsonNode json = encode(layout, Events.event(message));
        assertEquals(5L, json.get("long").longValue());
        assertTrue(json.get("int").isIntegralNumber());
        assertEquals(1.5, json.get("double").doubleValue());
        assertTrue(json.get("bool").isBoolean());
        assertEquals("before", json.get("text").textValue());
        assertEquals("formatted", json.get("formattable").textValue());
        assertEquals("[1, 2]", json.get("list").textValue());
    }

    @Test
    void aRepeatedKeyKeepsItsLastValue() {
        JsonNode json = encode(layout, Events.event(StructuredMessage.of("m").with("k", 1).with("k", "two")));
        assertEquals("two", json.get("k").textValue());
    }

    @Test
    void aValueWhoseToStringLogsDoesNotDisturbTheOuterMessage() {
        CapturingDestination inner = new CapturingDestination();
        Object chatty = new Object() {
            @Override
            public String toString() {
                // Logs a structured message of its own while the outer one is being built.
                layout.encode(Events.event(StructuredMessage.of("inner").with("depth", 2)), inner);
                return "chatty";
            }
        };
        StructuredMessage outer = StructuredMessage.of("outer").with("before", 1).with("value", chatty).with("after", 3);
        JsonNode json = encode(layout, Events.event(outer));
        assertEquals("outer", json.get("message").textValue());
        assertEquals(1, json.get("before").intValue());
        assertEquals("chatty", json.get("value").textValue());
        assertEquals(3, json.get("after").intValue());
        JsonNode innerJson = Json.parse(inner.lines().get(0));
        assertEquals("inner", innerJson.get("message").textValue());
        assertEquals(2, innerJson.get("depth").intValue());
    }

    @Test
    void fieldsSurviveLog4jsReusableEventAndItsRecycling() {
        // As Log4j's ReusableLogEventFactory does: the event takes the message over, is written, cleared, reused.
        MutableLogEvent event = new MutableLogEvent();
        for (int i = 0; i < 1_000; i++) {
            event.setLevel(org.apache.logging.log4j.Level.INFO);
            event.setLoggerName("l");
            event.setTimeMillis(Events.EPOCH_MILLIS + i);
            event.setMessage(StructuredMessage.of("n" + i).with("i", i).with("half", i / 2.0));
            assertEquals("n" + i + " i=" + i + " half=" + (i / 2.0), event.getFormattedMessage(), "readable text for other layouts");
            JsonNode json = encode(layout, event);
            assertEquals("n" + i, json.get("message").textValue());
            assertEquals(i, json.get("i").intValue());
            assertEquals(i / 2.0, json.get("half").doubleValue());
            event.clear();
        }
    }

    @Test
    void aCopiedEventKeepsItsFieldsOrFallsBackToItsTextNeverToOtherFields() {
        // What Log4j's AsyncAppender does: copy the event (a memento), let the original be cleared.
        MutableLogEvent event = Events.event(StructuredMessage.of("one").with("n", 1).with("ok", true));
        org.apache.logging.log4j.core.LogEvent copy = org.apache.logging.log4j.core.impl.Log4jLogEvent.createMemento(event);
        JsonNode beforeReuse = encode(layout, copy);
        assertEquals("one", beforeReuse.get("message").textValue());
        assertEquals(1, beforeReuse.get("n").intValue());
        assertTrue(beforeReuse.get("ok").booleanValue());

        event.clear(); // the carrier is free now: hand carriers over until this thread's message refills it
        Object[] scratch = new Object[1];
        for (int i = 0; i < 1_000 && "one".equals(StructuredFields.of(copy.getMessage(), scratch).message()); i++) {
            MutableLogEvent other = new MutableLogEvent();
            other.setMessage(StructuredMessage.of("two").with("n", 2).with("other", "x"));
            other.clear();
        }
        assertEquals("two", StructuredFields.of(copy.getMessage(), scratch).message(), "the copy's carrier was refilled");
        JsonNode afterReuse = encode(layout, copy);
        assertEquals("one n=1 ok=true", afterReuse.get("message").textValue(), "the copy's own text");
        assertTrue(!afterReuse.has("n") && !afterReuse.has("other"), afterReuse.toString());
    }
}
