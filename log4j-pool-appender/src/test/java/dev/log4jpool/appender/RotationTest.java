package dev.log4jpool.appender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A log file deleted or renamed away (the way logrotate's default rotates) while PooledFile writes
 * in BLOCK mode, with a block size that is not a multiple of the event size: every line of the old
 * and the new file must be one whole event. Before the fix the block boundary split an event, its
 * head went to the old file and its tail started the new one ({@code pppp"}}).
 */
class RotationTest {
    private static final String PADDING = "p".repeat(230);

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
        "rename, bufferMode=\"BLOCK\" bufferSize=\"1000\"",
        "rename, bufferMode=\"BLOCK\" bufferSize=\"1000\" async=\"true\"",
        "delete, bufferMode=\"BLOCK\" bufferSize=\"1000\"",
        "delete, bufferMode=\"BLOCK\" bufferSize=\"1000\" async=\"true\"",
        "rename, bufferMode=\"BLOCK\" bufferSize=\"1000\" ringSize=\"64\" async=\"true\""})
    void noEventIsSplitAcrossTheOldAndTheNewFile(String how, String attributes) throws Exception {
        Path file = dir.resolve("app.log");
        Path rotated = dir.resolve("app.log.1");
        LoggerContext context = TestContexts.start("rotation", TestContexts.config("<PooledFile name=\"file\" fileName=\""
                + TestContexts.xmlPath(file) + "\" " + attributes + ">" + StressLayout.PATTERN_XML + "</PooledFile>"));
        int calls = 0;
        try {
            Logger logger = context.getLogger("t");
            calls = log(logger, calls, 1000);
            if (how.equals("rename")) {
                Files.move(file, rotated);
            } else {
                Files.delete(file);
            }
            Thread.sleep(1100); // the file is checked at most once a second
            calls = log(logger, calls, 1000);
        } finally {
            TestContexts.stop(context);
        }
        List<Long> seqs = new ArrayList<>();
        if (how.equals("rename")) {
            seqs.addAll(seqs(rotated));
        }
        List<Long> inNewFile = seqs(file);
        assertTrue(!inNewFile.isEmpty(), "the file was recreated");
        seqs.addAll(inNewFile);
        for (int i = 1; i < seqs.size(); i++) {
            assertEquals(seqs.get(i - 1) + 1, seqs.get(i), "events in order, none missing, at line " + i);
        }
        assertEquals(calls - 1, seqs.get(seqs.size() - 1));
        if (how.equals("rename")) {
            assertEquals(calls, seqs.size(), "every event in one of the two files");
        }
    }

    /** Every line of the file as an event's seq; fails on a line that is not a whole event. */
    private static List<Long> seqs(Path file) throws Exception {
        List<Long> seqs = new ArrayList<>();
        for (String line : LogLines.read(file)) {
            seqs.add(LogLines.parse(line).get("seq").asLong());
        }
        assertTrue(LogLines.endsWithNewline(file), file + " ends with a whole line");
        return seqs;
    }

    private static int log(Logger logger, int from, int count) {
        for (int i = from; i < from + count; i++) {
            logger.info("{\"seq\":{},\"pad\":\"{}\"}", i, PADDING);
        }
        return from + count;
    }
}
