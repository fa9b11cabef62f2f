package dev.log4jpool.appender;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stress test every mode must pass: 4 threads × 250,000 events → exactly 1,000,000 lines, each
 * valid JSON, each thread's events in its own order, none torn or interleaved. Synchronous and async
 * appenders (every wait strategy), behind mixed {@code <AsyncLogger>}s, and behind all-async loggers
 * ({@code AsyncLoggerContextSelector}, in a child JVM since the selector is process-wide).
 */
class MillionLinesTest {
    static final int THREADS = 4;
    static final int PER_THREAD = 250_000;
    /** A power of two above THREADS x PER_THREAD. */
    private static final int EVERY_EVENT_RING = 1 << 20;

    @TempDir
    Path dir;

    enum Loggers {
        /** A synchronous root logger. */
        SYNC,
        /** An {@code <AsyncLogger>} in an otherwise synchronous configuration. */
        MIXED,
        /** Every logger async, through the context selector. */
        ALL_ASYNC
    }

    static Stream<Arguments> modes() {
        return Stream.of(
                Arguments.of(Loggers.SYNC, "bufferMode=\"BLOCK\""),
                Arguments.of(Loggers.SYNC, "bufferMode=\"LINE\""),
                Arguments.of(Loggers.SYNC, "bufferMode=\"NONE\""),
                Arguments.of(Loggers.SYNC, "async=\"true\" waitStrategy=\"Block\""),
                Arguments.of(Loggers.SYNC, "async=\"true\" waitStrategy=\"Timeout\" bufferMode=\"LINE\""),
                Arguments.of(Loggers.SYNC, "async=\"true\" waitStrategy=\"Sleep\" bufferMode=\"NONE\""),
                Arguments.of(Loggers.SYNC, "async=\"true\" waitStrategy=\"Yield\""),
                Arguments.of(Loggers.SYNC, "async=\"true\" waitStrategy=\"BusySpin\" ringSize=\"1024\""),
                Arguments.of(Loggers.MIXED, "bufferMode=\"BLOCK\""),
                Arguments.of(Loggers.MIXED, "async=\"true\" waitStrategy=\"Sleep\""),
                Arguments.of(Loggers.ALL_ASYNC, "bufferMode=\"BLOCK\""),
                Arguments.of(Loggers.ALL_ASYNC, "async=\"true\""));
    }

    @ParameterizedTest(name = "{0} loggers, PooledFile {1}")
    @MethodSource("modes")
    void millionLines(Loggers loggers, String attributes) throws Exception {
        Path file = dir.resolve("million.log");
        String appender = "<PooledFile name=\"file\" fileName=\"" + TestContexts.xmlPath(file) + "\" " + attributes
                + ">" + StressLayout.XML + "</PooledFile>";
        String loggerXml = loggers == Loggers.MIXED
                ? "<AsyncLogger name=\"child\" level=\"info\" additivity=\"false\"><AppenderRef ref=\"file\"/></AsyncLogger>"
                        + "<Root level=\"info\"/>"
                : "<Root level=\"info\"><AppenderRef ref=\"file\"/></Root>";
        String xml = "<Configuration status=\"warn\"><Appenders>" + appender + "</Appenders><Loggers>" + loggerXml
                + "</Loggers></Configuration>";
        if (loggers != Loggers.SYNC) {
            // Log4j's async rings hold every event here, so that they are never full: with a full ring
            // and several producers, Log4j 2.25-2.26 can discard an event without a word (Disruptor's
            // remainingCapacity() is briefly negative, which Log4j reads as "shut down"; seen here once
            // as a missing line, see perf/results/remaining-capacity-race-2026-12-01.md). This test is
            // about PooledFile, which must lose nothing of what Log4j hands it.
            Path config = dir.resolve("log4j2.xml");
            Files.writeString(config, xml);
            List<String> jvmOptions = loggers == Loggers.ALL_ASYNC
                    ? List.of("-Dlog4j2.contextSelector=" + ChildJvm.ALL_ASYNC_SELECTOR,
                            "-Dlog4j2.asyncLoggerRingBufferSize=" + EVERY_EVENT_RING)
                    : List.of("-Dlog4j2.asyncLoggerConfigRingBufferSize=" + EVERY_EVENT_RING);
            String printed = ChildJvm.run(config, dir.resolve("child.out"), jvmOptions,
                    "count", String.valueOf(THREADS), String.valueOf(PER_THREAD));
            String context = loggers == Loggers.ALL_ASYNC ? "org.apache.logging.log4j.core.async.AsyncLoggerContext"
                    : "org.apache.logging.log4j.core.LoggerContext";
            assertTrue(printed.contains("calls=1000000 context=" + context), printed);
        } else {
            LoggerContext context = TestContexts.start("million", xml);
            Logger logger = context.getLogger("child");
            Thread[] producers = new Thread[THREADS];
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                producers[t] = new Thread(() -> {
                    for (int i = 0; i < PER_THREAD; i++) {
                        logger.info("{\"thread\":{},\"seq\":{}}", thread, i);
                    }
                });
                producers[t].start();
            }
            for (Thread producer : producers) {
                producer.join();
            }
            TestContexts.stop(context);
        }
        LogLines.assertCompleteAndOrdered(file, THREADS, PER_THREAD);
    }
}
