package dev.log4jpool.appender;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.log4jpool.message.StructuredMessage;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.util.Unbox;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Zero allocation per event after warm-up, in every mode, measured the way DESIGN.md says: with
 * {@code com.sun.management.ThreadMXBean}, over every live thread of the JVM (the caller, the
 * appender's writer thread, Log4j's own async thread), after a warm-up long enough for C2.
 *
 * <p>The events: {@code logger.info("user {} bought {} items", a, b)} with primitives through
 * Log4j's {@code Unbox}, as an application that cares about garbage writes it, and a
 * {@code StructuredMessage} with five typed fields; with PooledJsonLayout, whose timestamp moves
 * every millisecond, and with PatternLayout. Log4j runs with its
 * {@code SystemMillisClock} (set in the pom): its default clock makes a {@code java.time.Instant}
 * per event in Log4j's own front end whenever C2 fails to remove it, which is not ours to measure.
 */
class AllocationTest {
    static final int WARM_UP = 300_000;
    static final int MEASURED = 200_000;

    @TempDir
    Path dir;

    @org.junit.jupiter.api.BeforeAll
    static void log4jClockIsGarbageFree() {
        // Set by the pom (log4j2.clock); see there why.
        assertTrue(org.apache.logging.log4j.core.util.ClockFactory.getClock()
                instanceof org.apache.logging.log4j.core.util.SystemMillisClock);
    }

    /** Every appender mode, behind a synchronous logger or a mixed {@code <AsyncLogger>}. */
    static final Object[][] MODES = {
        {false, "bufferMode=\"BLOCK\""},
        {false, "bufferMode=\"LINE\""},
        {false, "bufferMode=\"NONE\""},
        {false, "async=\"true\" waitStrategy=\"Block\""},
        {false, "async=\"true\" waitStrategy=\"Timeout\" bufferMode=\"LINE\""},
        {false, "async=\"true\" waitStrategy=\"Sleep\" bufferMode=\"NONE\""},
        {false, "async=\"true\" waitStrategy=\"Yield\""},
        {false, "async=\"true\" waitStrategy=\"BusySpin\""},
        {true, "bufferMode=\"BLOCK\""},
        {true, "async=\"true\""},
    };

    /** The layouts: PooledJsonLayout with a parameterized and a structured message, and PatternLayout. */
    enum Case {
        POOLED_JSON_PARAMETERIZED("<PooledJsonLayout/>"),
        POOLED_JSON_STRUCTURED("<PooledJsonLayout/>"),
        PATTERN_PARAMETERIZED(AllocationLayout.XML);

        final String layoutXml;

        Case(String layoutXml) {
            this.layoutXml = layoutXml;
        }
    }

    static Stream<Arguments> modes() {
        Stream.Builder<Arguments> cases = Stream.builder();
        for (Case layoutCase : Case.values()) {
            for (Object[] mode : MODES) {
                cases.add(Arguments.of(layoutCase, mode[0], mode[1]));
            }
        }
        return cases.build();
    }

    @ParameterizedTest(name = "{0}, mixed AsyncLogger {1}, PooledFile {2}")
    @MethodSource("modes")
    void noAllocationPerEvent(Case layoutCase, boolean asyncLogger, String attributes) throws Exception {
        Path file = dir.resolve("alloc.log");
        String loggerXml = asyncLogger
                ? "<AsyncLogger name=\"shop\" level=\"info\" additivity=\"false\"><AppenderRef ref=\"file\"/></AsyncLogger>"
                        + "<Root level=\"info\"/>"
                : "<Root level=\"info\"><AppenderRef ref=\"file\"/></Root>";
        String xml = "<Configuration status=\"warn\"><Appenders><PooledFile name=\"file\" fileName=\""
                + TestContexts.xmlPath(file) + "\" " + attributes + ">" + layoutCase.layoutXml + "</PooledFile>"
                + "</Appenders><Loggers>" + loggerXml + "</Loggers></Configuration>";
        LoggerContext context = TestContexts.start("alloc", xml);
        PooledFileAppender appender = TestContexts.appender(context, "file");
        try {
            Logger logger = context.getLogger("shop");
            log(layoutCase, logger, WARM_UP);
            waitForWriter(appender, WARM_UP, asyncLogger);

            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long[] ids = threads.getAllThreadIds();
            EncodedEventPool pool = appender.getEventPool();
            long createdBefore = pool == null ? 0 : pool.created();
            long discardedBefore = pool == null ? 0 : pool.discarded();
            long[] beforeEach = threads.getThreadAllocatedBytes(ids);
            log(layoutCase, logger, MEASURED);
            waitForWriter(appender, WARM_UP + MEASURED, asyncLogger);
            long[] afterEach = threads.getThreadAllocatedBytes(ids);
            long allocated = sum(afterEach) - sum(beforeEach);

            double perEvent = (double) allocated / MEASURED;
            // Below one byte per event: the snapshot arrays themselves and the odd JDK-internal
            // object of another thread may show, an object per event may not.
            assertTrue(perEvent < 1.0, attributes + ": " + allocated + " bytes for " + MEASURED + " events = "
                    + perEvent + " B/event; by thread: " + byThread(threads, ids, beforeEach, afterEach)
                    + (pool == null ? "" : "; pooled buffers created " + (pool.created() - createdBefore)
                            + ", discarded " + (pool.discarded() - discardedBefore) + ", total created " + pool.created()));
        } finally {
            TestContexts.stop(context);
        }
    }

    private static void log(Case layoutCase, Logger logger, int count) {
        if (layoutCase == Case.POOLED_JSON_STRUCTURED) {
            for (int i = 0; i < count; i++) {
                logger.info(StructuredMessage.of("order placed").with("orderId", (long) i).with("amount", 9.99)
                        .with("express", (i & 1) == 0).with("customer", "alice").with("items", i & 15));
            }
        } else {
            for (int i = 0; i < count; i++) {
                logger.info("user {} bought {} items", Unbox.box(i), Unbox.box(i & 15));
            }
        }
    }

    /** Measuring must include the writer's work, so wait until it has written every event. */
    private static void waitForWriter(PooledFileAppender appender, long events, boolean asyncLogger)
            throws InterruptedException {
        if (appender.isAsync() || asyncLogger) {
            FaultTest.waitUntil(() -> appender.stats().eventsWritten() >= events);
        }
    }

    private static String byThread(java.lang.management.ThreadMXBean threads, long[] ids, long[] before, long[] after) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < ids.length; i++) {
            if (after[i] - before[i] > 0) {
                java.lang.management.ThreadInfo info = threads.getThreadInfo(ids[i]);
                text.append(info == null ? "ended thread" : info.getThreadName()).append('=')
                        .append(after[i] - before[i]).append(' ');
            }
        }
        return text.toString();
    }

    private static long sum(long[] values) {
        long sum = 0;
        for (long value : values) {
            if (value > 0) { // -1 for a thread that ended
                sum += value;
            }
        }
        return sum;
    }
}
