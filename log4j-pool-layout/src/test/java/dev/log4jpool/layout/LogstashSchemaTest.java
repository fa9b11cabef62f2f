package dev.log4jpool.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code schema="LOGSTASH"}: logstash-logback-encoder's default field names, and the golden lines. */
class LogstashSchemaTest {

    @Test
    void golden() {
        SchemaCorpus.assertGolden("logstash", SchemaCorpus.layout("LOGSTASH", builder -> builder));
    }

    @Test
    void encoderFieldNames() {
        Map<String, JsonNode> lines = SchemaCorpus.lines(SchemaCorpus.layout("LOGSTASH", builder -> builder));
        lines.forEach((event, line) -> {
            assertEquals(List.of("@timestamp", "@version", "message", "logger_name", "thread_name", "level", "level_value"),
                    Json.keys(line).subList(0, 7), event);
            assertEquals("2026-11-23T10:15:30.123Z", line.get("@timestamp").asText(), event);
            assertEquals("1", line.get("@version").asText(), event + ": a string, as the encoder writes it");
            assertTrue(line.get("level_value").isIntegralNumber(), event);
        });
        assertEquals(5000, lines.get("level TRACE").get("level_value").asInt());
        assertEquals(10000, lines.get("level DEBUG").get("level_value").asInt());
        assertEquals(20000, lines.get("plain").get("level_value").asInt());
        assertEquals(30000, lines.get("everything").get("level_value").asInt());
        assertEquals(40000, lines.get("level ERROR").get("level_value").asInt());
        assertEquals(50000, lines.get("level FATAL").get("level_value").asInt());
        JsonNode failed = lines.get("exception with cause");
        assertTrue(failed.get("stack_trace").asText().startsWith("java.lang.RuntimeException: order not saved\n\tat "));
        assertTrue(failed.get("stack_trace").asText().contains("Caused by: java.lang.IllegalStateException: disk full"));
        JsonNode located = lines.get("location");
        assertEquals("shop.Orders", located.get("caller_class_name").asText());
        assertEquals("place", located.get("caller_method_name").asText());
        assertEquals("Orders.java", located.get("caller_file_name").asText());
        assertEquals(42, located.get("caller_line_number").asInt());
    }

    @Test
    void contextAndTypedFieldsAtTheRoot() {
        Map<String, JsonNode> lines = SchemaCorpus.lines(SchemaCorpus.layout("LOGSTASH", builder -> builder));
        JsonNode mdc = lines.get("mdc");
        assertEquals("r-1", mdc.get("requestId").asText());
        assertEquals("alice", mdc.get("user name").asText());
        JsonNode structured = lines.get("structured");
        assertTrue(structured.get("orderId").isIntegralNumber());
        assertTrue(structured.get("paid").isBoolean());
        assertEquals("order placed", structured.get("message").asText());
    }

    @Test
    void traceContext() {
        Map<String, JsonNode> lines = SchemaCorpus.lines(SchemaCorpus.layout("LOGSTASH", builder -> builder));
        JsonNode traced = lines.get("trace");
        assertEquals(SchemaCorpus.TRACE, traced.get("trace_id").asText());
        assertEquals(SchemaCorpus.SPAN, traced.get("span_id").asText());
        assertEquals("01", traced.get("trace_flags").asText(), "hex, as the encoder writes the agent's entry");
        assertFalse(traced.has("_trace_id"), "not written twice");
        assertFalse(lines.get("plain").has("trace_id"));
    }
}
