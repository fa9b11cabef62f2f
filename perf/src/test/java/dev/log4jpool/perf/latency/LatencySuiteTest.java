package dev.log4jpool.perf.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.log4jpool.perf.report.SvgText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The suite end to end, with windows far too short to measure anything (a smoke run): each point in
 * a child JVM, the file's lines counted against the calls, every scheduled call in the response
 * histogram, the outputs written. Nothing here asserts a speed.
 */
class LatencySuiteTest {
    private static final String[] SHORT = {"--quick", "--warmup", "0.3", "--measure", "0.5", "--threads", "1"};

    /** Runs the suite with its log files on tmpfs where there is one, and checks it deleted them. */
    private static JsonNode run(Path dir, String... args) throws Exception {
        Path shm = Path.of("/dev/shm");
        Path logs = Files.isDirectory(shm) && Files.isWritable(shm) ? Files.createTempDirectory(shm, "latency-test")
                : Files.createDirectories(dir.resolve("logs"));
        try {
            String[] all = Stream.concat(Stream.of(SHORT), Stream.of(args)).toArray(String[]::new);
            all = Stream.concat(Stream.of(all), Stream.of("--results", dir.toString(), "--dir", logs.toString(), "--name", "t"))
                    .toArray(String[]::new);
            assertEquals(0, LatencySuite.run(all), "the suite reported a failed point");
            try (Stream<Path> left = Files.list(logs)) {
                assertEquals(List.of(), left.toList(), "the log files were not deleted");
            }
        } finally {
            Files.deleteIfExists(logs);
        }
        try (Stream<Path> files = Files.list(dir)) {
            Path json = files.filter(f -> f.getFileName().toString().matches("t-\\d{4}-\\d\\d-\\d\\d\\.json")).findFirst()
                    .orElseThrow();
            return new ObjectMapper().readTree(json.toFile());
        }
    }

    @Test
    void eachSetupRunsInItsOwnJvmAndWritesALinePerCall(@TempDir Path dir) throws Exception {
        JsonNode suite = run(dir, "--setups", "pooled-sync,all-async-pooled,raf-jtl", "--rates", "20k");
        JsonNode points = suite.path("points");
        assertEquals(3, points.size());
        for (JsonNode p : points) {
            assertTrue(p.path("linesMatch").asBoolean(), p.toString());
            assertEquals(p.path("calls").asLong(), p.path("lines").asLong());
            // every scheduled call is in the response histogram, made or not
            assertEquals(p.path("scheduled").asLong(), p.path("responseNanos").path("count").asLong());
            assertEquals(p.path("issued").asLong(), p.path("serviceNanos").path("count").asLong());
            assertTrue(p.path("scheduled").asLong() >= 9_000, "20k/s for 0.5 s: " + p.path("scheduled"));
            JsonNode r = p.path("responseNanos");
            assertTrue(r.path("p50").asLong() <= r.path("p99").asLong() && r.path("p99").asLong() <= r.path("max").asLong());
            assertTrue(p.path("jvmArgs").toString().contains("-Xmx1g"));
        }
        assertTrue(points.get(1).path("jvmArgs").toString().contains("AsyncLoggerContextSelector"));
        assertEquals("all-async loggers + PooledFile", points.get(1).path("name").asText());
        for (String file : List.of("t-latest.md", "t-latest-percentiles.svg", "t-latest-rates.svg")) {
            assertTrue(Files.size(dir.resolve(file)) > 0, file);
        }
        String svg = Files.readString(dir.resolve("t-latest-rates.svg"));
        assertEquals(List.of(), SvgText.overlaps(svg));
    }

    /**
     * A rate no setup can hold: the calls the thread never got to make still count, each with the
     * time it had waited when the window closed, so the setup cannot look better for falling behind.
     */
    @Test
    void aSetupThatFallsBehindIsChargedForTheCallsItNeverMade(@TempDir Path dir) throws Exception {
        JsonNode p = run(dir, "--setups", "pooled-sync", "--rates", "50M").path("points").get(0);
        long scheduled = p.path("scheduled").asLong();
        assertTrue(Math.abs(scheduled - 25_000_000) < 250_000, "50M/s for 0.5 s: " + scheduled);
        assertTrue(p.path("held").asDouble() < 0.99, "held " + p.path("held"));
        assertEquals(scheduled, p.path("responseNanos").path("count").asLong());
        assertTrue(p.path("responseNanos").path("max").asLong() > 250_000_000L, p.path("responseNanos").toString());
        assertTrue(p.path("linesMatch").asBoolean());
    }
}
