package dev.log4jpool.appender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rollover faults, real ones: a rename target that exists, an archive folder on a read-only file
 * system, a disk that fills up during compression. Each is reported through the appender's
 * ErrorHandler; the events go on to the active file (or are counted as lost when the disk is full);
 * and rolling over works again once the fault is gone.
 */
class RolloverFaultTest {
    /** More than the default retry interval of a failed rollover (log4jpool.rolloverRetryMillis). */
    static final long RETRY_WAIT_MILLIS = 1200;

    @TempDir
    Path dir;

    private int seq;

    private LoggerContext start(Path active, String filePattern, String policies, String attributes) {
        return TestContexts.start("faults", TestContexts.config("<PooledFile name=\"file\" fileName=\""
                + TestContexts.xmlPath(active) + "\" filePattern=\"" + TestContexts.xmlPath(filePattern.startsWith("/")
                        ? Path.of(filePattern) : dir.resolve(filePattern)) + "\" " + attributes
                + "><PatternLayout pattern=\"%m%n\"/><Policies>" + policies + "</Policies>"
                + "<DefaultRolloverStrategy max=\"1000\"/></PooledFile>"));
    }

    private void log(Logger logger, int count, String padding) {
        for (int i = 0; i < count; i++) {
            logger.info("{\"thread\":0,\"seq\":" + seq++ + ",\"padding\":\"" + padding + "\"}");
        }
    }

    @Test
    void anExistingTargetIsNotOverwritten() throws Exception {
        Path active = dir.resolve("app.log");
        LoggerContext context = start(active, "app-%d{yyyy}.log", "<SizeBasedTriggeringPolicy size=\"1000\"/>",
                "bufferMode=\"LINE\"");
        PooledFileAppender appender = TestContexts.appender(context, "file");
        RecordingErrorHandler handler = new RecordingErrorHandler();
        appender.setHandler(handler);
        Logger logger = context.getLogger("t");
        Path rolled;
        try {
            log(logger, 100, "0123456789");
            assertEquals(1, appender.stats().rollovers(), "the second rollover would overwrite the first file");
            try (var files = Files.list(dir)) {
                rolled = files.filter(p -> !p.equals(active)).findFirst().orElseThrow();
            }
            assertTrue(handler.messages.stream().anyMatch(m -> m.contains("already exists")), handler.messages.toString());
            // The fault goes away (the file is moved aside): the next rollover after the retry interval works.
            Files.move(rolled, dir.resolve("saved.log"));
            Thread.sleep(RETRY_WAIT_MILLIS);
            log(logger, 10, "0123456789");
            assertEquals(2, appender.stats().rollovers());
        } finally {
            TestContexts.stop(context);
        }
        RolledFiles.assertCompleteAndOrdered(List.of(dir.resolve("saved.log"), rolled, active), 1, seq);
    }

    @Test
    void aReadOnlyArchiveFolderKeepsEventsInTheActiveFile() throws Exception {
        Path archive = dir.resolve("archive");
        try (Tmpfs tmpfs = Tmpfs.mount(archive, "1m")) {
            tmpfs.readOnly(true);
            Path active = dir.resolve("app.log");
            LoggerContext context = start(active, archive + "/app-%i.log", "<SizeBasedTriggeringPolicy size=\"1000\"/>",
                    "async=\"true\"");
            PooledFileAppender appender = TestContexts.appender(context, "file");
            RecordingErrorHandler handler = new RecordingErrorHandler();
            appender.setHandler(handler);
            Logger logger = context.getLogger("t");
            try {
                log(logger, 100, "0123456789");
                FaultTest.waitUntil(() -> appender.stats().eventsWritten() == 100);
                assertEquals(0, appender.stats().rollovers());
                assertFalse(handler.messages.isEmpty(), "the failed rollover is reported");
                assertTrue(handler.messages.get(0).contains("could not roll"), handler.messages.toString());
                assertTrue(handler.threads.stream().allMatch(t -> t.getName().startsWith("log4jpool-PooledFile-file")),
                        "reported from the writer thread, where the rollover ran");
                // The writer writes its block out once its ring stays empty: wait for that, not a moment.
                FaultTest.waitUntil(() -> lineCount(active) == 100);
                assertEquals(100, LogLines.read(active).size(), "every event in the active file meanwhile");

                tmpfs.readOnly(false);
                Thread.sleep(RETRY_WAIT_MILLIS);
                log(logger, 10, "0123456789");
                FaultTest.waitUntil(() -> appender.stats().rollovers() >= 1);
            } finally {
                TestContexts.stop(context);
            }
            RolledFiles.assertCompleteAndOrdered(RolledFiles.byIndex(archive, "app-(\\d+)\\.log", active), 1, seq);
        }
    }

