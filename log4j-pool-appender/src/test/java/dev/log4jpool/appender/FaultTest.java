package dev.log4jpool.appender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AppenderLoggingException;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real faults, no mocks: {@code /dev/full} fails every write with ENOSPC (a full disk), and a path
 * whose parent is a regular file cannot be opened until the parent becomes a folder. Both work as
 * root, where permission-based faults would not.
 */
class FaultTest {
    private static final Path DEV_FULL = Path.of("/dev/full");

    @TempDir
    Path dir;

    private static LoggerContext start(Path file, String attributes) {
        return TestContexts.start("faults", TestContexts.config("<PooledFile name=\"file\" fileName=\""
                + TestContexts.xmlPath(file) + "\" " + attributes + "><PatternLayout pattern=\"%m%n\"/></PooledFile>"));
    }

    @Test
    void diskFullThrowsToTheCallerWhenExceptionsAreNotIgnored() {
        Assumptions.assumeTrue(Files.isWritable(DEV_FULL), "needs /dev/full");
        LoggerContext context = start(DEV_FULL, "bufferMode=\"LINE\" ignoreExceptions=\"false\"");
        try {
            Logger logger = context.getLogger("t");
            AppenderLoggingException e = assertThrows(AppenderLoggingException.class, () -> logger.info("lost"));
            assertTrue(e.getMessage().contains("/dev/full"), e.getMessage());
            // Still running: the next event is tried again, and fails again.
            assertThrows(AppenderLoggingException.class, () -> logger.info("lost too"));
            assertEquals(2, TestContexts.appender(context, "file").stats().writeErrors());
        } finally {
            TestContexts.stop(context);
        }
    }

    @Test
    void diskFullGoesToTheErrorHandlerWhenExceptionsAreIgnored() {
        Assumptions.assumeTrue(Files.isWritable(DEV_FULL), "needs /dev/full");
        for (String mode : new String[] {"LINE", "NONE", "BLOCK"}) {
            LoggerContext context = start(DEV_FULL, "bufferMode=\"" + mode + "\" bufferSize=\"16\"");
            try {
                PooledFileAppender appender = TestContexts.appender(context, "file");
                RecordingErrorHandler handler = new RecordingErrorHandler();
                appender.setHandler(handler);
                Logger logger = context.getLogger("t");
                logger.info("more than sixteen bytes, so that even BLOCK writes");
                logger.info("and again, longer than sixteen bytes");
                if (mode.equals("BLOCK")) {
                    // BLOCK keeps an event larger than the block whole, and writes it when the next
                    // event needs the room.
                    logger.info("a third one, to make room for which the second is written");
                }
                // PatternLayout's encoder retries a failed encode once through its fallback path, so
                // an event that fills the block may fail twice; the caller hears of each event once.
                assertTrue(appender.stats().writeErrors() >= 2, mode);
                assertEquals(2, handler.messages.size(), mode);
                assertTrue(handler.causes.get(0).getMessage().contains("No space left on device"),
                        handler.causes.get(0).getMessage());
            } finally {
                TestContexts.stop(context);
            }
        }
    }

    @Test
    void asyncDiskFullIsReportedFromTheWriterAndTheAppenderKeepsRunning() throws Exception {
        Assumptions.assumeTrue(Files.isWritable(DEV_FULL), "needs /dev/full");
        LoggerContext context = start(DEV_FULL, "bufferMode=\"LINE\" async=\"true\" ignoreExceptions=\"false\"");
        try {
            PooledFileAppender appender = TestContexts.appender(context, "file");
            RecordingErrorHandler handler = new RecordingErrorHandler();
            appender.setHandler(handler);
            Logger logger = context.getLogger("t");
            for (int i = 0; i < 100; i++) {
                logger.info("event {}", i); // never throws: the write happens on another thread
            }
            waitUntil(() -> appender.stats().writeErrors() == 100);
            assertTrue(handler.threads.stream().allMatch(t -> t.getName().startsWith("log4jpool-PooledFile-")));
            assertEquals(100, appender.stats().eventsWritten());
        } finally {
            TestContexts.stop(context);
        }
    }

    @Test
    void syncRecoversWhenTheFolderAppears() throws Exception {
        assertRecovers("bufferMode=\"LINE\"");
    }

    @Test
    void asyncRecoversWhenTheFolderAppears() throws Exception {
        assertRecovers("bufferMode=\"BLOCK\" async=\"true\"");
    }

    private void assertRecovers(String attributes) throws Exception {
        Path blocker = dir.resolve("logs");
        Files.writeString(blocker, "a file where the folder should be");
        Path file = blocker.resolve("app.log");
        LoggerContext context = start(file, attributes);
        try {
            PooledFileAppender appender = TestContexts.appender(context, "file");
            RecordingErrorHandler handler = new RecordingErrorHandler();
            appender.setHandler(handler);
            assertFalse(appender.getManager().isOpen());
            Logger logger = context.getLogger("t");
            logger.info("lost: no folder");
            waitUntil(() -> handler.messages.size() == 1);

            Files.delete(blocker);
            Files.createDirectory(blocker);
            logger.info("written: the folder is back");
            BufferModeTest.waitForLines(file, 1);
            assertEquals(List.of("written: the folder is back"), LogLines.read(file));
            assertTrue(appender.getManager().isOpen());
            assertEquals(2, appender.stats().writeErrors(), "the failed open at start and the failed write");
        } finally {
            TestContexts.stop(context);
        }
    }

