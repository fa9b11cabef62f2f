package dev.log4jpool.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.protobuf.ByteString;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.util.JsonFormat;
import dev.log4jpool.message.StructuredMessage;
import io.opentelemetry.proto.common.v1.AnyValue;
import io.opentelemetry.proto.common.v1.KeyValue;
import io.opentelemetry.proto.logs.v1.LogRecord;
import io.opentelemetry.proto.logs.v1.LogsData;
import io.opentelemetry.proto.logs.v1.ResourceLogs;
import io.opentelemetry.proto.logs.v1.ScopeLogs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.impl.MutableLogEvent;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.util.SortedArrayStringMap;
import org.junit.jupiter.api.Test;

/**
 * The OTEL schema ({@code schema="OTEL"}, {@code log4jpool-otel.json}) checked against the peer that
 * defines OTLP/JSON: every line of a corpus parses with protobuf's {@code JsonFormat} parser (strict:
 * an unknown field fails) into OpenTelemetry's {@code LogsData}, after the one conversion OTLP/JSON
 * asks of a proto3 JSON reader (trace and span ids from hex to base64), and the parsed values are
 * those of the event: times, severity, body, every attribute with its type, the trace context, the
 * resource. Garbage-free without an exception.
 */
class OtelSchemaTest {
    private static final String TRACE = "0af7651916cd43dd8448eb211c80319c";
    private static final String SPAN = "b7ad6b7169203331";
    private static final String SCHEMA_URL = "https://opentelemetry.io/schemas/1.44.0";

    private static final Level VERBOSE = Level.forName("OTEL_TEST_VERBOSE", 550);
    private static final Level CRITICAL = Level.forName("OTEL_TEST_CRITICAL", 50);
    private static final Level NOTICE_LOW = Level.forName("OTEL_TEST_NOTICE_LOW", 399);
    private static final Level NOTICE_HIGH = Level.forName("OTEL_TEST_NOTICE_HIGH", 301);

    /** OTLP severity numbers expected per level name: the standard ones from the OpenTelemetry log data model's ranges. */
    private static final Map<String, Integer> SEVERITY = Map.ofEntries(
            Map.entry("ALL", 1), Map.entry("TRACE", 1), Map.entry("DEBUG", 5), Map.entry("INFO", 9),
            Map.entry("WARN", 13), Map.entry("ERROR", 17), Map.entry("FATAL", 21), Map.entry("OFF", 24),
            Map.entry("NOTICE", 11), Map.entry("OTEL_TEST_VERBOSE", 3), Map.entry("OTEL_TEST_CRITICAL", 23),
            Map.entry("OTEL_TEST_NOTICE_LOW", 10), Map.entry("OTEL_TEST_NOTICE_HIGH", 12));

    private static PooledJsonLayout.Builder otel() {
        return PooledJsonLayout.newBuilder().setConfiguration(TemplateParity.CONFIGURATION).setSchema("OTEL");
    }

