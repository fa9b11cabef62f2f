package dev.log4jpool.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code schema="GCP"}: Cloud Logging's structured JSON, the rules checked field by field on every
 * event of the corpus, and the golden lines.
 */
class GcpSchemaTest {
    private static final Set<String> SEVERITIES = Set.of("DEFAULT", "DEBUG", "INFO", "NOTICE", "WARNING", "ERROR", "CRITICAL",
            "ALERT", "EMERGENCY");

    @Test
    void golden() {
        SchemaCorpus.assertGolden("gcp", SchemaCorpus.layout("GCP", builder -> builder));
    }

    @Test
    void rulesOnEveryEvent() {
        SchemaCorpus.lines(SchemaCorpus.layout("GCP", builder -> builder)).forEach((event, line) -> {
            String time = line.get("time").asText();
            assertTrue(time.matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{9}Z"), event + ": RFC 3339 with nanos: " + time);
            assertEquals(Instant.ofEpochSecond(EventCorpus.EPOCH_SECOND, EventCorpus.NANOS), Instant.parse(time), event);
            assertTrue(SEVERITIES.contains(line.get("severity").asText()), event + ": severity " + line.get("severity"));
            assertTrue(line.get("message").isTextual(), event);
            if (line.has("logging.googleapis.com/trace")) {
                assertTrue(line.get("logging.googleapis.com/trace").asText().matches("projects/my-project/traces/[0-9a-f]{32}"), event);
            }
            if (line.has("logging.googleapis.com/spanId")) {
                assertTrue(line.get("logging.googleapis.com/spanId").asText().matches("[0-9a-f]{16}"), event);
            }
            if (line.has("logging.googleapis.com/trace_sampled")) {
                assertTrue(line.get("logging.googleapis.com/trace_sampled").isBoolean(), event);
            }
            if (line.has("logging.googleapis.com/labels")) {
                line.get("logging.googleapis.com/labels").fields().forEachRemaining(label ->
                        assertTrue(label.getValue().isTextual(), event + ": labels are a map of strings: " + label));
            }
            if (line.has("logging.googleapis.com/sourceLocation")) {
                JsonNode location = line.get("logging.googleapis.com/sourceLocation");
                assertEquals(List.of("file", "line", "function"), Json.keys(location), event);
                assertTrue(location.get("file").isTextual() && location.get("line").isIntegralNumber()
                        && location.get("function").isTextual(), event);
            }
            if (line.has("stack_trace")) {
                // Error Reporting reads a Java stack trace: "<class>: <message>" then "\tat " frames.
                assertTrue(line.get("stack_trace").asText().matches("(?s)[\\w.$]+(: [^\\n]*)?\\n\\tat .*"), event);
                assertTrue(SEVERITIES.contains(line.get("severity").asText()));
            }
            assertEquals("{\"service\":\"shop\",\"version\":\"1.4.2\"}", line.get("serviceContext").toString(), event);
        });
    }

    @Test
    void severities() {
        Map<String, JsonNode> lines = SchemaCorpus.lines(SchemaCorpus.layout("GCP", builder -> builder));
        assertEquals("DEBUG", lines.get("level TRACE").get("severity").asText());
        assertEquals("DEBUG", lines.get("level DEBUG").get("severity").asText());
        assertEquals("INFO", lines.get("plain").get("severity").asText());
        assertEquals("WARNING", lines.get("everything").get("severity").asText());
        assertEquals("ERROR", lines.get("level ERROR").get("severity").asText());
        assertEquals("EMERGENCY", lines.get("level FATAL").get("severity").asText());
        assertEquals("WARNING", lines.get("level NOTICE").get("severity").asText(), "a custom level: its standard level's");
    }

    @Test
    void traceContext() {
        Map<String, JsonNode> lines = SchemaCorpus.lines(SchemaCorpus.layout("GCP", builder -> builder));
        JsonNode traced = lines.get("trace");
        assertEquals("projects/my-project/traces/" + SchemaCorpus.TRACE, traced.get("logging.googleapis.com/trace").asText());
        assertEquals(SchemaCorpus.SPAN, traced.get("logging.googleapis.com/spanId").asText());
        assertTrue(traced.get("logging.googleapis.com/trace_sampled").asBoolean());
        assertEquals("{\"user\":\"alice\"}", traced.get("logging.googleapis.com/labels").toString());
        assertFalse(lines.get("trace not sampled, upper case").get("logging.googleapis.com/trace_sampled").asBoolean());
        assertFalse(lines.get("plain").has("logging.googleapis.com/trace"));

        PooledJsonLayout noProject = SchemaCorpus.layout("GCP", builder -> builder.setGcpProjectId(null));
        JsonNode bare = LayoutTesting.encode(noProject, SchemaCorpus.events().get("trace").get());
        assertEquals(SchemaCorpus.TRACE, bare.get("logging.googleapis.com/trace").asText(), "without a project: the id alone");
    }

    @Test
    void typedFieldsAtTheRootOfJsonPayload() {
        JsonNode line = SchemaCorpus.lines(SchemaCorpus.layout("GCP", builder -> builder)).get("structured");
        assertTrue(line.get("orderId").isIntegralNumber());
        assertTrue(line.get("amount").isDouble());
        assertTrue(line.get("paid").isBoolean());
        assertEquals("order placed", line.get("message").asText());
    }
}
