package dev.log4jpool.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.Test;

/** {@code schema="GELF"}: GELF 1.1's rules checked field by field on every event, and the golden lines. */
class GelfSchemaTest {
    private static final Set<String> FIXED = Set.of("version", "host", "short_message", "full_message", "timestamp", "level");
    private static final Pattern TIMESTAMP = Pattern.compile("\"timestamp\":(\\d+)\\.(\\d{3})[,}]");

    @Test
    void golden() {
        SchemaCorpus.assertGolden("gelf", SchemaCorpus.layout("GELF", builder -> builder));
    }

    @Test
    void rulesOnEveryEvent() {
        PooledJsonLayout layout = SchemaCorpus.layout("GELF", builder -> builder);
        for (Map.Entry<String, java.util.function.Supplier<LogEvent>> named : SchemaCorpus.events().entrySet()) {
            String event = named.getKey();
            String text = LayoutTesting.encodeToText(layout, named.getValue().get());
            JsonNode line = Json.parse(text);
            assertEquals("1.1", line.get("version").asText(), event);
            assertEquals("test-host", line.get("host").asText(), event + ": ${hostName}, resolved by the configuration");
            assertTrue(line.get("short_message").isTextual() && !line.get("short_message").asText().isBlank(), event);
            Matcher timestamp = TIMESTAMP.matcher(text);
            assertTrue(timestamp.find(), event + ": seconds with millis as a decimal: " + text);
            assertEquals(Long.toString(EventCorpus.EPOCH_SECOND), timestamp.group(1), event);
            assertEquals("123", timestamp.group(2), event);
            int level = line.get("level").asInt();
            assertTrue(line.get("level").isIntegralNumber() && level >= 0 && level <= 7, event + ": syslog level");
            line.fields().forEachRemaining(member -> {
                String name = member.getKey();
                JsonNode value = member.getValue();
                if (FIXED.contains(name)) {
                    return;
                }
                assertTrue(name.matches("_[\\w.\\-]*"), event + ": additional field " + name);
                assertNotEquals("_id", name, event);
                assertTrue(value.isTextual() || value.isNumber(), event + ": " + name + " must be a string or a number: " + value);
            });
            if (line.has("full_message")) {
                assertTrue(line.get("full_message").asText().contains("\n\tat "), event);
            }
        }
    }

    /** Graylog refuses a GELF message whose short_message is blank (its GelfCodec): "-" is written instead. */
    @Test
    void blankMessagesGetAPlaceholder() {
        PooledJsonLayout layout = SchemaCorpus.layout("GELF", builder -> builder);
        for (String blank : new String[] {"", " ", "\t\n\u000b\u001c \u2003"}) {
            JsonNode line = LayoutTesting.encode(layout, EventCorpus.base().setMessage(new SimpleMessage(blank)).build());
            assertEquals("-", line.get("short_message").asText(), "'" + blank + "'");
            JsonNode structured = LayoutTesting.encode(layout, EventCorpus.base()
                    .setMessage(dev.log4jpool.message.StructuredMessage.of(blank).with("orderId", 7L)).build());
            assertEquals("-", structured.get("short_message").asText(), "structured '" + blank + "'");
            assertEquals(7, structured.get("_orderId").asInt());
        }
        JsonNode kept = LayoutTesting.encode(layout, EventCorpus.base().setMessage(new SimpleMessage(" \u00a0x ")).build());
        assertEquals(" \u00a0x ", kept.get("short_message").asText(), "text that is not blank stays as it is");
    }

    @Test
    void syslogLevels() {
        Map<String, JsonNode> lines = SchemaCorpus.lines(SchemaCorpus.layout("GELF", builder -> builder));
        assertEquals(7, lines.get("level TRACE").get("level").asInt());
        assertEquals(7, lines.get("level DEBUG").get("level").asInt());
        assertEquals(6, lines.get("plain").get("level").asInt());
        assertEquals(4, lines.get("everything").get("level").asInt());
        assertEquals(3, lines.get("level ERROR").get("level").asInt());
        assertEquals(1, lines.get("level FATAL").get("level").asInt());
    }

    @Test
    void additionalFieldsRenamed() {
        Map<String, JsonNode> lines = SchemaCorpus.lines(SchemaCorpus.layout("GELF", builder -> builder));
        JsonNode mdc = lines.get("mdc");
        assertEquals("alice", mdc.get("_user_name").asText(), "a space is not allowed: _");
        assertEquals("c-1", mdc.get("_id_").asText(), "never _id");
        assertEquals("dotted", mdc.get("_a.b").asText(), "dots are allowed");
        assertEquals(3, mdc.get("_retries").asInt());
        assertTrue(mdc.get("_retries").isIntegralNumber());
        assertEquals("true", mdc.get("_cached").asText(), "booleans as strings: Graylog drops JSON booleans");
        JsonNode structured = lines.get("structured");
        assertTrue(structured.get("_orderId").isIntegralNumber());
        assertTrue(structured.get("_amount").isDouble());
        assertEquals("true", structured.get("_paid").asText());
        assertEquals("o-42", structured.get("_id_").asText());
        assertEquals(10, structured.get("_order_total").asInt());
        assertFalse(structured.has("_note"), "null is left out: Graylog drops it");
    }

    @Test
    void traceContext() {
        Map<String, JsonNode> lines = SchemaCorpus.lines(SchemaCorpus.layout("GELF", builder -> builder));
        JsonNode traced = lines.get("trace");
        assertEquals(SchemaCorpus.TRACE, traced.get("_trace_id").asText());
        assertEquals(SchemaCorpus.SPAN, traced.get("_span_id").asText());
        assertEquals(1, traced.get("_trace_flags").asInt());
        assertFalse(traced.has("_trace_flags_") || traced.has("__trace_id"), "the context's trace keys are not written twice");
        JsonNode invalid = lines.get("invalid trace id");
        assertFalse(invalid.has("_trace_id"));
        assertEquals("not-a-trace", invalid.get("__trace_id").asText(), "kept with the context, renamed away from _trace_id");
        PooledJsonLayout renamed = SchemaCorpus.layout("GELF", builder -> builder.setTraceIdKey("traceId"));
        JsonNode other = LayoutTesting.encode(renamed, EventCorpus.base()
                .setMessage(new org.apache.logging.log4j.message.SimpleMessage("x"))
                .setContextData(EventCorpus.context("traceId", SchemaCorpus.TRACE, "trace_id", "kept")).build());
        assertEquals(SchemaCorpus.TRACE, other.get("_trace_id").asText());
        assertEquals("kept", other.get("__trace_id").asText(), "an unrelated entry of that name yields, renamed");
    }

    @Test
    void fieldNames() {
        GelfFieldsResolver.FieldName name = new GelfFieldsResolver.FieldName();
        assertEquals("user_name", name.of("user name").toString());
        assertEquals("id_", name.of("id").toString());
        assertEquals("idx", name.of("idx").toString());
        assertEquals("a.b-c_d9", name.of("a.b-c_d9").toString());
        assertEquals("_____", name.of("ключ\"").toString());
        assertEquals("", name.of("").toString());
    }
}
