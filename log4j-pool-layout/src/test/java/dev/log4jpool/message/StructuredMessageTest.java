package dev.log4jpool.message;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import org.apache.logging.log4j.core.impl.MutableLogEvent;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.Test;

class StructuredMessageTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void ofReturnsTheThreadsInstanceReset() {
        StructuredMessage first = StructuredMessage.of("a").with("x", 1);
        StructuredMessage second = StructuredMessage.of("b");
        assertSame(first, second);
        assertEquals("b {}", second.getFormattedMessage());
    }

    @Test
    void readableTextIsTheMessageThenTheFieldsAsJson() throws Exception {
        StructuredMessage message = StructuredMessage.of("order placed").with("orderId", 42L).with("amount", 9.99)
                .with("express", true).with("customer", "alice").with("none", (String) null);
        String text = message.getFormattedMessage();
        assertEquals("order placed {\"orderId\":42,\"amount\":9.99,\"express\":true,\"customer\":\"alice\",\"none\":null}", text);
        StringBuilder formatted = new StringBuilder();
        message.formatTo(formatted);
        assertEquals(text, formatted.toString());
        assertSame(StructuredMessage.FORMAT, message.getFormat());
        JsonNode object = JSON.readTree(text.substring("order placed ".length()));
        assertTrue(object.get("orderId").isIntegralNumber());
        assertTrue(object.get("amount").isFloatingPointNumber());
        assertTrue(object.get("express").isBoolean());
        assertTrue(object.get("none").isNull());
    }

    @Test
    void aNullMessageIsOnlyTheObjectAndNoFieldsIsAnEmptyObject() {
        assertEquals("{\"k\":1}", StructuredMessage.of(null).with("k", 1).getFormattedMessage());
        assertEquals("{}", StructuredMessage.of(null).getFormattedMessage());
        assertEquals(" {}", StructuredMessage.of("").getFormattedMessage());
        assertEquals("ends with } {}", StructuredMessage.of("ends with }").getFormattedMessage());
    }

    @Test
    void keysAndStringsAreEscapedAsTheLayoutEscapesThem() throws Exception {
        String nasty = "q\"b\\s/\b\f\n\r\t\u0001\u001f\u007f é \uD83D\uDE00 lone\uD800 rev\uDC00\uD800 ${jndi:ldap://x}";
        StructuredMessage message = StructuredMessage.of("m").with(nasty, nasty).with("sb", new StringBuilder(nasty))
                .with(null, "nullKey");
        String text = message.getFormattedMessage();
        assertTrue(text.startsWith("m {\"q\\\"b\\\\s/\\b\\f\\n\\r\\t\\u0001\\u001f\u007f é \uD83D\uDE00 lone\uFFFD rev\uFFFD\uFFFD ${jndi:ldap://x}\":"),
                text);
        JsonNode object = JSON.readTree(text.substring(2));
        String sanitized = nasty.replace("lone\uD800", "lone\uFFFD").replace("rev\uDC00\uD800", "rev\uFFFD\uFFFD");
        assertEquals(sanitized, object.get(sanitized).textValue());
        assertEquals(sanitized, object.get("sb").textValue());
        assertEquals("nullKey", object.get("null").textValue());
    }

    @Test
    void nanAndInfinitiesAreStringsInTheText() {
        assertEquals("m {\"a\":\"NaN\",\"b\":\"Infinity\",\"c\":\"-Infinity\",\"d\":1.0E-300}", StructuredMessage.of("m")
                .with("a", Double.NaN).with("b", Double.POSITIVE_INFINITY).with("c", Double.NEGATIVE_INFINITY)
                .with("d", 1e-300).getFormattedMessage());
    }

    @Test
    void log4jsEventTakesTheTextAndNoParameters() {
        MutableLogEvent event = new MutableLogEvent();
        StructuredMessage message = StructuredMessage.of("one").with("n", 1);
        event.setMessage(message);
        assertEquals("one {\"n\":1}", event.getFormattedMessage());
        assertSame(StructuredMessage.FORMAT, event.getFormat());
        assertEquals(0, event.getParameterCount());
        assertArrayEquals(new Object[0], event.getParameters());
        StructuredMessage.of("two").with("n", 2); // the thread's instance is reused at once
        assertEquals("one {\"n\":1}", event.getFormattedMessage(), "the event keeps its own text");
    }

    @Test
    void swapParametersKeepsNothingOfTheCaller() {
        StructuredMessage message = StructuredMessage.of("m");
        Object[] array = new Object[10];
        assertSame(array, message.swapParameters(array));
        assertEquals(0, message.getParameterCount());
        assertEquals(0, message.getParameters().length);
    }

    @Test
    void addingAfterLoggingDoesNotTouchTheLoggedEvent() {
        MutableLogEvent event = new MutableLogEvent();
        StructuredMessage message = StructuredMessage.of("m").with("a", 1);
        event.setMessage(message);
        message.with("b", 2);
        assertEquals("m {\"a\":1}", event.getFormattedMessage());
        assertEquals("m {\"a\":1,\"b\":2}", message.getFormattedMessage());
    }

    @Test
    void mementoIsIndependent() {
        StructuredMessage message = StructuredMessage.of("m").with("a", 1).with("t", new StringBuilder("text"));
        Message memento = message.memento();
        assertNotSame(message, memento);
        StructuredMessage.of("other").with("z", 0);
        assertEquals("m {\"a\":1,\"t\":\"text\"}", memento.getFormattedMessage());
        assertSame(StructuredMessage.FORMAT, memento.getFormat());
    }

    @Test
    void aValueWhoseToStringBuildsAnotherMessageGetsItsOwnInstance() {
        Object chatty = new Object() {
            @Override
            public String toString() {
                assertEquals("inner {\"d\":2}", StructuredMessage.of("inner").with("d", 2).getFormattedMessage());
                return "chatty";
            }
        };
        StructuredMessage outer = StructuredMessage.of("outer").with("a", 1).with("v", chatty).with("b", 3);
        assertEquals("outer {\"a\":1,\"v\":\"chatty\",\"b\":3}", outer.getFormattedMessage());
    }

    @Test
    void serializesAsItsReadableText() throws Exception {
        StructuredMessage message = StructuredMessage.of("m").with("a", 1);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(message);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            Object read = in.readObject();
            assertTrue(read instanceof SimpleMessage, read.getClass().getName());
            assertEquals("m {\"a\":1}", ((Message) read).getFormattedMessage());
        }
    }
}
