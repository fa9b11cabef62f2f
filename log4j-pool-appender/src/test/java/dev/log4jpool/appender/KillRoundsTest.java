package dev.log4jpool.appender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Rounds of {@code kill -9} on one file: a child JVM appends to it, is killed at an arbitrary moment,
 * and the next round's child opens the same file again. Whatever a kill leaves at the end of the file
 * (a partial line, when it cut a write), the next child must start on a new line: every line is then
 * either a whole event or a fragment standing alone, never a fragment glued to an event.
 *
 * <p>{@code LINE} with events larger than the block (3 KB and a 1 KiB block; 295 KB and the default
 * 256 KiB block): the cases where kills left partial lines before each event went to the file in
 * one write. The number of kills that left one is written to {@code target/kill-rounds.txt}. {@code BLOCK}: blocks are
 * written up to their last whole event, so a kill leaves a partial line only when it cuts a write;
 * that is rare, so in this mode the test also cuts the file's last line when the kill did not (what a
 * kill in the middle of a write leaves), to check the next open every round.
 */
class KillRoundsTest {
    /**
     * Rounds per run; {@code -Dlog4jpool.test.killRounds=N} for a measurement, and
     * {@code -Dlog4jpool.test.killCase=TEXT} to run only the cases whose attributes and padding contain it.
     */
    private static final int ROUNDS = Integer.getInteger("log4jpool.test.killRounds", 12);

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
        "'bufferMode=\"LINE\" bufferSize=\"1024\"', 3000, false",
        "'bufferMode=\"LINE\" bufferSize=\"1024\" async=\"true\"', 3000, false",
        "'bufferMode=\"LINE\"', 295000, false",
        "'bufferMode=\"BLOCK\" bufferSize=\"4000\"', 300, true"})
    void aKilledWriterNeverGluesTheNextEventToAPartialLine(String attributes, int padding, boolean cutWhole)
            throws Exception {
        String only = System.getProperty("log4jpool.test.killCase", "");
        Assumptions.assumeTrue((attributes + " " + padding).contains(only),
                () -> "-Dlog4jpool.test.killCase=" + only + " selects another case");
        Path file = dir.resolve("killed.log");
        Path config = dir.resolve("log4j2.xml");
        Files.writeString(config, TestContexts.config("<PooledFile name=\"file\" fileName=\"" + TestContexts.xmlPath(file)
                + "\" " + attributes + "><PooledJsonLayout maxStringLength=\"1000000\"/></PooledFile>"));
        int killsThatLeftAPartialLine = 0;
        int cutByTheTest = 0;
        for (int round = 0; round < ROUNDS; round++) {
            long startSize = Files.exists(file) ? Files.size(file) : 0;
            killAfterGrowth(config, file, padding, startSize + Math.max(300_000, 10L * padding));
            if (!LogLines.endsWithNewline(file)) {
                killsThatLeftAPartialLine++;
            } else if (cutWhole) {
                cutLastLine(file);
                cutByTheTest++;
            }
        }
        record(attributes + " events of " + padding + " B", killsThatLeftAPartialLine);
        List<String> lines = LogLines.read(file);
        int fragments = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int starts = occurrences(line, "{\"@timestamp\":");
            assertEquals(1, starts, "line " + i + " holds " + starts + " event starts (glued): " + abbreviate(line));
            if (!isEvent(line)) {
                fragments++;
            }
        }
        assertTrue(fragments <= killsThatLeftAPartialLine + cutByTheTest,
                fragments + " partial lines from " + killsThatLeftAPartialLine + " kills that cut a write and "
                        + cutByTheTest + " cut by the test");
    }

    /** Starts a child that logs forever and kills it (SIGKILL) once the file has reached {@code size} bytes. */
    private void killAfterGrowth(Path config, Path file, int padding, long size) throws Exception {
        Process child = ChildJvm.start(config, dir.resolve("child.out"), List.of(), "forever", String.valueOf(padding));
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!Files.exists(file) || Files.size(file) < size) {
                assertTrue(child.isAlive(), () -> "child died: " + read(dir.resolve("child.out")));
                assertTrue(System.nanoTime() < deadline, "the child did not write in 120 s");
                Thread.sleep(5);
            }
        } finally {
            child.destroyForcibly(); // SIGKILL on POSIX systems
            child.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Cuts the file in the middle of its last line, as a kill in the middle of a write does. */
    private static void cutLastLine(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() - 100);
        }
    }

    private static boolean isEvent(String line) {
        try {
            LogLines.payload(line).get("seq").asLong();
            return true;
        } catch (AssertionError | RuntimeException notWhole) {
            return false;
        }
    }

    /** Keeps the measurement where a person can read it: target/kill-rounds.txt. */
    private static void record(String attributes, int partial) throws IOException {
        Files.writeString(Path.of("target", "kill-rounds.txt"), attributes + ": " + partial + " of " + ROUNDS
                + " kills left a partial line\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    private static String abbreviate(String line) {
        return line.length() <= 300 ? line : line.substring(0, 150) + " … " + line.substring(line.length() - 150);
    }

    private static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            return e.toString();
        }
    }
}
