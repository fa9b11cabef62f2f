package dev.log4jpool.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs the demo on every bundled sample, in a child JVM each (some samples need system properties
 * set before Log4j starts, and the stdout sample writes to the process's own standard output), and
 * checks what came out: the line count against the events logged, every line parsed as JSON, and
 * the fields.
 */
class SamplesTest {
    private static final int EVENTS = 20_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The samples of the bundled schemas, checked by {@link #schemaSamplesWriteTheirSchema}. */
    private static final java.util.Set<Sample> SCHEMAS = java.util.EnumSet.of(Sample.ECS, Sample.GCP, Sample.GELF, Sample.LOGSTASH);

    @TempDir
    Path dir;

    static Stream<Arguments> everySchemaSampleWithTypedMessages() {
        List<Arguments> cases = new ArrayList<>();
        // Typed messages only: they exercise more of each schema; the layout module's schema tests
        // cover every kind of message field by field, this checks each sample's configuration end to end.
        for (Sample sample : SCHEMAS) {
            cases.add(Arguments.of(sample, "typed"));
        }
        return cases.stream();
    }

    /**
     * The schema samples: every event arrives (in the file, on standard output for GCP, at a GELF
     * TCP input this test runs for GELF) in its schema's own field names and types.
     */
    @ParameterizedTest(name = "{0} with {1} messages")
    @MethodSource("everySchemaSampleWithTypedMessages")
    void schemaSamplesWriteTheirSchema(Sample sample, String message) throws Exception {
        Path file = dir.resolve(sample.name + ".log");
        int events = 2_000;
        List<String> lines;
        Result result;
        if (sample == Sample.GELF) {
            try (GelfTcpInput input = new GelfTcpInput()) {
                result = runDemo(List.of("-Dgraylog.host=127.0.0.1", "-Dgraylog.port=" + input.port()), "--sample", sample.name,
                        "--events", String.valueOf(events), "--threads", "2", "--message", message, "--file", file.toString());
                lines = input.messages();
            }
        } else {
            result = runDemo(List.of(), "--sample", sample.name, "--events", String.valueOf(events), "--threads", "2",
                    "--message", message, "--file", file.toString());
            lines = sample == Sample.GCP ? result.output.lines().filter(l -> l.startsWith("{")).collect(Collectors.toList())
                    : Files.readAllLines(file, StandardCharsets.UTF_8);
        }
        assertEquals(0, result.exitCode, result::toString);
        assertEquals(events, lines.size(), () -> "one line per event:\n" + result);
        boolean typed = message.equals("typed");
        for (String line : lines) {
            JsonNode event = JSON.readTree(line);
            switch (sample) {
                case ECS:
                    assertEquals("INFO", event.path("log.level").asText(), line);
                    assertEquals("dev.log4jpool.demo.Orders", event.path("log.logger").asText(), line);
                    assertEquals("9.4.0", event.path("ecs.version").asText(), line);
                    assertEquals("demo", event.path("service.name").asText(), line);
                    assertEquals("demo.log", event.path("event.dataset").asText(), line);
                    assertTrue(event.path("process.thread.name").asText().startsWith("demo-"), line);
                    assertTrue(event.path("@timestamp").asText().endsWith("Z"), line);
                    break;
                case GCP:
                    assertEquals("INFO", event.path("severity").asText(), line);
                    assertEquals("dev.log4jpool.demo.Orders", event.path("logger").asText(), line);
                    assertTrue(event.path("time").asText().matches(".*T.*\\.\\d{9}Z"), line);
                    assertEquals("demo", event.path("serviceContext").path("service").asText(), line);
                    break;
                case GELF:
                    assertEquals("1.1", event.path("version").asText(), line);
                    assertFalse(event.path("host").asText().isEmpty() || event.path("host").asText().contains("${"), line);
                    assertEquals(6, event.path("level").asInt(), line);
                    assertTrue(event.path("timestamp").isNumber(), line);
                    assertEquals("dev.log4jpool.demo.Orders", event.path("_logger").asText(), line);
                    break;
                default:
                    assertEquals("INFO", event.path("level").asText(), line);
                    assertEquals(20000, event.path("level_value").asInt(), line);
                    assertEquals("1", event.path("@version").asText(), line);
                    assertEquals("dev.log4jpool.demo.Orders", event.path("logger_name").asText(), line);
                    break;
            }
            String text = event.path(sample == Sample.GELF ? "short_message" : "message").asText();
            if (typed) {
                assertEquals("order placed", text, line);
                String prefix = sample == Sample.GELF ? "_" : "";
                assertTrue(event.path(prefix + "orderId").isIntegralNumber(), line);
                assertTrue(event.path(prefix + "amount").isNumber(), line);
                assertTrue(sample == Sample.GELF ? event.path("_express").isTextual() : event.path("express").isBoolean(), line);
                assertTrue(event.path(prefix + "customer").isTextual(), line);
            } else {
                assertTrue(text.matches("user \\d+ bought [1-7] items"), line);
            }
        }
    }

    /** A GELF TCP input: accepts one connection and keeps every NUL-terminated message. */
    private static final class GelfTcpInput implements AutoCloseable {
        private final java.net.ServerSocket server = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        private final java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
        private final Thread reader = new Thread(this::read, "gelf-input");

        GelfTcpInput() throws java.io.IOException {
            reader.start();
        }

        int port() {
            return server.getLocalPort();
        }

        private void read() {
            try (java.net.Socket socket = server.accept(); java.io.InputStream in = socket.getInputStream()) {
                in.transferTo(received);
            } catch (java.io.IOException closed) {
                // the test is over
            }
        }

        /** The messages received until the sender closed the connection. */
        List<String> messages() throws InterruptedException {
            reader.join(TimeUnit.SECONDS.toMillis(30));
            String all = received.toString(StandardCharsets.UTF_8);
            assertTrue(all.isEmpty() || all.endsWith("\0"), "every message ends with NUL");
            List<String> messages = new ArrayList<>();
            for (String message : all.split("\0")) {
                if (!message.isEmpty()) {
                    messages.add(message);
                }
            }
            return messages;
        }

        @Override
        public void close() throws java.io.IOException {
            server.close();
        }
    }

    static Stream<Arguments> everySampleWithEveryMessageKind() {
        List<Arguments> cases = new ArrayList<>();
        for (Sample sample : Sample.values()) {
            if (SCHEMAS.contains(sample) || sample == Sample.OTEL) {
                continue; // their own field names: schemaSamplesWriteTheirSchema, otelSampleWritesOtlpLogsData
            }
            cases.add(Arguments.of(sample, "params"));
            cases.add(Arguments.of(sample, "typed"));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} with {1} messages")
    @MethodSource("everySampleWithEveryMessageKind")
    void everySampleLogsEveryEventAsJson(Sample sample, String message) throws Exception {
        Path file = dir.resolve(sample.name + ".log");
        Result result = runDemo("--sample", sample.name, "--events", String.valueOf(EVENTS), "--threads", "2",
                "--message", message, "--file", file.toString());
        assertEquals(0, result.exitCode, result::toString);

        List<String> lines = sample == Sample.STDOUT_JSON
                ? result.output.lines().filter(l -> l.startsWith("{")).collect(Collectors.toList())
                : sample == Sample.ROLLING ? rolledAndActiveLines(file)
                : Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(EVENTS, lines.size(), () -> "one line per event:\n" + result);
        int[] perThread = new int[2];
        for (String line : lines) {
            JsonNode event = JSON.readTree(line);
            assertEquals("INFO", event.path("level").asText(), line);
            assertEquals("dev.log4jpool.demo.Orders", event.path("logger").asText(), line);
            assertTrue(event.path("@timestamp").asText().endsWith("Z"), line);
            String thread = event.path("thread").asText();
            assertTrue(thread.startsWith("demo-"), line);
            perThread[Integer.parseInt(thread.substring(5))]++;
            if (message.equals("typed")) {
                assertEquals("order placed", event.path("message").asText(), line);
                assertTrue(event.path("orderId").isIntegralNumber(), line);
                assertTrue(event.path("amount").isNumber(), line);
                assertTrue(event.path("express").isBoolean(), line);
                assertTrue(event.path("customer").isTextual(), line);
            } else {
                assertTrue(event.path("message").asText().matches("user \\d+ bought [1-7] items"), line);
            }
        }
        assertEquals(EVENTS / 2, perThread[0]);
        assertEquals(EVENTS / 2, perThread[1]);
        assertTrue(result.output.contains("bytes per event"), result::toString);
        assertTrue(result.output.contains("events/s"), result::toString);
    }

    /**
     * The OTEL sample: one OTLP/JSON {@code LogsData} per line, with the resource from the sample's
     * attributes, the logger as the scope, and the typed fields as typed attributes (the layout
     * module's OtelSchemaTest parses lines into the OpenTelemetry proto classes; this checks the
     * sample's configuration end to end).
     */
    @ParameterizedTest(name = "otel with {0} messages")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"typed"}) // as for the other schemas
    void otelSampleWritesOtlpLogsData(String message) throws Exception {
        Path file = dir.resolve("otel.log");
        Result result = runDemo("--sample", "otel", "--events", String.valueOf(EVENTS), "--threads", "2",
                "--message", message, "--file", file.toString());
        assertEquals(0, result.exitCode, result::toString);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        assertEquals(EVENTS, lines.size(), () -> "one line per event:\n" + result);
        for (String line : lines) {
            JsonNode resourceLogs = JSON.readTree(line).path("resourceLogs");
            assertEquals(1, resourceLogs.size(), line);
            JsonNode resource = resourceLogs.get(0).path("resource").path("attributes");
            assertEquals("[{\"key\":\"service.name\",\"value\":{\"stringValue\":\"demo\"}},"
                    + "{\"key\":\"service.version\",\"value\":{\"stringValue\":\"1.0.0\"}}]", resource.toString(), line);
            JsonNode scopeLogs = resourceLogs.get(0).path("scopeLogs").get(0);
            assertEquals("dev.log4jpool.demo.Orders", scopeLogs.path("scope").path("name").asText(), line);
            JsonNode record = scopeLogs.path("logRecords").get(0);
            assertTrue(record.path("timeUnixNano").asText().matches("\\d{19}"), line);
            assertEquals(9, record.path("severityNumber").asInt(), line);
            assertEquals("INFO", record.path("severityText").asText(), line);
            java.util.Map<String, JsonNode> attributes = new java.util.HashMap<>();
            record.path("attributes").forEach(a -> attributes.put(a.path("key").asText(), a.path("value")));
            assertTrue(attributes.get("thread.name").path("stringValue").asText().startsWith("demo-"), line);
            if (message.equals("typed")) {
                assertEquals("order placed", record.path("body").path("stringValue").asText(), line);
                assertTrue(attributes.get("orderId").path("intValue").asText().matches("\\d+"), line);
                assertTrue(attributes.get("amount").path("doubleValue").isNumber(), line);
                assertTrue(attributes.get("express").path("boolValue").isBoolean(), line);
                assertTrue(attributes.get("customer").path("stringValue").isTextual(), line);
            } else {
                assertTrue(record.path("body").path("stringValue").asText().matches("user \\d+ bought [1-7] items"), line);
            }
        }
    }

    /** The rolling sample's lines: the gzipped rolled files' and the active file's; at least two rolled. */
    private static List<String> rolledAndActiveLines(Path file) throws java.io.IOException {
        List<String> lines = new ArrayList<>();
        int rolled = 0;
        try (Stream<Path> files = Files.list(file.getParent())) {
            for (Path rolledFile : (Iterable<Path>) files::iterator) {
                String name = rolledFile.getFileName().toString();
                if (name.startsWith(file.getFileName() + ".") && name.endsWith(".gz")) {
                    rolled++;
                    try (var in = new java.util.zip.GZIPInputStream(Files.newInputStream(rolledFile))) {
                        new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().forEach(lines::add);
                    }
                }
            }
        }
        assertTrue(rolled >= 2, "the demo's run rolled over and compressed: " + rolled + " .gz files");
        lines.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
        return lines;
    }

    @Test
    void badOptionsGetTheUsageAndExitStatusTwo() throws Exception {
        Result result = runDemo("--threads", "zero");
        assertEquals(2, result.exitCode, result::toString);
        assertTrue(result.errors.contains("--threads needs a whole number"), result::toString);
        assertTrue(result.errors.contains("usage: demo"), result::toString);
    }

    @Test
    void theDemoShowsTheFirstLinesOfTheFile() throws Exception {
        Path file = dir.resolve("shown.log");
        Result result = runDemo("--events", "1000", "--file", file.toString());
        assertEquals(0, result.exitCode, result::toString);
        String first = Files.readAllLines(file, StandardCharsets.UTF_8).get(0);
        assertTrue(result.output.contains("  " + first), result::toString);
        assertTrue(result.output.contains("pool default"), result::toString);
    }

    /** What the demo printed: {@code output} is standard output, {@code errors} standard error. */
    private record Result(int exitCode, String output, String errors) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout:\n" + tail(output) + "\n--- stderr:\n" + tail(errors);
        }
    }

    private Result runDemo(String... args) throws Exception {
        return runDemo(List.of(), args);
    }

    private Result runDemo(List<String> jvmOptions, String... args) throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", classPath, Demo.class.getName()));
        command.addAll(List.of(args));
        long id = System.nanoTime();
        Path output = dir.resolve("stdout-" + id + ".txt");
        Path errors = dir.resolve("stderr-" + id + ".txt");
        Process process = new ProcessBuilder(command)
                .redirectOutput(output.toFile())
                .redirectError(errors.toFile())
                .start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the demo did not finish in 3 minutes:\n" + Files.readString(errors));
        }
        return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8),
                Files.readString(errors, StandardCharsets.UTF_8));
    }

    private static String tail(String text) {
        return text.length() < 4000 ? text : text.substring(text.length() - 4000);
    }
}
