package dev.log4jpool.appender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Reads log files back: lines, and lines as JSON. */
final class LogLines {
    static final ObjectMapper JSON = new ObjectMapper();

    private LogLines() {}

    static List<String> read(Path file) throws IOException {
        return Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
    }

    static JsonNode parse(String line) {
        try {
            return JSON.readTree(line);
        } catch (JsonProcessingException e) {
            throw new AssertionError("Not a JSON line: " + line, e);
        }
    }

    /**
     * The test's own object in a line: the line itself with {@code %m%n}, or, with
     * PooledJsonLayout, its {@code message} field (whose text the test wrote as JSON), after checking
     * that the layout's base fields are there.
     */
    static JsonNode payload(String line) {
        JsonNode node = parse(line);
        JsonNode message = node.get("message");
        if (message == null || !message.isTextual()) {
            return node;
        }
        for (String key : new String[] {"@timestamp", "level", "logger", "thread"}) {
            if (!node.hasNonNull(key)) {
                throw new AssertionError("no " + key + " in " + line);
            }
        }
        return parse(message.asText());
    }

    /**
     * Checks a file of {@code {"thread":t,"seq":i,...}} events (see {@link #payload}): exactly {@code threads × perThread}
     * lines, each a JSON object, each thread's sequence numbers complete and in order.
     */
    static void assertCompleteAndOrdered(Path file, int threads, int perThread) throws IOException {
        int[] next = new int[threads];
        long lines = 0;
        try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            while ((line = reader.readLine()) != null) {
                lines++;
                JsonNode node = payload(line);
                int thread = node.get("thread").asInt();
                int seq = node.get("seq").asInt();
                if (seq != next[thread]) {
                    fail("line " + lines + ": thread " + thread + " wrote seq " + seq + " where " + next[thread]
                            + " was due: " + line);
                }
                next[thread]++;
            }
        }
        assertEquals((long) threads * perThread, lines, "lines in " + file);
        for (int t = 0; t < threads; t++) {
            assertEquals(perThread, next[t], "events of thread " + t);
        }
        assertTrue(Files.size(file) == 0 || endsWithNewline(file), "the file ends with a complete line");
    }

    static boolean endsWithNewline(Path file) throws IOException {
        try (var channel = Files.newByteChannel(file)) {
            if (channel.size() == 0) {
                return true;
            }
            channel.position(channel.size() - 1);
            java.nio.ByteBuffer last = java.nio.ByteBuffer.allocate(1);
            channel.read(last);
            return last.get(0) == '\n';
        }
    }
}