    @Test
    void aDiskFullDuringCompressionKeepsTheRolledFile() throws Exception {
        Path disk = dir.resolve("disk");
        try (Tmpfs tmpfs = Tmpfs.mount(disk, "256k")) {
            // Random text: gzip cannot shrink it, so the archive needs as much room as the file.
            byte[] random = new byte[150];
            new Random(42).nextBytes(random);
            String padding = Base64.getEncoder().encodeToString(random);
            Path filler = disk.resolve("filler");
            Path active = disk.resolve("app.log");
            LoggerContext context = start(active, disk + "/app-%i.log.gz", "<SizeBasedTriggeringPolicy size=\"16 KB\"/>",
                    "bufferMode=\"LINE\"");
            PooledFileAppender appender = TestContexts.appender(context, "file");
            RecordingErrorHandler handler = new RecordingErrorHandler();
            appender.setHandler(handler);
            Logger logger = context.getLogger("t");
            int recoveredFrom;
            try {
                log(logger, 60, padding); // about 15 KB: under the size
                assertEquals(0, appender.stats().rollovers());
                // The disk fills up: the next events are lost (counted), and the one that passes the
                // size rolls the file over; the rename needs no room, its compression does, and fails.
                fill(filler);
                log(logger, 20, padding);
                assertTrue(appender.stats().writeErrors() > 0, "writes failed on the full disk");
                FaultTest.waitUntil(() -> appender.stats().rollovers() >= 1
                        && appender.getManager().roller().actions().isIdle());
                FaultTest.waitUntil(() -> handler.messages.stream().anyMatch(m -> m.contains("background action failed")));
                assertTrue(Files.exists(disk.resolve("app-1.log")), "the rolled file is kept");
                assertFalse(Files.exists(disk.resolve("app-1.log.gz")), "no partial archive left");

                // Room comes back.
                Files.delete(filler);
                recoveredFrom = seq;
                log(logger, 200, padding);
            } finally {
                TestContexts.stop(context);
            }
            assertTrue(appender.stats().rollovers() >= 2, "rolled again after the disk had room");
            // Every event logged after the recovery is there, whole and in order, across the files.
            List<Integer> after = new ArrayList<>();
            for (Path file : RolledFiles.byIndex(disk, "app-(\\d+)\\.log(?:\\.gz)?", active)) {
                for (String line : RolledFiles.lines(file)) {
                    try {
                        int s = LogLines.parse(line).get("seq").asInt();
                        if (s >= recoveredFrom) {
                            after.add(s);
                        }
                    } catch (AssertionError partialLineFromTheFullDisk) {
                        // The fragment of a write cut by ENOSPC, alone on its line.
                    }
                }
            }
            // With issue 14's rule, even the first event after a write cut by ENOSPC starts a line of its own.
            List<Integer> expected = new ArrayList<>();
            for (int s = recoveredFrom; s < seq; s++) {
                expected.add(s);
            }
            assertEquals(expected, after);
        }
    }

    private static void fill(Path file) throws IOException {
        byte[] chunk = new byte[4096];
        try (OutputStream out = Files.newOutputStream(file)) {
            while (true) {
                out.write(chunk);
            }
        } catch (IOException full) {
            // the disk is full
        }
    }


    private static int lineCount(Path file) {
        try {
            return LogLines.read(file).size();
        } catch (java.io.IOException unreadable) {
            return -1;
        }
    }
}