    /** The shared corpus and the OTLP cases: trace context, typed fields of every type, collisions, text edge cases. */
    static List<EventCorpus.Named> corpus() {
        // StructuredMessage.of reuses the thread's instance: these are frozen (memento) and the shared
        // corpus, whose structured event is not, is made last
        List<EventCorpus.Named> events = new ArrayList<>();
        events.add(named("trace context", EventCorpus.base().setMessage(new SimpleMessage("traced"))
                .setContextData(EventCorpus.context("trace_id", TRACE, "span_id", SPAN, "trace_flags", "01",
                        "requestId", "r-1"))));
        events.add(named("trace context, upper case, not sampled", EventCorpus.base().setMessage(new SimpleMessage("traced"))
                .setContextData(EventCorpus.context("trace_id", TRACE.toUpperCase(), "span_id", SPAN.toUpperCase(),
                        "trace_flags", "00"))));
        events.add(named("trace context, invalid ids", EventCorpus.base().setMessage(new SimpleMessage("bad ids"))
                .setContextData(EventCorpus.context("trace_id", "not-hex", "span_id", "00000000000000000",
                        "trace_flags", "x"))));
        events.add(named("structured, every type", EventCorpus.base().setMessage(StructuredMessage.of("typed")
                .with("long", 42L).with("int", -7).with("min", Long.MIN_VALUE).with("max", Long.MAX_VALUE)
                .with("double", 9.99).with("small", 1.0E-10).with("big", 1.0E300).with("negativeZero", -0.0)
                .with("nan", Double.NaN).with("infinity", Double.NEGATIVE_INFINITY)
                .with("yes", true).with("no", false).with("text", "A-1 \"quoted\" ünïcödé 😀")
                .with("builder", new StringBuilder("from a builder")).with("nothing", (String) null)
                .with("boxed", (Object) Integer.valueOf(3)).with("boxedDouble", (Object) Float.valueOf(0.5f)).memento())));
        events.add(named("structured with MDC and trace", EventCorpus.base()
                .setMessage(StructuredMessage.of("order {} placed").with("orderId", 42L).with("requestId", "from-fields").memento())
                .setContextData(EventCorpus.context("requestId", "from-mdc", "thread.name", "an MDC key",
                        "trace_id", TRACE, "span_id", SPAN, "trace_flags", "01"))));
        events.add(named("structured, null message", EventCorpus.base().setMessage(StructuredMessage.of(null).with("k", 1L).memento())));
        SortedArrayStringMap typedContext = new SortedArrayStringMap();
        typedContext.putValue("count", 3);
        typedContext.putValue("ratio", 0.25);
        typedContext.putValue("flag", Boolean.TRUE);
        typedContext.putValue("big", new java.math.BigDecimal("12345678901234567890.5"));
        typedContext.putValue("nothing", null);
        events.add(named("typed context values", EventCorpus.base().setMessage(new SimpleMessage("typed context"))
                .setContextData(typedContext)));
        events.add(named("exception with cause, suppressed and location", EventCorpus.base().setLevel(Level.ERROR)
                .setMessage(new ParameterizedMessage("order {} failed", 42)).setThrown(EventCorpus.exception())
                .setSource(new StackTraceElement("shop.Orders", "place", "Orders.java", 42))));
        events.add(named("location without file or line", EventCorpus.base().setMessage(new SimpleMessage("native"))
                .setSource(new StackTraceElement("shop.Native", "call", null, -2))));
        events.add(named("nested exception class", EventCorpus.base().setLevel(Level.WARN).setMessage(new SimpleMessage("x"))
                .setThrown(new Nested.Failure("inner"))));
        events.add(named("unicode edge cases", EventCorpus.base()
                .setMessage(new SimpleMessage("lone \uD800 high, lone \uDC00 low, pair 😀, sep \u2028\u2029, nul \u0000, del \u007F"))
                .setContextData(EventCorpus.context("k\uD800", "v\uDC00", "emoji😀", "\u0000\u001F", "", "empty key"))));
        for (Level level : new Level[] {VERBOSE, CRITICAL, NOTICE_LOW, NOTICE_HIGH, Level.INFO, Level.ERROR}) {
            events.add(named("level " + level, EventCorpus.base().setLevel(level).setMessage(new SimpleMessage("level"))));
        }
        List<EventCorpus.Named> all = new ArrayList<>(EventCorpus.all());
        all.addAll(events);
        return all;
    }

    private static EventCorpus.Named named(String name, org.apache.logging.log4j.core.impl.Log4jLogEvent.Builder event) {
        return new EventCorpus.Named(name, event.build());
    }

    static final class Nested {
        static final class Failure extends IllegalStateException {
            private static final long serialVersionUID = 1L;

            Failure(String message) {
                super(message);
            }
        }
    }

