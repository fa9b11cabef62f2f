package dev.log4jpool.appender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code force} attribute: when {@code FileChannel.force} runs, and on which thread. */
class ForceTest {
    @TempDir
    Path dir;

    private LoggerContext start(String attributes, String rolling) {
        Path file = dir.resolve("app.log");
        return TestContexts.start("force", TestContexts.config("<PooledFile name=\"file\" fileName=\""
                + TestContexts.xmlPath(file) + "\" " + attributes + "><PatternLayout pattern=\"%m%n\"/>" + rolling
                + "</PooledFile>"));
    }

    private static final String SIZE_ROLLING_ATTRIBUTES = "filePattern=\"%s/app-%%i.log\"";
    private static final String SIZE_POLICY = "<Policies><SizeBasedTriggeringPolicy size=\"2000\"/></Policies>"
            + "<DefaultRolloverStrategy max=\"1000\"/>";

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bufferMode=\"BLOCK\"" /* no force attribute: the default */, "force=\"never\""})
    void neverByDefault(String force) throws Exception {
        LoggerContext context = start(String.format(SIZE_ROLLING_ATTRIBUTES, TestContexts.xmlPath(dir)) + " " + force,
                SIZE_POLICY);
        PooledFileAppender appender = TestContexts.appender(context, "file");
        logEvents(context.getLogger("t"), 500);
        TestContexts.stop(context);
        assertTrue(appender.stats().rollovers() > 5);
        assertEquals(0, appender.getManager().forces());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bufferMode=\"BLOCK\"", "async=\"true\""})
    void atEachRolloverAndAtStop(String mode) throws Exception {
        LoggerContext context = start(String.format(SIZE_ROLLING_ATTRIBUTES, TestContexts.xmlPath(dir))
                + " force=\"Rollover\" " + mode, SIZE_POLICY);
        PooledFileAppender appender = TestContexts.appender(context, "file");
        logEvents(context.getLogger("t"), 500);
        FaultTest.waitUntil(() -> appender.stats().eventsWritten() == 500);
        long rollovers = appender.stats().rollovers();
        assertTrue(rollovers > 5);
        assertEquals(rollovers, appender.getManager().forces(), "one force per rollover");
        if (appender.isAsync()) {
            assertTrue(appender.getManager().lastForceThread().startsWith("log4jpool-PooledFile-file"),
                    "async: forced on the writer thread, where it rolls: " + appender.getManager().lastForceThread());
        }
        TestContexts.stop(context);
        assertEquals(rollovers + 1, appender.getManager().forces(), "and one at stop");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bufferMode=\"LINE\"", "async=\"true\""})
    void periodicallyFromTheBackgroundWhenSomethingWasWritten(String mode) throws Exception {
        LoggerContext context = start("force=\"Periodic\" forceIntervalMillis=\"20\" " + mode, "");
        PooledFileAppender appender = TestContexts.appender(context, "file");
        PooledFileManager manager = appender.getManager();
        try {
            Logger logger = context.getLogger("t");
            Thread.sleep(200);
            assertEquals(0, manager.forces(), "nothing written, nothing forced");
            for (int round = 0; round < 3; round++) {
                long before = manager.forces();
                logger.info("{\"seq\":" + round + "}");
                FaultTest.waitUntil(() -> manager.forces() > before);
            }
            assertTrue(manager.lastForceThread().startsWith("log4jpool-PooledFile-force-"),
                    "forced by the background thread: " + manager.lastForceThread());
            long settled = manager.forces();
            Thread.sleep(200);
            assertEquals(settled, manager.forces(), "idle: no more forces");
        } finally {
            TestContexts.stop(context);
        }
    }

    @Test
    void badValuesNameTheAttribute() {
        PooledFileAppender.Builder builder = PooledFileAppender.newBuilder().setName("f")
                .setFileName(dir.resolve("x.log").toString()).setForce("sometimes");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, builder::build);
        assertTrue(e.getMessage().contains("force=\"sometimes\""), e.getMessage());
        PooledFileAppender.Builder interval = PooledFileAppender.newBuilder().setName("f")
                .setFileName(dir.resolve("x.log").toString()).setForce("Periodic").setForceIntervalMillis(0);
        e = assertThrows(IllegalArgumentException.class, interval::build);
        assertTrue(e.getMessage().contains("forceIntervalMillis=\"0\""), e.getMessage());
    }

    private static void logEvents(Logger logger, int count) {
        for (int i = 0; i < count; i++) {
            logger.info("{\"seq\":" + i + ",\"padding\":\"0123456789\"}");
        }
    }
}
