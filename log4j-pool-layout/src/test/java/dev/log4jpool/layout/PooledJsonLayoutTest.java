package dev.log4jpool.layout;

import static dev.log4jpool.layout.LayoutTesting.builder;
import static dev.log4jpool.layout.LayoutTesting.encode;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.impl.MutableLogEvent;
import org.apache.logging.log4j.core.util.KeyValuePair;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.apache.logging.log4j.message.StringMapMessage;
import org.junit.jupiter.api.Test;

class PooledJsonLayoutTest {
    private final PooledJsonLayout layout = builder().build();

    @Test
    void writesTheBaseFieldsInOrder() {
        MutableLogEvent event = Events.event("order placed");
        JsonNode json = encode(layout, event);
        assertEquals(List.of("@timestamp", "level", "logger", "thread", "message"), Json.keys(json));
        assertEquals("2026-11-23T10:15:30.123Z", json.get("@timestamp").asText());
        assertEquals("INFO", json.get("level").asText());
        assertEquals("shop.Orders", json.get("logger").asText());
        assertEquals("main", json.get("thread").asText());
        assertEquals("order placed", json.get("message").asText());
    }

    @Test
    void endsEveryEventWithANewlineAndNothingElse() {
        String text = LayoutTesting.encodeToText(layout, Events.event("a"));
        assertTrue(text.endsWith("}\n"), text);
        assertEquals(1, text.chars().filter(c -> c == '\n').count());
    }

    @Test
    void formatsParameterizedMessages() {
        JsonNode json = encode(layout, Events.event(new ParameterizedMessage("{} + {} = {}", 1, 2.5, "3.5")));
        assertEquals("1 + 2.5 = 3.5", json.get("message").asText());
    }

    @Test
    void writesTimestampsInEveryFormatAndZone() {
        MutableLogEvent event = Events.event("t");
        Events.setTime(event, 1_795_428_930L, 123_456_789);
        assertEquals("2026-11-23T10:15:30.123Z", timestamp("ISO_MILLIS", "UTC", event));
        assertEquals("2026-11-23T10:15:30.123456Z", timestamp("ISO_MICROS", "UTC", event));
        assertEquals("2026-11-23T10:15:30.123456789Z", timestamp("iso-nanos", "UTC", event));
        assertEquals("1795428930123", timestamp("EPOCH_MILLIS", "UTC", event));
        assertEquals("1795428930123456789", timestamp("EPOCH_NANOS", "UTC", event));
        // Winter and summer time in Paris, and a fixed offset.
        assertEquals("2026-11-23T11:15:30.123+01:00", timestamp("ISO_MILLIS", "Europe/Paris", event));
        Events.setTime(event, 1_784_801_730L, 5_000_000); // 2026-07-23T10:15:30.005Z
        assertEquals("2026-07-23T12:15:30.005+02:00", timestamp("ISO_MILLIS", "Europe/Paris", event));
        assertEquals("2026-07-23T04:45:30.005-05:30", timestamp("ISO_MILLIS", "-05:30", event));
    }

    @Test
    void timestampsAgreeWithJavaTimeAcrossYearsAndDaylightSavingChanges() {
        PooledJsonLayout paris = builder().setTimeZone("Europe/Paris").setTimestampFormat("ISO_NANOS").build();
        java.time.format.DateTimeFormatter iso = new java.time.format.DateTimeFormatterBuilder()
                .appendPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSSSSS").appendOffsetId().toFormatter();
        MutableLogEvent event = Events.event("t");
        java.util.Random random = new java.util.Random(42);
        long second = -2_000_000_000L; // 1906
        for (int i = 0; i < 5_000; i++) {
            second += random.nextInt(1_000_000);
            int nanos = random.nextInt(1_000_000_000);
            Events.setTime(event, second, nanos);
            String expected = java.time.Instant.ofEpochSecond(second, nanos).atZone(java.time.ZoneId.of("Europe/Paris")).format(iso);
            assertEquals(expected, encode(paris, event).get("@timestamp").asText(), "at " + second);
        }
    }

