package dev.log4jpool.layout;

import static dev.log4jpool.layout.LayoutTesting.builder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.log4jpool.buffer.StatusCapture;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.AbstractLogEvent;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.status.StatusData;
import org.apache.logging.log4j.util.ReadOnlyStringMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A member that fails on every event is marked in every event, and reported once, not once per event. */
class FailureReportTest {
    private final StatusCapture status = new StatusCapture(Level.ERROR);

    @BeforeEach
    void listen() {
        status.start();
    }

    @AfterEach
    void stopListening() {
        status.stop();
    }

    /** An event whose context data cannot be read: the context writer fails, every time. */
    private static final class BrokenContextEvent extends AbstractLogEvent {
        private static final long serialVersionUID = 1L;

        @Override
        public Message getMessage() {
            return new SimpleMessage("still written");
        }

        @Override
        public String getLoggerName() {
            return "shop.Orders";
        }

        @Override
        public ReadOnlyStringMap getContextData() {
            throw new IllegalStateException("context is gone");
        }
    }

    @Test
    void aFailureOnEveryEventIsReportedOnceWithItsStackTrace() {
        PooledJsonLayout layout = builder().build();
        for (int i = 0; i < 1320; i++) {
            JsonNode json = Json.parse(layout.toSerializable(new BrokenContextEvent()));
            assertEquals("still written", json.get("message").textValue());
            assertTrue(json.get("log4jpool_error").textValue().contains("IllegalStateException"), json.toString());
        }
        List<StatusData> ours = status.all().stream()
                .filter(e -> e.getMessage().getFormattedMessage().startsWith("PooledJsonLayout")).toList();
        assertEquals(1, ours.size(), () -> ours.stream().map(e -> e.getMessage().getFormattedMessage()).toList().toString());
        assertNotNull(ours.get(0).getThrowable(), "the first report carries the stack trace");
        assertTrue(ours.get(0).getMessage().getFormattedMessage().contains("ContextDataFields"),
                ours.get(0).getMessage().getFormattedMessage());
    }
}
