package dev.log4jpool.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.time.MutableInstant;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.Test;

/**
 * The small resolvers of ours the bundled schemas use, in templates of one's own: options, errors,
 * edge values ({@code contextFields}, {@code epochSeconds}, {@code gcpSeverity},
 * {@code logstashLevelValue}, {@code sourceFunction}, {@code traceContext}'s hex flags).
 */
class SchemaResolversTest {

    private static PooledJsonLayout layout(String template, boolean location) {
        return PooledJsonLayout.newBuilder().setConfiguration(TemplateParity.CONFIGURATION).setLocationInfoEnabled(location)
                .setEventTemplate(template).build();
    }

    private static String text(String template, LogEvent event) {
        String line = LayoutTesting.encodeToText(layout(template, true), event);
        return line.substring(0, line.length() - 1);
    }

    private static LogEvent event(String... context) {
        return EventCorpus.base().setMessage(new SimpleMessage("x")).setContextData(EventCorpus.context(context)).build();
    }

    @Test
    void contextFieldsOptions() {
        LogEvent event = event("trace_id", SchemaCorpus.TRACE, "span_id", SchemaCorpus.SPAN, "trace_flags", "01", "a", "1",
                "b", "2");
        assertEquals("{\"c\":{\"a\":\"1\",\"b\":\"2\"}}", text("{\"c\":{\"$resolver\":\"contextFields\"}}", event));
        assertEquals("{\"a\":\"1\"}", text("{\"c\":{\"$resolver\":\"contextFields\",\"flatten\":true,\"excludes\":[\"b\"]}}", event));
        assertEquals("{\"p.b\":\"2\"}", text("{\"c\":{\"$resolver\":\"contextFields\",\"flatten\":{\"prefix\":\"p.\"},"
                + "\"excludes\":\"a\"}}", event));
        assertEquals("{\"c\":{\"a\":\"1\",\"b\":\"2\",\"span_id\":\"" + SchemaCorpus.SPAN + "\",\"trace_flags\":\"01\",\"trace_id\":\""
                + SchemaCorpus.TRACE + "\"}}", text("{\"c\":{\"$resolver\":\"contextFields\",\"excludeTraceContext\":false}}", event));
        assertEquals("{}", text("{\"c\":{\"$resolver\":\"contextFields\",\"excludes\":[\"a\",\"b\"]}}", event),
                "nothing left: the member is left out");
        assertEquals("{\"c\":{\"a\":\"1\",\"b\":\"2\"}}", text("{\"c\":{\"$resolver\":\"contextFields\","
                + "\"excludes\":[\"trace_id\",\"trace_id\",\"span_id\"]}}", event),
                "a key both excluded and a trace entry, or listed twice, is left out once: the rest stays");
        assertEquals("{\"c\":{\"a\":\"1\",\"b\":\"2\",\"trace_flags\":\"01\"}}", text("{\"c\":{\"$resolver\":\"contextFields\","
                + "\"excludeTraceContext\":[\"traceId\",\"spanId\"]}}", event), "only the fields the schema writes elsewhere");
        IllegalArgumentException wrongField = assertThrows(IllegalArgumentException.class,
                () -> layout("{\"c\":{\"$resolver\":\"contextFields\",\"excludeTraceContext\":[\"flags\"]}}", false));
        assertTrue(wrongField.getMessage().contains("excludeTraceContext"), wrongField.getMessage());
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> layout("{\"c\":{\"$resolver\":\"contextFields\",\"excludes\":[1]}}", false));
        assertTrue(error.getMessage().contains("option \"excludes\" must be a list of strings"), error.getMessage());
    }

    @Test
    void epochSeconds() {
        MutableInstant instant = new MutableInstant();
        instant.initFromEpochSecond(1_795_428_930L, 5_006_007);
        LogEvent event = EventCorpus.base().setInstant(instant).setMessage(new SimpleMessage("x")).build();
        assertEquals("{\"t\":1795428930.005}", text("{\"t\":{\"$resolver\":\"epochSeconds\"}}", event));
        assertEquals("{\"t\":1795428930}", text("{\"t\":{\"$resolver\":\"epochSeconds\",\"decimals\":0}}", event));
        assertEquals("{\"t\":1795428930.005006007}", text("{\"t\":{\"$resolver\":\"epochSeconds\",\"decimals\":9}}", event));
        instant.initFromEpochSecond(-1, 500_000_000);
        LogEvent before1970 = EventCorpus.base().setInstant(instant).setMessage(new SimpleMessage("x")).build();
        assertEquals("{\"t\":-0.500}", text("{\"t\":{\"$resolver\":\"epochSeconds\"}}", before1970), "half a second before 1970");
        assertEquals("{\"t\":0}", text("{\"t\":{\"$resolver\":\"epochSeconds\",\"decimals\":0}}", before1970), "cut toward zero");
        instant.initFromEpochSecond(-2, 250_000_000);
        LogEvent earlier = EventCorpus.base().setInstant(instant).setMessage(new SimpleMessage("x")).build();
        assertEquals("{\"t\":-1.750}", text("{\"t\":{\"$resolver\":\"epochSeconds\"}}", earlier));
        instant.initFromEpochSecond(0, 999_999_999);
        LogEvent late = EventCorpus.base().setInstant(instant).setMessage(new SimpleMessage("x")).build();
        assertEquals("{\"t\":0.999}", text("{\"t\":{\"$resolver\":\"epochSeconds\"}}", late), "cut, never rounded up a second");
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> layout("{\"t\":{\"$resolver\":\"epochSeconds\",\"decimals\":10}}", false));
        assertTrue(error.getMessage().contains("option \"decimals\" is 10; expected 0 to 9"), error.getMessage());
    }

    @Test
    void levelsForGcpAndLogstash() {
        String template = "{\"s\":{\"$resolver\":\"gcpSeverity\"},\"v\":{\"$resolver\":\"logstashLevelValue\"}}";
        Object[][] expected = {
            {Level.ALL, "DEBUG", Integer.MIN_VALUE}, {Level.TRACE, "DEBUG", 5000}, {Level.DEBUG, "DEBUG", 10000},
            {Level.INFO, "INFO", 20000}, {Level.WARN, "WARNING", 30000}, {Level.ERROR, "ERROR", 40000},
            {Level.FATAL, "EMERGENCY", 50000}, {Level.OFF, "EMERGENCY", Integer.MAX_VALUE},
            {Level.forName("NOTICE", 350), "WARNING", 30000}, {Level.forName("VERBOSE", 550), "DEBUG", 10000},
        };
        for (Object[] row : expected) {
            JsonNode line = Json.parse(text(template, EventCorpus.base().setLevel((Level) row[0])
                    .setMessage(new SimpleMessage("x")).build()));
            assertEquals(row[1], line.get("s").asText(), row[0].toString());
            assertEquals((int) row[2], line.get("v").asInt(), row[0].toString());
        }
    }

    @Test
    void sourceFunction() {
        String template = "{\"f\":{\"$resolver\":\"sourceFunction\"}}";
        LogEvent located = EventCorpus.base().setMessage(new SimpleMessage("x"))
                .setSource(new StackTraceElement("shop.Orders", "place", "Orders.java", 42)).build();
        assertEquals("{\"f\":\"shop.Orders.place\"}", text(template, located));
        assertEquals("{}", text(template, EventCorpus.base().setMessage(new SimpleMessage("x")).build()));
        assertEquals("{\"m\":\"x\"}", LayoutTesting.encodeToText(layout("{\"m\":{\"$resolver\":\"message\"},\"f\":"
                + "{\"$resolver\":\"sourceFunction\"}}", false), located).trim(), "removed without location");
    }

    @Test
    void hexTraceFlags() {
        String template = "{\"f\":{\"$resolver\":\"traceContext\",\"field\":\"traceFlags\",\"format\":\"hex\"}}";
        assertEquals("{\"f\":\"0a\"}", text(template, event("trace_flags", "0A")));
        assertEquals("{}", text(template, event("trace_flags", "1")));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> layout("{\"f\":{\"$resolver\":\"traceContext\",\"field\":\"traceId\",\"format\":\"hex\"}}", false));
        assertTrue(error.getMessage().contains("option \"format\" applies to \"field\": \"traceFlags\" only"), error.getMessage());
    }
}
