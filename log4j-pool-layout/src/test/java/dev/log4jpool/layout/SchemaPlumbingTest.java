package dev.log4jpool.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.impl.MutableLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.util.SortedArrayStringMap;
import org.junit.jupiter.api.Test;

/**
 * The plumbing of the bundled schemas: the {@code schema} attribute (names, case, errors), the
 * {@code layoutAttribute} and {@code traceContext} resolvers (options, errors, absent and invalid
 * values, allocation).
 */
class SchemaPlumbingTest {
    private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";
    private static final String SPAN = "b7ad6b7169203331";

    private static PooledJsonLayout.Builder template(String template) {
        return PooledJsonLayout.newBuilder().setConfiguration(TemplateParity.CONFIGURATION).setEventTemplate(template);
    }

    private static LogEvent event(String... context) {
        return EventCorpus.base().setMessage(new SimpleMessage("hello")).setContextData(EventCorpus.context(context)).build();
    }

    private static String resolver(String name, String options) {
        return "{\"$resolver\":\"" + name + "\"" + (options.isEmpty() ? "" : "," + options) + "}";
    }

    // ---- schema ----

    @Test
    void unknownSchemaListsTheValidNames() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> PooledJsonLayout.newBuilder().setSchema("elastic").build());
        assertEquals("PooledJsonLayout: schema=\"elastic\" is not a bundled schema; expected one of ECS, OTEL, GCP, GELF, LOGSTASH",
                error.getMessage());
    }

    @Test
    void schemaNamesMapToBundledResources() {
        assertEquals("classpath:log4jpool-ecs.json", Schema.parse("ECS").uri());
        assertEquals(Schema.GELF, Schema.parse(" gelf "));
        assertEquals(Schema.LOGSTASH, Schema.parse("LogStash"));
        assertEquals("classpath:log4jpool-otel.json", Schema.parse("otel").uri());
        assertEquals("classpath:log4jpool-gcp.json", Schema.parse("Gcp").uri());
        assertEquals(null, Schema.parse(""));
        assertEquals(null, Schema.parse(null));
    }

    @Test
    void schemaExcludesAUserTemplate() {
        IllegalArgumentException inline = assertThrows(IllegalArgumentException.class,
                () -> PooledJsonLayout.newBuilder().setSchema("ECS").setEventTemplate("{}").build());
        assertTrue(inline.getMessage().startsWith("PooledJsonLayout: schema=\"ECS\" and eventTemplate exclude each other"),
                inline.getMessage());
        IllegalArgumentException uri = assertThrows(IllegalArgumentException.class,
                () -> PooledJsonLayout.newBuilder().setSchema("ECS").setEventTemplateUri("classpath:EcsLayout.json").build());
        assertTrue(uri.getMessage().startsWith("PooledJsonLayout: schema=\"ECS\" and eventTemplateUri=\"classpath:EcsLayout.json\""
                + " exclude each other"), uri.getMessage());
    }

    @Test
    void schemaExcludesDefaultSchemaAttributes() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> PooledJsonLayout.newBuilder().setSchema("ECS").setLevelKey("severity").build());
        assertTrue(error.getMessage().startsWith("PooledJsonLayout: levelKey=\"severity\" belongs to the default schema"),
                error.getMessage());
        assertTrue(error.getMessage().contains("classpath:log4jpool-ecs.json"), error.getMessage());
    }

    @Test
    void ecsNestedNeedsATemplateAndNoOtherSchema() {
        IllegalArgumentException noTemplate = assertThrows(IllegalArgumentException.class,
                () -> PooledJsonLayout.newBuilder().setEcsNested(true).build());
        assertTrue(noTemplate.getMessage().startsWith("PooledJsonLayout: ecsNested=\"true\" applies to an event template"),
                noTemplate.getMessage());
        IllegalArgumentException gelf = assertThrows(IllegalArgumentException.class,
                () -> PooledJsonLayout.newBuilder().setSchema("GELF").setEcsNested(true).build());
        assertTrue(gelf.getMessage().contains("applies to schema=\"ECS\" only"), gelf.getMessage());
    }

    @Test
    void blankTraceKeysAreRefused() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> template("{}").setSpanIdKey(" ").build());
        assertTrue(error.getMessage().startsWith("PooledJsonLayout: spanIdKey=\" \" must name a thread-context key"),
                error.getMessage());
    }

    // ---- layoutAttribute ----

    @Test
    void layoutAttributesAreWrittenAndUnsetOnesRemoved() {
        String template = "{\"name\":" + resolver("layoutAttribute", "\"name\":\"serviceName\"")
                + ",\"version\":" + resolver("layoutAttribute", "\"name\":\"serviceVersion\"")
                + ",\"env\":" + resolver("layoutAttribute", "\"name\":\"serviceEnvironment\"")
                + ",\"dataset\":" + resolver("layoutAttribute", "\"name\":\"eventDataset\"")
                + ",\"project\":" + resolver("layoutAttribute", "\"name\":\"gcpProjectId\"")
                + ",\"list\":[" + resolver("layoutAttribute", "\"name\":\"serviceVersion\"") + "]}";
        PooledJsonLayout all = template(template).setServiceName("shop \"east\"").setServiceVersion("1.2.3")
                .setServiceEnvironment("prod").setEventDataset("shop.log").setGcpProjectId("my-project").build();
        JsonNode line = LayoutTesting.encode(all, event());
        assertEquals("shop \"east\"", line.get("name").asText());
        assertEquals("1.2.3", line.get("version").asText());
        assertEquals("prod", line.get("env").asText());
        assertEquals("shop.log", line.get("dataset").asText());
        assertEquals("my-project", line.get("project").asText());
        assertEquals("1.2.3", line.get("list").get(0).asText());

        PooledJsonLayout some = template(template).setServiceName("shop").setServiceVersion("").build();
        JsonNode partial = LayoutTesting.encode(some, event());
        assertEquals(List.of("name", "list"), Json.keys(partial));
        assertTrue(partial.get("list").get(0).isNull(), "in an array a removed resolver is null, as JsonTemplateLayout has it");
    }

    @Test
    void layoutAttributeOptionErrors() {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> template("{\"a\":" + resolver("layoutAttribute", "\"name\":\"serviceNmae\"") + "}").build());
        assertEquals("PooledJsonLayout: template eventTemplate, at $.a: resolver \"layoutAttribute\", option \"name\" is"
                + " \"serviceNmae\"; expected one of serviceName, serviceVersion, serviceEnvironment, eventDataset, gcpProjectId",
                unknown.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> template("{\"a\":" + resolver("layoutAttribute", "") + "}").build());
        assertTrue(missing.getMessage().contains("option \"name\" is required"), missing.getMessage());
        IllegalArgumentException notString = assertThrows(IllegalArgumentException.class,
                () -> template("{\"a\":" + resolver("layoutAttribute", "\"name\":1") + "}").build());
        assertTrue(notString.getMessage().contains("option \"name\" must be a string"), notString.getMessage());
    }

    // ---- traceContext ----

    private static final String TRACE_TEMPLATE = "{\"trace\":" + resolver("traceContext", "\"field\":\"traceId\"")
            + ",\"span\":" + resolver("traceContext", "\"field\":\"spanId\"")
            + ",\"flags\":" + resolver("traceContext", "\"field\":\"traceFlags\"")
            + ",\"sampled\":" + resolver("traceContext", "\"field\":\"sampled\"")
            + ",\"gcp\":" + resolver("traceContext", "\"field\":\"traceId\",\"gcpTrace\":true") + "}";

    @Test
    void traceContextFromTheAgentsKeys() {
        PooledJsonLayout layout = template(TRACE_TEMPLATE).build();
        JsonNode line = LayoutTesting.encode(layout, event("trace_id", TRACE, "span_id", SPAN, "trace_flags", "01"));
        assertEquals(TRACE, line.get("trace").asText());
        assertEquals(SPAN, line.get("span").asText());
        assertTrue(line.get("flags").isIntegralNumber());
        assertEquals(1, line.get("flags").asInt());
        assertTrue(line.get("sampled").isBoolean());
        assertTrue(line.get("sampled").asBoolean());
        assertEquals(TRACE, line.get("gcp").asText(), "gcpTrace without gcpProjectId: the id alone");
    }

    @Test
    void gcpTraceWithAProject() {
        PooledJsonLayout layout = template(TRACE_TEMPLATE).setGcpProjectId("my-project").build();
        JsonNode line = LayoutTesting.encode(layout, event("trace_id", TRACE.toUpperCase(), "trace_flags", "00"));
        assertEquals("projects/my-project/traces/" + TRACE, line.get("gcp").asText());
        assertEquals(TRACE, line.get("trace").asText(), "upper-case hex is written lower-case");
        assertEquals(0, line.get("flags").asInt());
        assertFalse(line.get("sampled").asBoolean());
        assertFalse(line.has("span"));
    }

    @Test
    void inAnArrayAnAbsentOrInvalidValueIsNull() {
        String template = "{\"ids\":[" + resolver("traceContext", "\"field\":\"traceId\"") + ","
                + resolver("traceContext", "\"field\":\"spanId\"") + "," + resolver("traceContext", "\"field\":\"traceFlags\"") + ","
                + resolver("traceContext", "\"field\":\"traceFlags\",\"format\":\"hex\"") + ","
                + resolver("traceContext", "\"field\":\"sampled\"") + "]}";
        PooledJsonLayout layout = template(template).build();
        for (LogEvent event : List.of(event(), event("trace_id", "xyz", "span_id", "0000000000000000", "trace_flags", "zz"))) {
            JsonNode ids = LayoutTesting.encode(layout, event).get("ids");
            assertEquals(5, ids.size());
            ids.forEach(id -> assertTrue(id.isNull(), ids.toString()));
        }
    }

    @Test
    void idsAreNeverCutAtMaxStringLength() {
        PooledJsonLayout layout = template(TRACE_TEMPLATE).setGcpProjectId("my-project").setMaxStringLength(8).build();
        JsonNode line = LayoutTesting.encode(layout, event("trace_id", TRACE, "span_id", SPAN, "trace_flags", "01"));
        assertEquals(TRACE, line.get("trace").asText(), "a cut id is refused by the backends");
        assertEquals(SPAN, line.get("span").asText());
        assertEquals("projects/my-project/traces/" + TRACE, line.get("gcp").asText());
    }

    @Test
    void configuredKeys() {
        PooledJsonLayout layout = template(TRACE_TEMPLATE).setTraceIdKey("traceId").setSpanIdKey("spanId")
                .setTraceFlagsKey("traceFlags").build();
        JsonNode line = LayoutTesting.encode(layout, event("traceId", TRACE, "spanId", SPAN, "traceFlags", "03",
                "trace_id", "ffffffffffffffffffffffffffffffff"));
        assertEquals(TRACE, line.get("trace").asText());
        assertEquals(SPAN, line.get("span").asText());
        assertEquals(3, line.get("flags").asInt());
        assertTrue(line.get("sampled").asBoolean());
    }

    @Test
    void absentKeysWriteNothing() {
        PooledJsonLayout layout = template(TRACE_TEMPLATE).build();
        JsonNode line = LayoutTesting.encode(layout, event("user", "alice"));
        assertEquals(List.of(), Json.keys(line));
        JsonNode noContext = LayoutTesting.encode(layout, event());
        assertEquals(List.of(), Json.keys(noContext));
    }

    @Test
    void invalidValuesAreLeftOut() {
        PooledJsonLayout layout = template(TRACE_TEMPLATE).build();
        String[][] invalid = {
            {"trace_id", TRACE.substring(1), "span_id", SPAN + "0", "trace_flags", "1"},
            {"trace_id", "0af7651916cd43dd8448eb211c80319g", "span_id", "b7ad6b716920333x", "trace_flags", "0x"},
            {"trace_id", "00000000000000000000000000000000", "span_id", "0000000000000000", "trace_flags", "001"},
            {"trace_id", "0af7651916cd43dd8448eb211c８０319c", "span_id", "", "trace_flags", ""},
        };
        for (String[] context : invalid) {
            JsonNode line = LayoutTesting.encode(layout, event(context));
            assertEquals(List.of(), Json.keys(line), String.join(",", context));
        }
        SortedArrayStringMap objects = new SortedArrayStringMap();
        objects.putValue("trace_id", new StringBuilder(TRACE));
        objects.putValue("span_id", 42L);
        LogEvent builderValue = EventCorpus.base().setMessage(new SimpleMessage("x")).setContextData(objects).build();
        JsonNode line = LayoutTesting.encode(layout, builderValue);
        assertEquals(List.of("trace", "gcp"), Json.keys(line), "any CharSequence is text; a number is not an id");
    }

    @Test
    void traceContextOptionErrors() {
        IllegalArgumentException field = assertThrows(IllegalArgumentException.class,
                () -> template("{\"a\":" + resolver("traceContext", "\"field\":\"trace_id\"") + "}").build());
        assertEquals("PooledJsonLayout: template eventTemplate, at $.a: resolver \"traceContext\", option \"field\" is"
                + " \"trace_id\"; expected one of traceId, spanId, traceFlags, sampled", field.getMessage());
        IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
                () -> template("{\"a\":" + resolver("traceContext", "") + "}").build());
        assertTrue(missing.getMessage().contains("option \"field\" is required"), missing.getMessage());
        IllegalArgumentException gcpOnSpan = assertThrows(IllegalArgumentException.class,
                () -> template("{\"a\":" + resolver("traceContext", "\"field\":\"spanId\",\"gcpTrace\":true") + "}").build());
        assertTrue(gcpOnSpan.getMessage().contains("option \"gcpTrace\" applies to \"field\": \"traceId\" only"),
                gcpOnSpan.getMessage());
        IllegalArgumentException gcpNotBoolean = assertThrows(IllegalArgumentException.class,
                () -> template("{\"a\":" + resolver("traceContext", "\"field\":\"traceId\",\"gcpTrace\":\"yes\"") + "}").build());
        assertTrue(gcpNotBoolean.getMessage().contains("option \"gcpTrace\" must be true or false"), gcpNotBoolean.getMessage());
    }

    @Test
    void nothingIsAllocatedPerEvent() {
        String template = "{\"service\":" + resolver("layoutAttribute", "\"name\":\"serviceName\"")
                + ",\"env\":" + resolver("layoutAttribute", "\"name\":\"serviceEnvironment\"") + ","
                + TRACE_TEMPLATE.substring(1);
        PooledJsonLayout layout = template(template).setServiceName("shop").setServiceEnvironment("prod")
                .setGcpProjectId("my-project").build();
        MutableLogEvent event = AllocationMeter.event();
        event.setMessage(new SimpleMessage("hello"));
        SortedArrayStringMap context = new SortedArrayStringMap();
        context.putValue("trace_id", TRACE);
        context.putValue("span_id", SPAN);
        context.putValue("trace_flags", "01");
        event.setContextData(context);
        assertEquals(0, AllocationMeter.bytesPerEvent(layout, event), "with trace context");
        event.setContextData(new SortedArrayStringMap());
        assertEquals(0, AllocationMeter.bytesPerEvent(layout, event), "without");
    }
}
