package dev.log4jpool.appender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.util.Unbox;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The per-event rollover check allocates nothing, and a rollover allocates a bounded amount: measured
 * as {@link AllocationTest} measures, over every live thread, after a warm-up long enough for C2,
 * with timestamps moving (Log4j's millisecond clock, set by the pom).
 */
class RolloverAllocationTest {
    /** The bound asserted per rollover, all threads together; the measured figure is printed. */
    static final long BYTES_PER_ROLLOVER_BOUND = 64 * 1024;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource(delimiter = '|', value = {
        "bufferMode=\"BLOCK\"|<SizeBasedTriggeringPolicy size=\"10 GB\"/>",
        "bufferMode=\"BLOCK\"|<TimeBasedTriggeringPolicy/>",
        "bufferMode=\"BLOCK\"|<TimeBasedTriggeringPolicy/><SizeBasedTriggeringPolicy size=\"10 GB\"/><CronTriggeringPolicy schedule=\"0 0 0 * * ?\"/>",
        "async=\"true\"|<SizeBasedTriggeringPolicy size=\"10 GB\"/>",
        "async=\"true\"|<TimeBasedTriggeringPolicy/>",
        "async=\"true\"|<TimeBasedTriggeringPolicy/><SizeBasedTriggeringPolicy size=\"10 GB\"/><CronTriggeringPolicy schedule=\"0 0 0 * * ?\"/>",
    })
    void noAllocationPerEventInSteadyState(String attributes, String policies) throws Exception {
        Measured measured = measure(attributes, policies, "app-%d{yyyy-MM-dd}-%i.log", "");
        assertEquals(0, measured.rollovers, "no rollover while measuring");
        assertTrue(measured.perEvent() < 1.0, attributes + " " + policies + ": " + measured);
    }

    @ParameterizedTest(name = "{0}, {1}")
    @CsvSource(delimiter = '|', value = {
        "bufferMode=\"BLOCK\"|<DefaultRolloverStrategy max=\"7\"/>",
        "async=\"true\"|<DefaultRolloverStrategy max=\"7\"/>",
    })
    void boundedAllocationPerRollover(String attributes, String strategy) throws Exception {
        Measured measured = measure(attributes, "<SizeBasedTriggeringPolicy size=\"64 KB\"/>", "app-%i.log", strategy);
        assertTrue(measured.rollovers >= 50, "rolled over while measuring: " + measured);
        long perRollover = measured.allocated / measured.rollovers;
        System.out.println("RolloverAllocationTest " + attributes + " " + strategy + ": " + measured + " = "
                + perRollover + " B per rollover");
        assertTrue(perRollover < BYTES_PER_ROLLOVER_BOUND, measured + " = " + perRollover + " B per rollover");
    }

    private Measured measure(String attributes, String policies, String filePattern, String strategy) throws Exception {
        Path file = dir.resolve("app.log");
        String xml = TestContexts.config("<PooledFile name=\"file\" fileName=\"" + TestContexts.xmlPath(file)
                + "\" filePattern=\"" + TestContexts.xmlPath(dir) + "/" + filePattern + "\" " + attributes
                + "><PooledJsonLayout/><Policies>" + policies + "</Policies>" + strategy + "</PooledFile>");
        LoggerContext context = TestContexts.start("rollover-alloc", xml);
        PooledFileAppender appender = TestContexts.appender(context, "file");
        try {
            Logger logger = context.getLogger("shop");
            log(logger, AllocationTest.WARM_UP);
            waitForWriter(appender, AllocationTest.WARM_UP);
            com.sun.management.ThreadMXBean threads =
                    (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
            long[] ids = threads.getAllThreadIds();
            long rolloversBefore = appender.stats().rollovers();
            long[] before = threads.getThreadAllocatedBytes(ids);
            log(logger, AllocationTest.MEASURED);
            waitForWriter(appender, AllocationTest.WARM_UP + AllocationTest.MEASURED);
            long[] after = threads.getThreadAllocatedBytes(ids);
            long allocated = 0;
            for (int i = 0; i < ids.length; i++) {
                if (before[i] >= 0 && after[i] >= 0) {
                    allocated += after[i] - before[i];
                }
            }
            // Threads born while measuring (the rollover actions' thread) are not in ids: none is
            // started here, as this strategy has no asynchronous action.
            return new Measured(allocated, AllocationTest.MEASURED, appender.stats().rollovers() - rolloversBefore);
        } finally {
            TestContexts.stop(context);
        }
    }

    private static void log(Logger logger, int count) {
        for (int i = 0; i < count; i++) {
            logger.info("user {} bought {} items", Unbox.box(i), Unbox.box(i & 15));
        }
    }

    private static void waitForWriter(PooledFileAppender appender, long events) throws InterruptedException {
        if (appender.isAsync()) {
            FaultTest.waitUntil(() -> appender.stats().eventsWritten() >= events);
        }
    }

    record Measured(long allocated, long events, long rollovers) {
        double perEvent() {
            return (double) allocated / events;
        }

        @Override
        public String toString() {
            return allocated + " bytes for " + events + " events (" + perEvent() + " B/event), " + rollovers + " rollovers";
        }
    }
}
