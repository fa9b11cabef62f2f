package dev.log4jpool.appender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What reaches the file, and when, in each buffer mode; and the file's own attributes. */
class BufferModeTest {
    @TempDir
    Path dir;

    private LoggerContext start(Path file, String attributes) {
        return TestContexts.start("modes", TestContexts.config("<PooledFile name=\"file\" fileName=\""
                + TestContexts.xmlPath(file) + "\" " + attributes + "><PatternLayout pattern=\"%m%n\"/></PooledFile>"));
    }

    @Test
    void blockKeepsEventsUntilFullOrStop() throws IOException {
        Path file = dir.resolve("block.log");
        LoggerContext context = start(file, "bufferMode=\"BLOCK\" bufferSize=\"1000\"");
        Logger logger = context.getLogger("t");
        for (int i = 0; i < 10; i++) {
            logger.info("event {}", i); // 8 bytes each: stays in the block
        }
        assertEquals(0, Files.size(file), "nothing written before the block is full");
        for (int i = 10; i < 200; i++) {
            logger.info("event {}", i);
        }
        long written = Files.size(file);
        assertTrue(written >= 1000 && written % 1000 == 0, "whole blocks written when full: " + written);
        TestContexts.stop(context);
        List<String> lines = LogLines.read(file);
        assertEquals(200, lines.size());
        assertEquals("event 199", lines.get(199));
    }

    @Test
    void blockWritesAtEndOfBatch() throws IOException {
        Path file = dir.resolve("batch.log");
        LoggerContext context = start(file, "bufferMode=\"BLOCK\"");
        try {
            PooledFileAppender appender = TestContexts.appender(context, "file");
            appender.append(event("first", false));
            assertEquals(0, Files.size(file));
            appender.append(event("second", true));
            assertEquals(List.of("first", "second"), LogLines.read(file));
            assertEquals(1, appender.stats().flushes());
        } finally {
            TestContexts.stop(context);
        }
    }

    /**
     * Batches that end less than a millisecond after the last end-of-batch write do not each write:
     * the appender's flush thread writes them when the millisecond is over (Log4j's background thread
     * otherwise wrote one block per batch of one or two events), and nothing waits for a stop.
     */
    @Test
    void batchesEndingWithinAMillisecondShareAWriteByTheFlushThread() throws Exception {
        Path file = dir.resolve("coalesced.log");
        LoggerContext context = start(file, "bufferMode=\"BLOCK\"");
        try {
            PooledFileAppender appender = TestContexts.appender(context, "file");
            int batches = 2_000;
            for (int i = 0; i < batches; i++) {
                appender.append(event("batch " + i, true));
            }
            long flushes = appender.stats().flushes();
            assertTrue(flushes < batches / 4, batches + " one-event batches in a row took " + flushes + " writes");
            waitForLines(file, batches); // the flush thread writes the last ones, no stop needed
            List<String> lines = LogLines.read(file);
            assertEquals("batch 0", lines.get(0));
            assertEquals("batch " + (batches - 1), lines.get(batches - 1));
        } finally {
            TestContexts.stop(context);
        }
    }

    /**
     * An event larger than PooledFileManager.MAX_WHOLE_EVENT_BYTES goes to the file in pieces; once it
     * is finished the file is between events again: the next event is whole, and a file renamed away
     * meanwhile is noticed at the next write (the check runs only between events).
     */
    @Test
    void anEventBeyondTheWholeEventLimitIsWrittenInPiecesAndTheNextStartsClean() throws Exception {
        Path file = dir.resolve("huge.log");
        LoggerContext context = start(file, "bufferMode=\"LINE\" bufferSize=\"4096\"");
        String huge = "h".repeat(PooledFileManager.MAX_WHOLE_EVENT_BYTES + 1000);
        try {
            Logger logger = context.getLogger("t");
            logger.info(huge);
            Files.move(file, dir.resolve("huge.log.1"));
            Thread.sleep(1100);
            logger.info("in the new file");
        } finally {
            TestContexts.stop(context);
        }
        assertEquals(List.of(huge), LogLines.read(dir.resolve("huge.log.1")));
        assertEquals(List.of("in the new file"), LogLines.read(file));
    }

    @Test
    void lineWritesEveryEvent() throws IOException {
        assertEveryEventWritten("bufferMode=\"LINE\"");
    }

    @Test
    void noneWritesEveryEvent() throws IOException {
        assertEveryEventWritten("bufferMode=\"NONE\"");
    }

    @Test
    void immediateFlushWritesEveryEvent() throws IOException {
        assertEveryEventWritten("immediateFlush=\"true\"");
    }

    @Test
    void asyncLineWritesEveryEventBeforeTheNextIsTaken() throws Exception {
        Path file = dir.resolve("async-line.log");
        LoggerContext context = start(file, "bufferMode=\"LINE\" async=\"true\"");
        try {
            Logger logger = context.getLogger("t");
            for (int i = 0; i < 50; i++) {
                logger.info("line {}", i);
                waitForLines(file, i + 1);
            }
        } finally {
            TestContexts.stop(context);
        }
    }