    @Test
    void syncRecreatesADeletedFile() throws Exception {
        assertRecreated("bufferMode=\"LINE\"");
    }

    @Test
    void asyncRecreatesADeletedFile() throws Exception {
        assertRecreated("bufferMode=\"BLOCK\" async=\"true\"");
    }

    /** A deleted log file comes back at the first write a second or more after the deletion. */
    private void assertRecreated(String attributes) throws Exception {
        Path file = dir.resolve("deleted.log");
        LoggerContext context = start(file, attributes);
        try {
            Logger logger = context.getLogger("t");
            logger.info("before");
            BufferModeTest.waitForLines(file, 1);
            Files.delete(file);
            Thread.sleep(1100);
            logger.info("after");
            BufferModeTest.waitForLines(file, 1);
            assertEquals(List.of("after"), LogLines.read(file));
        } finally {
            TestContexts.stop(context);
        }
    }

    /**
     * The writer thread logs through the appender whenever it reports an error, with a ring of two
     * slots that producers keep full: it must write its own events directly instead of waiting for a
     * free slot in its own ring, which only it could free.
     */
    @Test
    void eventsLoggedByTheWriterThreadDoNotDeadlock() {
        Assumptions.assumeTrue(Files.isWritable(DEV_FULL), "needs /dev/full");
        LoggerContext context = start(DEV_FULL, "bufferMode=\"LINE\" async=\"true\" ringSize=\"2\"");
        try {
            PooledFileAppender appender = TestContexts.appender(context, "file");
            Logger logger = context.getLogger("t");
            ThreadLocal<Boolean> reporting = ThreadLocal.withInitial(() -> false);
            RecordingErrorHandler handler = new RecordingErrorHandler() {
                @Override
                void record(String msg, Throwable t) {
                    super.record(msg, t);
                    if (!reporting.get()) { // its own event fails too: report that one only here
                        reporting.set(true);
                        try {
                            logger.error("writer thread reports: {}", msg);
                        } finally {
                            reporting.set(false);
                        }
                    }
                }
            };
            appender.setHandler(handler);
            assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
                Thread[] producers = new Thread[2];
                for (int p = 0; p < producers.length; p++) {
                    producers[p] = new Thread(() -> {
                        for (int i = 0; i < 2000; i++) {
                            logger.info("producer event {}", i);
                        }
                    });
                    producers[p].start();
                }
                for (Thread producer : producers) {
                    producer.join();
                }
                // 4000 producer events, each followed by one written by the writer thread itself.
                waitUntil(() -> appender.stats().writeErrors() >= 8000);
            });
            assertTrue(handler.threads.stream().anyMatch(t -> t.getName().startsWith("log4jpool-PooledFile-")));
            assertEquals(8000, appender.stats().writeErrors());
            assertEquals(8000, appender.stats().eventsWritten());
        } finally {
            assertTimeoutPreemptively(Duration.ofSeconds(30), () -> TestContexts.stop(context));
        }
    }

    /**
     * A write that hangs: the file is a FIFO that this test holds open but never reads, so once the
     * pipe's buffer is full the writer thread blocks in {@code write}. The stop must still return
     * within its timeout, give up on what is left, and say so.
     */
    @Test
    void stopReturnsWithinItsTimeoutWhenAWriteHangs() throws Exception {
        Path fifo = dir.resolve("stalled.fifo");
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
        Assumptions.assumeTrue(mkfifo.waitFor() == 0, "needs mkfifo");
        // Read-write, so that neither this open nor the appender's blocks; nobody ever reads.
        try (java.io.RandomAccessFile holder = new java.io.RandomAccessFile(fifo.toFile(), "rw")) {
            LoggerContext context = start(fifo, "bufferMode=\"LINE\" async=\"true\" ringSize=\"4096\"");
            PooledFileAppender appender = TestContexts.appender(context, "file");
            Logger logger = context.getLogger("t");
            String line = "y".repeat(200);
            for (int i = 0; i < 2000; i++) {
                logger.info(line); // 400 KB: far more than a pipe holds
            }
            waitUntil(() -> appender.stats().eventsWritten() > 0);
            long started = System.nanoTime();
            boolean clean = assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> appender.stop(1, java.util.concurrent.TimeUnit.SECONDS));
            double seconds = (System.nanoTime() - started) / 1e9;
            assertFalse(clean, "a stop that left events behind is not clean");
            assertTrue(seconds < 5, "stopped in " + seconds + " s");
            assertTrue(appender.isStopped());
            assertTrue(appender.stats().writeErrors() >= 1, "the cut write is counted: " + appender.stats());
            context.stop();
        }
    }

    static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not reached in 20 s");
            }
            Thread.sleep(1);
        }
    }

    @Test
    void stoppedAppenderReportsInsteadOfReopening() throws IOException {
        Path file = dir.resolve("stopped.log");
        LoggerContext context = start(file, "bufferMode=\"LINE\"");
        PooledFileAppender appender = TestContexts.appender(context, "file");
        TestContexts.stop(context);
        RecordingErrorHandler handler = new RecordingErrorHandler();
        appender.setHandler(handler);
        Files.deleteIfExists(file);
        appender.append(org.apache.logging.log4j.core.impl.Log4jLogEvent.newBuilder()
                .setMessage(new org.apache.logging.log4j.message.SimpleMessage("late")).build());
        assertFalse(Files.exists(file), "a stopped appender must not recreate its file");
        assertEquals(1, handler.messages.size());
    }
}
