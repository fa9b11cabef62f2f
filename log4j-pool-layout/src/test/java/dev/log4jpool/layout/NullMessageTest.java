package dev.log4jpool.layout;

import static dev.log4jpool.layout.LayoutTesting.builder;
import static dev.log4jpool.layout.LayoutTesting.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.log4jpool.message.StructuredMessage;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.layout.template.json.JsonTemplateLayout;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.ParameterizedMessageFactory;
import org.apache.logging.log4j.message.ReusableMessageFactory;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.Test;

/**
 * One rule for a null message: the text Log4j formats for it ({@code getFormattedMessage()},
 * {@code formatTo}, PatternLayout's {@code %m}), {@code "null"}; {@code StructuredMessage.of(null)}
 * follows the same rule (issue 14, defect 10). JsonTemplateLayout writes {@code "null"} on Log4j's
 * default path (a garbage-free logger: a reusable message formatted into a mutable event), but
 * {@code ""} where it reads a {@code SimpleMessage} as a {@code CharSequence}; that quirk is not copied.
 */
class NullMessageTest {
    private final PooledJsonLayout layout = builder().build();
    private final JsonTemplateLayout peer = JsonTemplateLayout.newBuilder()
            .setConfiguration(new org.apache.logging.log4j.core.config.DefaultConfiguration())
            .setEventTemplate("{\"message\":{\"$resolver\":\"message\",\"stringified\":true}}")
            .build();

    private String peerMessage(LogEvent event) {
        return Json.parse(peer.toSerializable(event)).get("message").textValue();
    }

    @Test
    void everyNullMessageIsTheTextNullAsJsonTemplateLayoutWritesIt() {
        Message[] messages = {
            new SimpleMessage((String) null),
            new ParameterizedMessageFactory().newMessage((String) null), // logger.info((String) null)
            new ReusableMessageFactory().newMessage((String) null), // the same, garbage-free
            StructuredMessage.of(null),
        };
        // logger.info((String) null) on Log4j's default, garbage-free path:
        LogEvent defaultPath = Events.event(new ReusableMessageFactory().newMessage((String) null));
        assertEquals("null", peerMessage(defaultPath));
        assertEquals("null", encode(layout, defaultPath).get("message").textValue());
        for (Message message : messages) {
            String name = message.getClass().getName();
            assertEquals("null", encode(layout, Events.event(message)).get("message").textValue(), name);
            assertEquals("null", encode(layout, Events.immutable(message, null)).get("message").textValue(), name);
        }
    }

    @Test
    void aNullStructuredMessageKeepsItsFields() {
        JsonNode json = encode(layout, Events.event(StructuredMessage.of(null).with("a", 1)));
        assertEquals("null", json.get("message").textValue());
        assertEquals(1, json.get("a").intValue());
    }

    @Test
    void anEventWithNoMessageObjectAtAllHasANullMessage() {
        // Log4j's loggers never make one (JsonTemplateLayout fails on it); a hand-built event may.
        assertTrue(encode(layout, Events.immutable(null, null)).get("message").isNull());
    }
}