    private static String timestamp(String format, String zone, MutableLogEvent event) {
        return encode(builder().setTimestampFormat(format).setTimeZone(zone).build(), event).get("@timestamp").asText();
    }

    @Test
    void epochTimestampsAreNumbers() {
        JsonNode json = encode(builder().setTimestampFormat("EPOCH_MILLIS").build(), Events.event("t"));
        assertTrue(json.get("@timestamp").isIntegralNumber());
        assertEquals(Events.EPOCH_MILLIS, json.get("@timestamp").asLong());
    }

    @Test
    void renamesAndLeavesOutBaseFields() {
        PooledJsonLayout renamed = builder().setTimestampKey("ts").setLevelKey("severity").setLoggerKey("")
                .setThreadKey("").setMessageKey("msg").build();
        JsonNode json = encode(renamed, Events.event("hello"));
        assertEquals(List.of("ts", "severity", "msg"), Json.keys(json));
        assertEquals("hello", json.get("msg").asText());
        assertEquals("INFO", json.get("severity").asText());
    }

    @Test
    void writesCustomLevels() {
        Level notice = Level.forName("NOTICE_PJL", 350);
        MutableLogEvent event = Events.event("x");
        event.setLevel(notice);
        assertEquals("NOTICE_PJL", encode(layout, event).get("level").asText());
    }

    @Test
    void flattensTheThreadContextAtTheRootByDefault() {
        JsonNode json = encode(layout, Events.withContext(Events.event("m"), "requestId", "r-1", "user", "alice"));
        assertEquals(List.of("@timestamp", "level", "logger", "thread", "message", "requestId", "user"), Json.keys(json));
        assertEquals("r-1", json.get("requestId").asText());
        assertEquals("alice", json.get("user").asText());
    }

    @Test
    void nestsTheThreadContextUnderAKey() {
        PooledJsonLayout nested = builder().setContextDataKey("mdc").build();
        JsonNode json = encode(nested, Events.withContext(Events.event("m"), "requestId", "r-1", "level", "x"));
        assertEquals("r-1", json.get("mdc").get("requestId").asText());
        assertEquals("x", json.get("mdc").get("level").asText(), "no collision inside the nested object");
        assertFalse(encode(nested, Events.event("m")).has("mdc"), "no empty object without context");
    }

    @Test
    void filtersTheThreadContext() {
        MutableLogEvent event = Events.withContext(Events.event("m"), "a", "1", "b", "2", "c", "3");
        JsonNode included = encode(builder().setContextDataIncludes("a, c").setContextDataExcludes("c").build(), event);
        assertTrue(included.has("a"));
        assertFalse(included.has("b"));
        assertFalse(included.has("c"));
        JsonNode excluded = encode(builder().setContextDataExcludes("b").build(), event);
        assertTrue(excluded.has("a") && excluded.has("c") && !excluded.has("b"));
        JsonNode none = encode(builder().setIncludeContextData(false).build(), event);
        assertFalse(none.has("a"));
        JsonNode nestedFiltered = encode(builder().setContextDataKey("ctx").setContextDataIncludes("zzz").build(), event);
        assertFalse(nestedFiltered.has("ctx"));
    }

    @Test
    void writesMapMessageEntriesWithTheirTypes() {
        StringMapMessage strings = new StringMapMessage().with("orderId", "42").with("customer", "alice");
        JsonNode json = encode(layout, Events.event(strings));
        assertFalse(json.has("message"), "a MapMessage's text is its entries");
        assertEquals("42", json.get("orderId").textValue());
        assertEquals("alice", json.get("customer").textValue());

        org.apache.logging.log4j.message.MapMessage<?, Object> typed = new org.apache.logging.log4j.message.MapMessage<>();
        typed.with("count", 7).with("ratio", 0.25).with("ok", true).with("name", "n").with("big", 12345678901L);
        JsonNode typedJson = encode(layout, Events.event(typed));
        assertTrue(typedJson.get("count").isIntegralNumber());
        assertEquals(7, typedJson.get("count").asInt());
        assertEquals(0.25, typedJson.get("ratio").asDouble());
        assertTrue(typedJson.get("ok").isBoolean());
        assertEquals("n", typedJson.get("name").textValue());
        assertEquals(12345678901L, typedJson.get("big").asLong());
    }

