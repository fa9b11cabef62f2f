package dev.log4jpool.appender;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kill -9} of a JVM logging in {@code LINE} mode: every line in the file but the last is
 * complete JSON, in order. Each event reaches the kernel in one {@code write}; Linux may still stop
 * a write to a regular file between two pages when a fatal signal is pending, so the kill may leave
 * the last line partial (rare: see {@code KillRoundsTest} for how often), never an earlier one.
 */
class KillTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"bufferMode=\"LINE\"", "bufferMode=\"LINE\" async=\"true\"", "immediateFlush=\"true\""})
    void everyLineIsCompleteAfterKill9(String attributes) throws Exception {
        Path file = dir.resolve("killed.log");
        Path config = dir.resolve("log4j2.xml");
        Files.writeString(config, TestContexts.config("<PooledFile name=\"file\" fileName=\"" + TestContexts.xmlPath(file)
                + "\" " + attributes + ">" + StressLayout.XML + "</PooledFile>"));
        Process child = ChildJvm.start(config, dir.resolve("child.out"), List.of(), "forever");
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!Files.exists(file) || Files.size(file) < 2_000_000) {
                assertTrue(child.isAlive(), () -> "child died: " + read(dir.resolve("child.out")));
                assertTrue(System.nanoTime() < deadline, "the child did not write 2 MB in 60 s");
                Thread.sleep(10);
            }
        } finally {
            child.destroyForcibly(); // SIGKILL on POSIX systems
            child.waitFor(30, TimeUnit.SECONDS);
        }
        List<String> lines = LogLines.read(file);
        if (!LogLines.endsWithNewline(file)) {
            lines = lines.subList(0, lines.size() - 1); // the write the kill cut, as the README says
        }
        assertTrue(lines.size() > 5_000, "lines: " + lines.size());
        long expected = 0;
        for (String line : lines) {
            long seq = LogLines.payload(line).get("seq").asLong();
            assertTrue(seq == expected, "line " + expected + " has seq " + seq);
            expected++;
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (java.io.IOException e) {
            return e.toString();
        }
    }
}
