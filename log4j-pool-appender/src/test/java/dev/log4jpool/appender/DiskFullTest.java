package dev.log4jpool.appender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A disk that fills up and empties again, for real: a 2 MiB tmpfs. The write that meets the full
 * disk is partial (the kernel takes what fits in the file's last page), the next ones fail; then
 * the space comes back. Every event must then be either a whole, valid line or counted as lost,
 * the fragment must stay alone on its line, and the count of lost events must be exact.
 */
class DiskFullTest {
    private static final String PADDING = "p".repeat(230);

    @TempDir
    Path dir;

    private static LoggerContext start(Path file, String attributes, String layoutXml) {
        return TestContexts.start("diskfull", TestContexts.config("<PooledFile name=\"file\" fileName=\""
                + TestContexts.xmlPath(file) + "\" " + attributes + ">" + layoutXml + "</PooledFile>"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "bufferMode=\"LINE\"",
        "bufferMode=\"BLOCK\" bufferSize=\"1000\"",
        "bufferMode=\"NONE\"",
        "bufferMode=\"LINE\" async=\"true\"",
        "bufferMode=\"BLOCK\" bufferSize=\"1000\" async=\"true\"",
        "bufferMode=\"NONE\" async=\"true\""})
    void fragmentStaysAloneAndLostEventsAreCounted(String attributes) throws Exception {
        assertDiskFullRecovery(attributes, StressLayout.PATTERN_XML);
    }

    @Test
    void pooledJsonLayoutToo() throws Exception {
        assertDiskFullRecovery("bufferMode=\"BLOCK\" bufferSize=\"1000\"", StressLayout.XML);
    }

    private void assertDiskFullRecovery(String attributes, String layoutXml) throws Exception {
        try (SmallTmpfs disk = SmallTmpfs.mount(dir, "disk", "2m"); StatusCapture status = StatusCapture.start()) {
            Path file = disk.root.resolve("app.log");
            LoggerContext context = start(file, attributes, layoutXml);
            PooledFileAppender appender = TestContexts.appender(context, "file");
            appender.setHandler(new RecordingErrorHandler());
            boolean async = appender.isAsync();
            Logger logger = context.getLogger("t");
            int seq = 0;
            try {
                seq = log(logger, seq, 100);
                settle(appender, seq);
                disk.fill();
                seq = log(logger, seq, 300); // about 75 KB: the first fill the last page, the rest fail
                settle(appender, seq);
                assertTrue(appender.stats().writeErrors() > 0, "the disk was full: " + appender.stats());
                disk.free();
                seq = log(logger, seq, 100);
                settle(appender, seq);
            } finally {
                TestContexts.stop(context);
            }
            int calls = seq;

            List<Long> written = new ArrayList<>();
            List<String> fragments = new ArrayList<>();
            for (String line : LogLines.read(file)) {
                long parsed = seqOf(line);
                if (parsed >= 0) {
                    written.add(parsed);
                } else {
                    fragments.add(line);
                }
            }
            String eventStart = layoutXml.equals(StressLayout.XML) ? "{\"@timestamp\":" : "{\"seq\":";
            for (String fragment : fragments) {
                assertEquals(1, occurrences(fragment, eventStart), "a fragment glued to an event: " + fragment);
            }
            assertTrue(fragments.size() <= 1, "one partial write, one fragment: " + fragments);
            for (int i = 1; i < written.size(); i++) {
                assertTrue(written.get(i) > written.get(i - 1), "in order: " + written);
            }
            for (long s = calls - 100; s < calls; s++) {
                assertTrue(written.contains(s), "event " + s + ", logged after the space came back, is in the file ("
                        + attributes + "): " + fragments);
            }
            assertTrue(written.size() < calls, "some events were lost to the full disk");
            long lost = calls - written.size();
            assertEquals(lost, appender.stats().eventsLost(), attributes + " " + appender.stats());
            List<String> recovered = status.containing("works again");
            assertEquals(1, recovered.size(), status.messages.toString());
            assertTrue(recovered.get(0).contains("; " + lost + " events were lost"), recovered.get(0) + " lost=" + lost);
            assertTrue(LogLines.endsWithNewline(file));
            assertFalse(async && appender.stats().eventsWritten() != calls, "every event reached the writer");
        }
    }

    /** /dev/full takes nothing: every event is lost, and the messages count events, not bytes. */
    @Test
    void devFullCountsEventsNotBytes() {
        Path devFull = Path.of("/dev/full");
        Assumptions.assumeTrue(Files.isWritable(devFull), "needs /dev/full");
        for (String attributes : new String[] {"bufferMode=\"LINE\"", "bufferMode=\"BLOCK\" bufferSize=\"1000\""}) {
            LoggerContext context = start(devFull, attributes, StressLayout.PATTERN_XML);
            PooledFileAppender appender = TestContexts.appender(context, "file");
            RecordingErrorHandler handler = new RecordingErrorHandler();
            appender.setHandler(handler);
            try {
                log(context.getLogger("t"), 0, 10);
            } finally {
                TestContexts.stop(context);
            }
            assertEquals(10, appender.stats().eventsLost(), attributes);
            String first = handler.causes.get(0).getMessage();
            // 249-byte events: four fill the 1000-byte block, the fifth makes it write.
            assertTrue(first.contains(attributes.contains("LINE") ? "(1 event lost" : "(4 events lost"), first);
            assertFalse(first.contains("bytes"), first);
        }
    }

    private static int log(Logger logger, int from, int count) {
        for (int i = from; i < from + count; i++) {
            logger.info("{\"seq\":{},\"pad\":\"{}\"}", i, PADDING);
        }
        return from + count;
    }

    /** Waits until the async writer has taken every event, then writes the block out (errors are expected). */
    private static void settle(PooledFileAppender appender, int calls) throws InterruptedException {
        if (appender.isAsync()) {
            FaultTest.waitUntil(() -> appender.stats().eventsWritten() == calls);
        }
        try {
            appender.getManager().flush();
        } catch (RuntimeException expectedWhileFull) {
            // counted by the manager like any failed write
        }
    }

    private static long seqOf(String line) {
        try {
            return LogLines.payload(line).get("seq").asLong();
        } catch (RuntimeException | AssertionError notAnEvent) {
            return -1;
        }
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
