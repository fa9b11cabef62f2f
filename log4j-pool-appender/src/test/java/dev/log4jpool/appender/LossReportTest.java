package dev.log4jpool.appender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileInputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The numbers in the status messages about lost and dropped events are the numbers of events that were lost. */
class LossReportTest {
    @TempDir
    Path dir;

    private static LoggerContext start(Path file, String attributes) {
        return TestContexts.start("loss", TestContexts.config("<PooledFile name=\"file\" fileName=\""
                + TestContexts.xmlPath(file) + "\" " + attributes + "><PatternLayout pattern=\"%m%n\"/></PooledFile>"));
    }

    /**
     * A stop that times out on a hung write (a FIFO nobody reads) reports how many events were not
     * written, and that is what the reader of the FIFO finds missing. Before the fix the count was
     * taken from the Disruptor's sequence, which moves only at the end of a batch, and included the
     * events already written in the batch that hung.
     */
    @Test
    void stopTimeoutCountsTheEventsThatWereNotWritten() throws Exception {
        Path fifo = dir.resolve("stalled.fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        Assumptions.assumeTrue(mkfifo.waitFor() == 0, "needs mkfifo");
        int calls = 2000;
        String line = "y".repeat(200); // 201 bytes with the newline: one write, never split in a pipe
        try (RandomAccessFile holder = new RandomAccessFile(fifo.toFile(), "rw");
                StatusCapture status = StatusCapture.start()) {
            LoggerContext context = start(fifo, "bufferMode=\"LINE\" async=\"true\" ringSize=\"4096\"");
            PooledFileAppender appender = TestContexts.appender(context, "file");
            appender.setHandler(new RecordingErrorHandler());
            Logger logger = context.getLogger("t");
            for (int i = 0; i < calls; i++) {
                logger.info(line); // 400 KB: far more than a pipe holds
            }
            FaultTest.waitUntil(() -> appender.stats().eventsWritten() > 0);
            Thread.sleep(200); // let the writer fill the pipe and hang
            boolean clean = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> appender.stop(1, TimeUnit.SECONDS));
            assertFalse(clean);
            long inPipe;
            try (FileInputStream reader = new FileInputStream(fifo.toFile())) {
                inPipe = reader.available();
            }
            assertEquals(0, inPipe % (line.length() + 1), "whole lines in the pipe");
            long written = inPipe / (line.length() + 1);
            assertTrue(written > 0 && written < calls, "written: " + written);
            List<String> reports = status.containing("stop timed out");
            assertEquals(1, reports.size(), status.messages.toString());
            assertEquals(calls - written, notWrittenIn(reports.get(0)), reports.get(0) + "; in the pipe: " + written);
            context.stop();
        }
    }

    /** The count in the stop message: "N events were not written" (before the fix: "with N events still in the ring"). */
    private static long notWrittenIn(String message) {
        Matcher matcher = Pattern.compile("(\\d+) events were not written|with (\\d+) events still in the ring").matcher(message);
        assertTrue(matcher.find(), message);
        return Long.parseLong(matcher.group(1) != null ? matcher.group(1) : matcher.group(2));
    }

    /**
     * A burst of drops shorter than the one-second warning interval: the warnings and the final report
     * at stop give the true totals, which are the events that are not in the file.
     */
    @Test
    void dropWarningsReportTrueTotals() throws Exception {
        Path file = dir.resolve("drops.log");
        try (StatusCapture status = StatusCapture.start()) {
            LoggerContext context = start(file, "bufferMode=\"BLOCK\" async=\"true\" ringSize=\"4\" queueFullPolicy=\"Drop\"");
            PooledFileAppender appender = TestContexts.appender(context, "file");
            Logger logger = context.getLogger("t");
            int calls = 0;
            try {
                long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
                while (System.nanoTime() < end || appender.stats().eventsDropped() < 1000) {
                    logger.info("event {}", calls++);
                }
                Thread.sleep(1100);
                // The writer reports the burst's total when it next empties the ring, a second later.
                logger.info("event {}", calls++);
                int all = calls;
                FaultTest.waitUntil(() -> appender.stats().eventsWritten() + appender.stats().eventsDropped() == all);
            } finally {
                TestContexts.stop(context);
            }
            long dropped = appender.stats().eventsDropped();
            long lines = LogLines.read(file).size();
            assertEquals(calls, lines + dropped, "every event is written or counted as dropped");
            List<String> warnings = status.containing("since the last warning");
            assertTrue(warnings.size() >= 2, "the first drop, then the burst's total: " + warnings);
            String last = warnings.get(warnings.size() - 1);
            assertTrue(last.endsWith(", " + dropped + " in all"), last + " dropped=" + dropped);
            List<String> finals = status.containing("events were dropped in all");
            assertEquals(1, finals.size(), status.messages.toString());
            assertTrue(finals.get(0).contains("; " + dropped + " events were dropped in all"), finals.get(0));
        }
    }

    /** The warning about a deleted file names the file once and has no trailing "null". */
    @Test
    void deleteWarningNamesTheFileOnce() throws Exception {
        Path file = dir.resolve("deleted.log");
        try (StatusCapture status = StatusCapture.start()) {
            LoggerContext context = start(file, "bufferMode=\"LINE\"");
            try {
                Logger logger = context.getLogger("t");
                logger.info("before");
                Files.delete(file);
                Thread.sleep(1100);
                logger.info("after");
            } finally {
                TestContexts.stop(context);
            }
            List<String> warnings = status.containing("was removed or replaced");
            assertEquals(1, warnings.size(), status.messages.toString());
            String warning = warnings.get(0);
            assertEquals(warning.indexOf(file.toString()), warning.lastIndexOf(file.toString()), warning);
            assertFalse(warning.contains("null"), warning);
            assertEquals("PooledFile: " + file + " was removed or replaced while open; reopening it", warning);
        }
    }
}