    @Test
    void everyLineIsLogsDataWithTheEventsValues() {
        PooledJsonLayout layout = otel().setServiceName("shop").setServiceVersion("1.2.3").setServiceEnvironment("production")
                .setLocationInfo(true).build();
        List<String> failures = new ArrayList<>();
        for (EventCorpus.Named named : corpus()) {
            try {
                String line = LayoutTesting.encodeToText(layout, named.event).strip();
                LogsData data = parseStrictly(line);
                checkResource(data, Map.of("service.name", "shop", "service.version", "1.2.3",
                        "deployment.environment.name", "production"));
                checkRecord(named.event, data, true, true);
                checkIntegersAreStrings(line);
            } catch (AssertionError | RuntimeException failure) {
                failures.add(named.name + ": " + failure.getMessage());
            }
        }
        // the shared schema corpus too, each event checked as soon as it is made (its structured
        // messages are the thread's reusable one)
        for (Map.Entry<String, java.util.function.Supplier<LogEvent>> named : SchemaCorpus.events().entrySet()) {
            try {
                LogEvent event = named.getValue().get();
                LogsData data = parseStrictly(LayoutTesting.encodeToText(layout, event).strip());
                checkRecord(event, data, true, true);
            } catch (AssertionError | RuntimeException failure) {
                failures.add("schema corpus, " + named.getKey() + ": " + failure.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " events:\n" + String.join("\n", failures));
        }
    }

    /** The lines of the schema corpus as they were reviewed (regenerate with -Dschemas.regenerate=true, then read the diff). */
    @Test
    void goldenLines() {
        SchemaCorpus.assertGolden("otel", SchemaCorpus.layout("OTEL", builder -> builder));
    }

    /**
     * Beyond parsing: each line is the proto3 JSON that {@code JsonFormat} itself prints for the
     * parsed {@code LogsData} (integers as OTLP asks: enums as numbers; ids back in hex), member for
     * member; what the printer adds are only the fields at their default, which proto3 JSON may leave
     * out. So {@code "intValue":"42"}, the times as strings and the value members are the canonical forms.
     */
    @Test
    void linesAreWhatJsonFormatPrints() throws Exception {
        PooledJsonLayout layout = otel().setServiceName("shop").setLocationInfo(true).build();
        JsonFormat.Printer printer = JsonFormat.printer().printingEnumsAsInts().alwaysPrintFieldsWithNoPresence();
        List<String> failures = new ArrayList<>();
        for (EventCorpus.Named named : corpus()) {
            String line = LayoutTesting.encodeToText(layout, named.event).strip();
            JsonNode printed = Json.parse(printer.print(parseStrictly(line)));
            for (JsonNode resourceLogs : printed.path("resourceLogs")) {
                for (JsonNode scopeLogs : resourceLogs.path("scopeLogs")) {
                    for (JsonNode record : scopeLogs.path("logRecords")) {
                        base64ToHex((ObjectNode) record, "traceId");
                        base64ToHex((ObjectNode) record, "spanId");
                    }
                }
            }
            String difference = subsetDifference(Json.parse(line), printed, "$");
            if (difference != null) {
                failures.add(named.name + ": " + difference + "\n  ours:    " + line + "\n  printed: " + printed);
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " events:\n" + String.join("\n", failures));
        }
    }

    private static void base64ToHex(ObjectNode record, String field) {
        String base64 = record.path(field).asText();
        record.put(field, HexFormat.of().formatHex(Base64.getDecoder().decode(base64)));
    }

    /**
     * Where {@code ours} differs from {@code printed}, or {@code null}: every member of ours has the
     * printed value (numbers compared by value: JsonFormat reads {@code -0.0} as {@code 0.0}), and
     * every member only the printer wrote is a default (0, "", false, an empty array or object).
     */
    private static String subsetDifference(JsonNode ours, JsonNode printed, String path) {
        if (ours.isObject()) {
            if (!printed.isObject()) {
                return path + ": an object, printed " + printed;
            }
            for (java.util.Iterator<Map.Entry<String, JsonNode>> members = ours.fields(); members.hasNext(); ) {
                Map.Entry<String, JsonNode> member = members.next();
                JsonNode other = printed.get(member.getKey());
                if (other == null) {
                    return path + "." + member.getKey() + ": not printed";
                }
                String difference = subsetDifference(member.getValue(), other, path + "." + member.getKey());
                if (difference != null) {
                    return difference;
                }
            }
            for (java.util.Iterator<Map.Entry<String, JsonNode>> members = printed.fields(); members.hasNext(); ) {
                Map.Entry<String, JsonNode> member = members.next();
                if (!ours.has(member.getKey()) && !isDefault(member.getValue())) {
                    return path + "." + member.getKey() + ": printed " + member.getValue() + ", not in our line";
                }
            }
            return null;
        }
        if (ours.isArray()) {
            if (!printed.isArray() || printed.size() != ours.size()) {
                return path + ": " + ours.size() + " elements, printed " + printed;
            }
            for (int i = 0; i < ours.size(); i++) {
                String difference = subsetDifference(ours.get(i), printed.get(i), path + "[" + i + "]");
                if (difference != null) {
                    return difference;
                }
            }
            return null;
        }
        if (ours.isNumber() && printed.isNumber()) {
            return ours.decimalValue().compareTo(printed.decimalValue()) == 0 ? null : path + ": " + ours + ", printed " + printed;
        }
        return ours.equals(printed) ? null : path + ": " + ours + ", printed " + printed;
    }

    private static boolean isDefault(JsonNode value) {
        return value.isNumber() && value.asDouble() == 0 || value.isTextual() && (value.asText().isEmpty() || value.asText().equals("0"))
                || value.isBoolean() && !value.booleanValue() || value.isContainerNode() && value.isEmpty();
    }

    @Test
    void defaultsWithoutLocationNorStackTraces() {
        PooledJsonLayout layout = otel().setStackTraceEnabled(false).build();
        List<String> failures = new ArrayList<>();
        for (EventCorpus.Named named : corpus()) {
            try {
                LogsData data = parseStrictly(LayoutTesting.encodeToText(layout, named.event).strip());
                checkResource(data, Map.of("service.name", "unknown_service:java"));
                checkRecord(named.event, data, false, false);
            } catch (AssertionError | RuntimeException failure) {
                failures.add(named.name + ": " + failure.getMessage());
            }
        }
        if (!failures.isEmpty()) {
            fail(failures.size() + " events:\n" + String.join("\n", failures));
        }
    }

    /** Strings cut at {@code maxStringLength} (keys, values, the body, the trace) stay valid: numbers and ids are never cut. */
    @Test
    void stringsPastMaxStringLengthStillParse() {
        PooledJsonLayout layout = otel().setServiceName("a-service-name-longer-than-forty-characters-x").setMaxStringLength(40)
                .setLocationInfo(true).build();
        for (EventCorpus.Named named : corpus()) {
            String line = LayoutTesting.encodeToText(layout, named.event).strip();
            LogRecord record = parseStrictly(line).getResourceLogs(0).getScopeLogs(0).getLogRecords(0);
            assertEquals(SEVERITY.get(named.event.getLevel().name()).intValue(), record.getSeverityNumberValue(), named.name);
            for (KeyValue attribute : record.getAttributesList()) {
                assertTrue(attribute.getKey().length() <= 41, named.name + ": " + attribute.getKey());
                assertTrue(attribute.getValue().getStringValue().length() <= 41, named.name + ": " + attribute);
            }
            assertTrue(record.getBody().getStringValue().length() <= 41, named.name);
        }
    }

    @Test
    void configuredTraceKeysAreReadAndLeftOutOfTheAttributes() {
        PooledJsonLayout layout = otel().setTraceIdKey("traceId").setSpanIdKey("spanId").setTraceFlagsKey("traceFlags").build();
        LogEvent event = EventCorpus.base().setMessage(new SimpleMessage("custom keys"))
                .setContextData(EventCorpus.context("traceId", TRACE, "spanId", SPAN, "traceFlags", "01",
                        "trace_id", "kept: not a configured key")).build();
        LogRecord record = parseStrictly(LayoutTesting.encodeToText(layout, event).strip())
                .getResourceLogs(0).getScopeLogs(0).getLogRecords(0);
        assertEquals(ByteString.copyFrom(HexFormat.of().parseHex(TRACE)), record.getTraceId());
        assertEquals(ByteString.copyFrom(HexFormat.of().parseHex(SPAN)), record.getSpanId());
        assertEquals(1, record.getFlags());
        Map<String, AnyValue> attributes = attributes(record.getAttributesList());
        assertFalse(attributes.containsKey("traceId"));
        assertFalse(attributes.containsKey("spanId"));
        assertFalse(attributes.containsKey("traceFlags"));
        assertEquals("kept: not a configured key", attributes.get("trace_id").getStringValue());
    }

    @Test
    void attributePartsCanBeTurnedOff() {
        String template = "{\"attributes\":{\"$resolver\":\"otlpAttributes\",\"thread\":false,\"code\":false,"
                + "\"exception\":false,\"structured\":false,\"mdc\":false}}";
        PooledJsonLayout layout = PooledJsonLayout.newBuilder().setConfiguration(TemplateParity.CONFIGURATION)
                .setEventTemplate(template).setLocationInfo(true).build();
        LogEvent event = EventCorpus.base().setMessage(StructuredMessage.of("x").with("k", 1L))
                .setContextData(EventCorpus.context("a", "b")).setThrown(new IllegalStateException("boom"))
                .setSource(new StackTraceElement("C", "m", "C.java", 1)).build();
        assertEquals("{\"attributes\":[]}", LayoutTesting.encodeToText(layout, event).strip());
    }

    @Test
    void severityNumbersFollowTheIntLevelRanges() {
        for (Level level : Level.values()) {
            Integer expected = SEVERITY.get(level.name());
            if (expected != null) {
                assertEquals(expected.intValue(), OtlpResolvers.severityNumber(level), level.name());
            }
        }
        // Every intLevel maps into 1–24, never less severe for a more severe level.
        int previous = 24;
        for (int intLevel = 0; intLevel <= 700; intLevel++) {
            int number = OtlpResolvers.severityNumber(Level.forName("OTEL_TEST_" + intLevel, intLevel));
            assertTrue(number >= 1 && number <= 24, intLevel + ": " + number);
            assertTrue(number <= previous, intLevel + ": " + number + " after " + previous);
            previous = number;
        }
    }

    @Test
    void timesBeyondTheSignedRangeAndBeforeTheEpoch() {
        String template = "{\"t\":{\"$resolver\":\"otlpUnixNanos\"}}";
        PooledJsonLayout layout = PooledJsonLayout.newBuilder().setConfiguration(TemplateParity.CONFIGURATION)
                .setEventTemplate(template).build();
        assertEquals("{\"t\":\"0\"}", time(layout, -1, 999_999_999));
        assertEquals("{\"t\":\"9223372037000000001\"}", time(layout, 9_223_372_037L, 1)); // 2262: past Long.MAX_VALUE
        assertEquals("{\"t\":\"18446744072999999999\"}", time(layout, 18_446_744_072L, 999_999_999));
        assertEquals("{\"t\":\"18446744073709551615\"}", time(layout, 18_446_744_073L, 0));
    }

    private static String time(PooledJsonLayout layout, long second, int nanos) {
        org.apache.logging.log4j.core.time.MutableInstant instant = new org.apache.logging.log4j.core.time.MutableInstant();
        instant.initFromEpochSecond(second, nanos);
        LogEvent event = EventCorpus.base().setInstant(instant).setMessage(new SimpleMessage("t")).build();
        return LayoutTesting.encodeToText(layout, event).strip();
    }

    @Test
    void garbageFree() {
        PooledJsonLayout layout = otel().setServiceName("shop").setServiceVersion("1.2.3").setServiceEnvironment("production").build();
        Message[] messages = {new SimpleMessage("order placed"), new ParameterizedMessage("order {} costs {}", 42L, 9.99),
            StructuredMessage.of("order placed").with("orderId", 42L).with("amount", 9.99).with("paid", true)
                    .with("sku", "A-1")};
        for (Message message : messages) {
            MutableLogEvent event = AllocationMeter.event();
            SortedArrayStringMap context = new SortedArrayStringMap();
            context.putValue("requestId", "r-1");
            context.putValue("trace_id", TRACE);
            context.putValue("span_id", SPAN);
            context.putValue("trace_flags", "01");
            event.setContextData(context);
            event.setMessage(message);
            assertEquals(0, AllocationMeter.bytesPerEvent(layout, event), message.getClass().getSimpleName() + ": bytes per event");
        }
    }

    // ---- parsing ----

    /**
     * The line as {@code JsonFormat} reads proto3 JSON, strictly, after OTLP/JSON's one difference:
     * {@code traceId} and {@code spanId} are hex there and base64 in proto3 JSON. The hex is checked
     * on the way (lower case, 32 or 16 digits).
     */
    static LogsData parseStrictly(String line) {
        JsonNode root = Json.parse(line);
        for (JsonNode resourceLogs : root.path("resourceLogs")) {
            for (JsonNode scopeLogs : resourceLogs.path("scopeLogs")) {
                for (JsonNode record : scopeLogs.path("logRecords")) {
                    hexToBase64((ObjectNode) record, "traceId", 32);
                    hexToBase64((ObjectNode) record, "spanId", 16);
                }
            }
        }
        LogsData.Builder data = LogsData.newBuilder();
        try {
            JsonFormat.parser().merge(root.toString(), data);
        } catch (InvalidProtocolBufferException invalid) {
            throw new AssertionError("not LogsData: " + invalid.getMessage() + "\n" + line, invalid);
        }
        return data.build();
    }

    private static void hexToBase64(ObjectNode record, String field, int digits) {
        JsonNode hex = record.get(field);
        if (hex == null) {
            return;
        }
        String text = hex.asText();
        assertTrue(text.matches("[0-9a-f]{" + digits + "}"), field + " is not " + digits + " lower-case hex digits: " + text);
        record.put(field, Base64.getEncoder().encodeToString(HexFormat.of().parseHex(text)));
    }

    /** proto3 JSON's int64 form, which JsonFormat prints: every intValue and time a string. */
    private static void checkIntegersAreStrings(String line) {
        JsonNode record = Json.parse(line).get("resourceLogs").get(0).get("scopeLogs").get(0).get("logRecords").get(0);
        assertTrue(record.get("timeUnixNano").isTextual(), "timeUnixNano");
        assertTrue(record.get("observedTimeUnixNano").isTextual(), "observedTimeUnixNano");
        assertTrue(record.get("severityNumber").isInt(), "severityNumber is the enum's number");
        for (JsonNode attribute : record.get("attributes")) {
            JsonNode value = attribute.get("value");
            if (value.has("intValue")) {
                assertTrue(value.get("intValue").isTextual(), attribute.toString());
            }
        }
    }

    // ---- the values ----

    private static void checkResource(LogsData data, Map<String, String> expected) {
        assertEquals(1, data.getResourceLogsCount());
        ResourceLogs resourceLogs = data.getResourceLogs(0);
        assertEquals(SCHEMA_URL, resourceLogs.getSchemaUrl());
        Map<String, AnyValue> attributes = attributes(resourceLogs.getResource().getAttributesList());
        assertEquals(expected.keySet(), attributes.keySet());
        expected.forEach((key, value) -> assertEquals(AnyValue.newBuilder().setStringValue(value).build(), attributes.get(key), key));
    }

    private static void checkRecord(LogEvent event, LogsData data, boolean location, boolean stackTraces) {
        assertEquals(1, data.getResourceLogs(0).getScopeLogsCount());
        ScopeLogs scopeLogs = data.getResourceLogs(0).getScopeLogs(0);
        assertEquals(SCHEMA_URL, scopeLogs.getSchemaUrl());
        assertEquals(event.getLoggerName(), scopeLogs.getScope().getName());
        assertEquals(1, scopeLogs.getLogRecordsCount());
        LogRecord record = scopeLogs.getLogRecords(0);

        long nanos = event.getInstant().getEpochSecond() * 1_000_000_000L + event.getInstant().getNanoOfSecond();
        assertEquals(nanos, record.getTimeUnixNano(), "timeUnixNano");
        assertEquals(nanos, record.getObservedTimeUnixNano(), "observedTimeUnixNano");
        Integer severity = SEVERITY.get(event.getLevel().name());
        assertEquals(severity.intValue(), record.getSeverityNumberValue(), "severityNumber of " + event.getLevel());
        assertEquals(event.getLevel().name(), record.getSeverityText());
        assertEquals(AnyValue.ValueCase.STRING_VALUE, record.getBody().getValueCase());
        assertEquals(expectedBody(event), record.getBody().getStringValue(), "body");

        String traceId = validHex(event, "trace_id", 32);
        String spanId = validHex(event, "span_id", 16);
        assertEquals(traceId == null ? ByteString.EMPTY : ByteString.copyFrom(HexFormat.of().parseHex(traceId)),
                record.getTraceId(), "traceId");
        assertEquals(spanId == null ? ByteString.EMPTY : ByteString.copyFrom(HexFormat.of().parseHex(spanId)),
                record.getSpanId(), "spanId");
        Object flags = event.getContextData().getValue("trace_flags");
        int expectedFlags = flags instanceof String && ((String) flags).matches("[0-9a-fA-F]{2}")
                ? Integer.parseInt((String) flags, 16) : 0;
        assertEquals(expectedFlags, record.getFlags(), "flags");

        Map<String, AnyValue> expected = expectedAttributes(event, location, stackTraces);
        Map<String, AnyValue> actual = attributes(record.getAttributesList());
        assertEquals(expected, actual, "attributes");
    }

    private static String validHex(LogEvent event, String key, int digits) {
        Object value = event.getContextData().getValue(key);
        if (!(value instanceof String) || !((String) value).matches("[0-9a-fA-F]{" + digits + "}")
                || ((String) value).matches("0+")) {
            return null;
        }
        return ((String) value).toLowerCase();
    }

    private static String expectedBody(LogEvent event) {
        Message message = event.getMessage();
        if (isStructured(message)) {
            String text = message.getFormattedMessage();
            int fields = text.lastIndexOf(" {");
            String part = fields < 0 ? "null" : text.substring(0, fields);
            return text.startsWith("{") ? "null" : part;
        }
        if (message instanceof CharSequence && ((CharSequence) message).length() == 0) {
            return ""; // SimpleMessage(null): its text is "null" but its chars are none, as JsonTemplateLayout writes it
        }
        return sanitized(message.getFormattedMessage());
    }

    /** What JSON can carry of a Java string: lone surrogates become U+FFFD (the layout's codec does that). */
    static String sanitized(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else if (Character.isSurrogate(c)) {
                out.append('\uFFFD');
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Attributes by key, failing on a repeated key (OpenTelemetry's attributes are a map). */
    static Map<String, AnyValue> attributes(List<KeyValue> list) {
        Map<String, AnyValue> map = new LinkedHashMap<>();
        for (KeyValue keyValue : list) {
            if (map.put(keyValue.getKey(), keyValue.getValue()) != null) {
                throw new AssertionError("attribute key " + keyValue.getKey() + " repeats in " + list);
            }
        }
        return map;
    }

    /** The attributes the event should have, in the schema's order, with the renames for repeated keys. */
    private static Map<String, AnyValue> expectedAttributes(LogEvent event, boolean location, boolean stackTraces) {
        Map<String, AnyValue> expected = new LinkedHashMap<>();
        put(expected, "thread.name", string(event.getThreadName()));
        put(expected, "thread.id", integer(event.getThreadId()));
        StackTraceElement source = event.getSource();
        if (location && source != null) {
            put(expected, "code.function.name", string(source.getClassName() + "." + source.getMethodName()));
            if (source.getFileName() != null) {
                put(expected, "code.file.path", string(source.getFileName()));
            }
            if (source.getLineNumber() > 0) {
                put(expected, "code.line.number", integer(source.getLineNumber()));
            }
        }
        Throwable thrown = event.getThrown();
        if (thrown != null) {
            put(expected, "exception.type", string(thrown.getClass().getName()));
            if (thrown.getMessage() != null) {
                put(expected, "exception.message", string(thrown.getMessage()));
            }
            if (stackTraces) {
                StringWriter trace = new StringWriter();
                thrown.printStackTrace(new PrintWriter(trace));
                put(expected, "exception.stacktrace", string(trace.toString()));
            }
        }
        if (isStructured(event.getMessage())) {
            structuredFields(event.getMessage(), expected);
        }
        String traceId = validHex(event, "trace_id", 32);
        String spanId = validHex(event, "span_id", 16);
        Object flags = event.getContextData().getValue("trace_flags");
        boolean validFlags = flags instanceof String && ((String) flags).matches("[0-9a-fA-F]{2}");
        event.getContextData().forEach((key, value) -> {
            // the trace context's entries that the record has in traceId, spanId, flags; invalid ones stay
            boolean inRecord = key.equals("trace_id") && traceId != null || key.equals("span_id") && spanId != null
                    || key.equals("trace_flags") && validFlags;
            if (!inRecord) {
                put(expected, sanitized(key), contextValue(value));
            }
        });
        return expected;
    }

    /** A key that is taken gets {@code _} prefixed until it is free, as the layout renames repeated names. */
    private static void put(Map<String, AnyValue> map, String key, AnyValue value) {
        String free = key;
        while (map.containsKey(free)) {
            free = "_" + free;
        }
        map.put(free, value);
    }

    /** The typed fields as the message's JSON carries them, read by Jackson (numbers by their JSON form). */
    @SuppressWarnings("deprecation") // getFormat: the structured message's identity, as the layout reads it
    private static boolean isStructured(Message message) {
        return message instanceof StructuredMessage || message.getFormat() == StructuredMessage.FORMAT;
    }

    private static void structuredFields(Message message, Map<String, AnyValue> expected) {
        String text = message.getFormattedMessage();
        JsonNode fields = Json.parse(text.substring(text.indexOf('{', text.startsWith("{") ? 0 : text.lastIndexOf(" {"))));
        fields.fields().forEachRemaining(field -> {
            JsonNode value = field.getValue();
            AnyValue any;
            if (value.isNull()) {
                any = AnyValue.getDefaultInstance();
            } else if (value.isBoolean()) {
                any = AnyValue.newBuilder().setBoolValue(value.booleanValue()).build();
            } else if (value.isIntegralNumber()) {
                any = integer(value.longValue());
            } else if (value.isNumber()) {
                // + 0.0: JsonFormat reads the line's -0.0 through BigDecimal, which has no negative zero
                any = AnyValue.newBuilder().setDoubleValue(value.doubleValue() + 0.0).build();
            } else {
                any = string(value.asText());
            }
            put(expected, sanitized(field.getKey()), any);
        });
    }

    private static AnyValue contextValue(Object value) {
        if (value == null) {
            return AnyValue.getDefaultInstance();
        }
        if (value instanceof Integer || value instanceof Long) {
            return integer(((Number) value).longValue());
        }
        if (value instanceof Double) {
            return AnyValue.newBuilder().setDoubleValue((Double) value).build();
        }
        if (value instanceof Boolean) {
            return AnyValue.newBuilder().setBoolValue((Boolean) value).build();
        }
        return string(sanitized(value.toString()));
    }

    private static AnyValue string(String value) {
        return AnyValue.newBuilder().setStringValue(sanitized(value)).build();
    }

    private static AnyValue integer(long value) {
        return AnyValue.newBuilder().setIntValue(value).build();
    }
}
