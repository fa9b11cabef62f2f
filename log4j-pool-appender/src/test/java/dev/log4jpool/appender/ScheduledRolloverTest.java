package dev.log4jpool.appender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rollovers that no event triggers: {@code CronTriggeringPolicy} (from the configuration's
 * scheduler thread: on the writer thread in async mode, under the file's lock otherwise) and
 * {@code OnStartupTriggeringPolicy} (in a JVM started after the file was written).
 */
class ScheduledRolloverTest {
    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bufferMode=\"LINE\"", "async=\"true\""})
    void cronRollsEverySecond(String attributes) throws Exception {
        Path active = dir.resolve("app.log");
        LoggerContext context = TestContexts.start("cron", TestContexts.config("<PooledFile name=\"file\" fileName=\""
                + TestContexts.xmlPath(active) + "\" filePattern=\"" + TestContexts.xmlPath(dir)
                + "/app-%d{yyyyMMddHHmmss}-%i.log\" " + attributes + "><PatternLayout pattern=\"%m%n\"/>"
                + "<Policies><CronTriggeringPolicy schedule=\"* * * * * ?\"/></Policies></PooledFile>"));
        PooledFileAppender appender = TestContexts.appender(context, "file");
        Logger logger = context.getLogger("t");
        int calls = 0;
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (appender.stats().rollovers() < 3 && System.nanoTime() < deadline) {
                logger.info("{\"thread\":0,\"seq\":" + calls++ + "}");
                Thread.sleep(20);
            }
            assertTrue(appender.stats().rollovers() >= 3, "cron rolled " + appender.stats().rollovers() + " times");
            String thread = appender.getManager().roller().lastRolloverThread();
            if (appender.isAsync()) {
                assertTrue(thread.startsWith("log4jpool-PooledFile-file"), "rolled on the writer thread: " + thread);
            } else {
                assertTrue(!thread.startsWith("log4jpool-PooledFile") && !thread.equals(Thread.currentThread().getName()),
                        "rolled on the scheduler's thread: " + thread);
            }
        } finally {
            TestContexts.stop(context);
        }
        List<Path> files = RolledFiles.byIndex(dir, "app-(\\d+)-1\\.log", active);
        assertTrue(files.size() >= 3, files.toString());
        RolledFiles.assertCompleteAndOrdered(files, 1, calls);
    }

    @Test
    void onStartupRollsTheFileOfAnEarlierRun() throws Exception {
        Path active = dir.resolve("app.log");
        Files.writeString(active, "{\"from\":\"the last run\"}\n");
        Files.setLastModifiedTime(active, FileTime.fromMillis(System.currentTimeMillis() - 3_600_000));
        Path config = dir.resolve("log4j2.xml");
        Files.writeString(config, "<Configuration status=\"warn\"><Appenders><PooledFile name=\"file\" fileName=\""
                + TestContexts.xmlPath(active) + "\" filePattern=\"" + TestContexts.xmlPath(dir) + "/app-%i.log\">"
                + "<PatternLayout pattern=\"%m%n\"/><Policies><OnStartupTriggeringPolicy/>"
                + "<SizeBasedTriggeringPolicy size=\"10 MB\"/></Policies></PooledFile></Appenders>"
                + "<Loggers><Root level=\"info\"><AppenderRef ref=\"file\"/></Root></Loggers></Configuration>");
        Thread.sleep(1100); // the file's time, to the second, must be before the child JVM starts
        ChildJvm.run(config, dir.resolve("child.out"), List.of(), "count", "1", "10");
        assertEquals(List.of("{\"from\":\"the last run\"}"), LogLines.read(dir.resolve("app-1.log")));
        RolledFiles.assertCompleteAndOrdered(List.of(active), 1, 10);
    }
}