    @Test
    void asyncBlockWritesWhenTheRingRunsEmpty() throws Exception {
        Path file = dir.resolve("async-block.log");
        LoggerContext context = start(file, "bufferMode=\"BLOCK\" async=\"true\"");
        try {
            Logger logger = context.getLogger("t");
            logger.info("alone");
            // The ring holds one event, so its batch ends with it and the block is written.
            waitForLines(file, 1);
        } finally {
            TestContexts.stop(context);
        }
    }

    /**
     * Behind an {@code <AsyncLogger>}, Log4j marks the last event before its ring runs empty as the
     * end of a batch, and a BLOCK appender writes its block then, without waiting for it to fill.
     */
    @Test
    void blockWritesAtTheEndOfAnAsyncLoggerBatch() throws Exception {
        Path file = dir.resolve("async-logger-batch.log");
        LoggerContext context = TestContexts.start("batch", "<Configuration status=\"warn\"><Appenders>"
                + "<PooledFile name=\"file\" fileName=\"" + TestContexts.xmlPath(file) + "\" bufferMode=\"BLOCK\">"
                + "<PatternLayout pattern=\"%m%n\"/></PooledFile></Appenders><Loggers>"
                + "<AsyncLogger name=\"t\" level=\"info\" additivity=\"false\"><AppenderRef ref=\"file\"/></AsyncLogger>"
                + "<Root level=\"off\"/></Loggers></Configuration>");
        try {
            Logger logger = context.getLogger("t");
            logger.info("first");
            waitForLines(file, 1);
            logger.info("second");
            waitForLines(file, 2);
        } finally {
            TestContexts.stop(context);
        }
    }

    @Test
    void eventLargerThanTheBlockIsWrittenWhole() throws IOException {
        for (String mode : new String[] {"BLOCK", "LINE", "NONE"}) {
            for (String async : new String[] {"false", "true"}) {
                Path file = dir.resolve("large-" + mode + async + ".log");
                LoggerContext context = start(file, "bufferMode=\"" + mode + "\" bufferSize=\"64\" async=\"" + async + "\"");
                Logger logger = context.getLogger("t");
                String large = "x".repeat(10_000);
                logger.info("small");
                logger.info(large);
                logger.info("after");
                TestContexts.stop(context);
                assertEquals(List.of("small", large, "after"), LogLines.read(file), mode + " async=" + async);
            }
        }
    }

    @Test
    void parentFoldersAreCreated() throws IOException {
        Path file = dir.resolve("a/b/c/app.log");
        LoggerContext context = start(file, "");
        context.getLogger("t").info("deep");
        TestContexts.stop(context);
        assertEquals(List.of("deep"), LogLines.read(file));
    }

    @Test
    void appendKeepsOrTruncates() throws IOException {
        Path file = dir.resolve("append.log");
        Files.writeString(file, "old\n");
        LoggerContext context = start(file, "append=\"true\"");
        context.getLogger("t").info("new");
        TestContexts.stop(context);
        assertEquals(List.of("old", "new"), LogLines.read(file));

        context = start(file, "append=\"false\"");
        context.getLogger("t").info("fresh");
        TestContexts.stop(context);
        assertEquals(List.of("fresh"), LogLines.read(file));
    }

    @Test
    void filePermissionsAreAppliedAtCreation() throws IOException {
        Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path file = dir.resolve("secret.log");
        LoggerContext context = start(file, "filePermissions=\"rw-r-----\"");
        context.getLogger("t").info("x");
        TestContexts.stop(context);
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        // An existing file keeps the permissions it has.
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw-rw-"));
        context = start(file, "filePermissions=\"rw-------\"");
        context.getLogger("t").info("y");
        TestContexts.stop(context);
        assertEquals("rw-rw-rw-", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    private void assertEveryEventWritten(String attributes) throws IOException {
        Path file = dir.resolve("every.log");
        LoggerContext context = start(file, attributes);
        try {
            Logger logger = context.getLogger("t");
            for (int i = 0; i < 20; i++) {
                logger.info("line {}", i);
                List<String> lines = LogLines.read(file);
                assertEquals(i + 1, lines.size(), attributes);
                assertEquals("line " + i, lines.get(i));
            }
            assertEquals(20, TestContexts.appender(context, "file").stats().flushes());
        } finally {
            TestContexts.stop(context);
        }
        Files.delete(file);
    }

    static void waitForLines(Path file, int expected) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (LogLines.read(file).size() < expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("expected " + expected + " lines in " + file + ", got " + LogLines.read(file));
            }
            Thread.sleep(1);
        }
        assertEquals(expected, LogLines.read(file).size());
    }

    private static LogEvent event(String text, boolean endOfBatch) {
        Log4jLogEvent event = Log4jLogEvent.newBuilder()
                .setLoggerName("t")
                .setLevel(Level.INFO)
                .setMessage(new SimpleMessage(text))
                .setEndOfBatch(endOfBatch)
                .build();
        return event;
    }
}