    @Test
    void writesAdditionalFieldsLast() {
        PooledJsonLayout withFields = builder().setAdditionalFields(
                new KeyValuePair("service", "shop"), new KeyValuePair("env", "prod \"eu\"")).build();
        JsonNode json = encode(withFields, Events.withContext(Events.event("m"), "k", "v"));
        List<String> keys = Json.keys(json);
        assertEquals(List.of("service", "env"), keys.subList(keys.size() - 2, keys.size()));
        assertEquals("shop", json.get("service").asText());
        assertEquals("prod \"eu\"", json.get("env").asText());
    }

    @Test
    void writesTheLocationWhenAsked() {
        PooledJsonLayout located = builder().setLocationInfo(true).build();
        assertTrue(located.requiresLocation());
        MutableLogEvent event = Events.event("m");
        event.setSource(new StackTraceElement("shop.Orders", "place", "Orders.java", 42));
        JsonNode source = encode(located, event).get("source");
        assertEquals("shop.Orders", source.get("class").asText());
        assertEquals("place", source.get("method").asText());
        assertEquals("Orders.java", source.get("file").asText());
        assertEquals(42, source.get("line").asInt());
        assertFalse(encode(layout, event).has("source"), "off by default");
        assertFalse(layout.requiresLocation());
        assertFalse(builder().setLocationInfo(true).setSourceKey("").build().requiresLocation(), "nothing to write it to");
    }

    @Test
    void usesTheConfiguredDelimiter() {
        PooledJsonLayout crlf = builder().setEventDelimiter("\\r\\n").build();
        assertTrue(crlf.toSerializable(Events.event("m")).endsWith("}\r\n"));
        PooledJsonLayout none = builder().setEventDelimiter("").build();
        assertTrue(none.toSerializable(Events.event("m")).endsWith("}"));
    }

    @Test
    void escapesNonAsciiForAsciiCompatibleCharsets() {
        PooledJsonLayout latin1 = builder().setCharset("ISO-8859-1").build();
        assertEquals(StandardCharsets.ISO_8859_1, latin1.getCharset());
        MutableLogEvent event = Events.event("café 😀 \uD800");
        CapturingDestination destination = new CapturingDestination();
        latin1.encode(event, destination);
        String text = destination.text(StandardCharsets.US_ASCII);
        assertTrue(text.contains("caf\\u00e9 \\ud83d\\ude00 \\ufffd"), text);
        assertEquals("café 😀 \uFFFD", Json.parse(text.trim()).get("message").asText());
        assertArrayEquals(destination.bytes(), latin1.toByteArray(event));
    }

    @Test
    void encodeAgreesWithToByteArrayThroughTinyAndDirectBuffers() {
        MutableLogEvent event = Events.withContext(Events.event("héllo wörld 😀 ✓"), "k", "ü");
        byte[] expected = layout.toByteArray(event);
        for (ByteBuffer buffer : new ByteBuffer[] {ByteBuffer.allocate(4), ByteBuffer.allocate(5),
                ByteBuffer.allocateDirect(7), ByteBuffer.allocate(1), ByteBuffer.allocate(8192)}) {
            CapturingDestination destination = new CapturingDestination(buffer);
            layout.encode(event, destination);
            assertArrayEquals(expected, destination.bytes(), "through " + buffer);
        }
    }

    @Test
    void describesItsContentType() {
        assertEquals("application/json; charset=UTF-8", layout.getContentType());
    }
}
