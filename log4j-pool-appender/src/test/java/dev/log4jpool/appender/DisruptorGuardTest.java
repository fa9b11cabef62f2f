package dev.log4jpool.appender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.async.AsyncLoggerContext;
import org.apache.logging.log4j.status.StatusData;
import org.apache.logging.log4j.status.StatusListener;
import org.apache.logging.log4j.status.StatusLogger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The start-up ERROR for Log4j async loggers on Disruptor 4 (see {@code AsyncLoggerDisruptorCheck}).
 * The build runs it with the pinned Disruptor 3.4.4, where it must stay silent, and CI runs it again
 * with {@code -Pdisruptor4} (Disruptor 4.0.0), where every configuration that runs async loggers must
 * get exactly one ERROR and the others none.
 */
class DisruptorGuardTest {
    private static final String PLAIN_LOGGERS =
            "<Loggers><Root level=\"info\"><AppenderRef ref=\"file\"/></Root></Loggers>";
    private static final String MIXED_ASYNC_LOGGERS = "<Loggers>"
            + "<AsyncLogger name=\"hot\" level=\"info\" includeLocation=\"false\"><AppenderRef ref=\"file\"/></AsyncLogger>"
            + "<Root level=\"info\"><AppenderRef ref=\"file\"/></Root></Loggers>";
    private static final String ASYNC_ROOT =
            "<Loggers><AsyncRoot level=\"info\"><AppenderRef ref=\"file\"/></AsyncRoot></Loggers>";

    @TempDir
    Path dir;
    private final List<StatusData> errors = new CopyOnWriteArrayList<>();
    private final StatusListener listener = new StatusListener() {
        @Override
        public void log(StatusData data) {
            if (data.getLevel().isMoreSpecificThan(Level.ERROR)) {
                errors.add(data);
            }
        }

        @Override
        public Level getStatusLevel() {
            return Level.ERROR;
        }

        @Override
        public void close() {}
    };

    @BeforeEach
    void listen() {
        StatusLogger.getLogger().registerListener(listener);
    }

    @AfterEach
    void stopListening() {
        StatusLogger.getLogger().removeListener(listener);
    }

    private static boolean disruptor4() {
        try {
            Class.forName("com.lmax.disruptor.SequenceReportingEventHandler");
            return false;
        } catch (ClassNotFoundException e) {
            return true;
        }
    }

    private String xml(String loggers, boolean withLayout) {
        String layout = withLayout ? "<PooledJsonLayout/>" : "<PatternLayout pattern=\"%m%n\"/>";
        return "<Configuration status=\"warn\"><Appenders><PooledFile name=\"file\" fileName=\""
                + TestContexts.xmlPath(dir.resolve("guard.log")) + "\">" + layout + "</PooledFile></Appenders>"
                + loggers + "</Configuration>";
    }

    private List<String> guardErrors() {
        return errors.stream().map(data -> data.getMessage().getFormattedMessage())
                .filter(message -> message.contains("Disruptor 4")).collect(Collectors.toList());
    }

    private void startAndStop(String xml) {
        LoggerContext context = TestContexts.start("guard", xml);
        context.getLogger("hot").info("one event");
        TestContexts.stop(context);
    }

    @Test
    void mixedAsyncLoggersGetOneErrorOnDisruptor4() {
        startAndStop(xml(MIXED_ASYNC_LOGGERS, true));
        List<String> reported = guardErrors();
        if (disruptor4()) {
            assertEquals(1, reported.size(), "one ERROR per configuration, even with two of our plugins: " + reported);
            assertTrue(reported.get(0).contains("<AsyncLogger>") && reported.get(0).contains("3.4.4"), reported.get(0));
        } else {
            assertEquals(List.of(), reported, "Disruptor 3 is safe: no error");
        }
    }

    @Test
    void asyncRootIsSeenThroughAnyOfOurPlugins() {
        startAndStop(xml(ASYNC_ROOT, false)); // only PooledFile, with Log4j's PatternLayout
        assertEquals(disruptor4() ? 1 : 0, guardErrors().size(), guardErrors().toString());
    }

    @Test
    void synchronousLoggersGetNoError() {
        startAndStop(xml(PLAIN_LOGGERS, true));
        assertEquals(List.of(), guardErrors());
    }

    @Test
    void allAsyncContextIsNamed() throws Exception {
        Path config = dir.resolve("all-async.xml");
        Files.writeString(config, xml(PLAIN_LOGGERS, true));
        AsyncLoggerContext context = new AsyncLoggerContext("guard-all-async", null, URI.create(config.toUri().toString()));
        context.start();
        try {
            context.getLogger("hot").info("one event");
        } finally {
            context.stop(30, TimeUnit.SECONDS);
        }
        List<String> reported = guardErrors();
        assertEquals(disruptor4() ? 1 : 0, reported.size(), reported.toString());
        if (disruptor4()) {
            assertTrue(reported.get(0).contains("AsyncLoggerContextSelector"), reported.get(0));
        }
    }
}
