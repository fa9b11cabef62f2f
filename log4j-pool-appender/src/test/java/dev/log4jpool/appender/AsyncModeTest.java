package dev.log4jpool.appender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.status.StatusData;
import org.apache.logging.log4j.status.StatusListener;
import org.apache.logging.log4j.status.StatusLogger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The async ring: dropping when full, draining at stop, statistics and JMX. */
class AsyncModeTest {
    @TempDir
    Path dir;

    private LoggerContext start(Path file, String attributes) {
        return TestContexts.start("async", TestContexts.config("<PooledFile name=\"file\" fileName=\""
                + TestContexts.xmlPath(file) + "\" " + attributes + "><PatternLayout pattern=\"%m%n\"/></PooledFile>"));
    }

    @Test
    void dropCountsWhatItDropsAndWarnsAtMostOnceASecond() throws Exception {
        List<String> warnings = new CopyOnWriteArrayList<>();
        StatusListener listener = new StatusListener() {
            @Override
            public void log(StatusData data) {
                if (data.getLevel() == Level.WARN && data.getFormattedStatus().contains("dropped")) {
                    warnings.add(data.getMessage().getFormattedMessage());
                }
            }

            @Override
            public Level getStatusLevel() {
                return Level.WARN;
            }

            @Override
            public void close() {}
        };
        StatusLogger.getLogger().registerListener(listener);
        Path file = dir.resolve("drop.log");
        // A tiny ring behind a writer that makes a system call per event: producers outrun it.
        LoggerContext context = start(file, "async=\"true\" ringSize=\"2\" queueFullPolicy=\"Drop\" bufferMode=\"LINE\"");
        PooledFileAppender appender = TestContexts.appender(context, "file");
        long started = System.nanoTime();
        int threads = 4;
        int perThread = 50_000;
        try {
            Logger logger = context.getLogger("t");
            Thread[] producers = new Thread[threads];
            for (int t = 0; t < threads; t++) {
                int thread = t;
                producers[t] = new Thread(() -> {
                    for (int i = 0; i < perThread; i++) {
                        logger.info("{\"thread\":{},\"seq\":{}}", thread, i);
                    }
                });
                producers[t].start();
            }
            for (Thread producer : producers) {
                producer.join();
            }
        } finally {
            TestContexts.stop(context);
            StatusLogger.getLogger().removeListener(listener);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        PooledFileStats stats = appender.stats();
        List<String> lines = LogLines.read(file);
        assertTrue(stats.eventsDropped() > 0, "a ring of 2 must overflow: " + stats);
        assertEquals(threads * perThread, lines.size() + stats.eventsDropped(), "written + dropped = logged");
        assertEquals(lines.size(), stats.eventsWritten());
        assertTrue(stats.ringHighWaterMark() <= 2, stats.toString());
        assertTrue(!warnings.isEmpty(), "a WARN says events were dropped");
        assertTrue(warnings.size() <= Math.ceil(seconds) + 1, warnings.size() + " warnings in " + seconds + " s");
        // What was written is still whole and in order, with gaps where events were dropped.
        int[] last = {-1, -1, -1, -1};
        for (String line : lines) {
            var node = LogLines.parse(line);
            int thread = node.get("thread").asInt();
            int seq = node.get("seq").asInt();
            assertTrue(seq > last[thread], "order of thread " + thread);
            last[thread] = seq;
        }
    }

    @Test
    void stopWritesEveryPublishedEvent() throws Exception {
        for (String strategy : new String[] {"Block", "Timeout", "Sleep", "Yield", "BusySpin"}) {
            Path file = dir.resolve("stop-" + strategy + ".log");
            LoggerContext context = start(file, "async=\"true\" ringSize=\"65536\" waitStrategy=\"" + strategy + "\"");
            Logger logger = context.getLogger("t");
            for (int i = 0; i < 50_000; i++) {
                logger.info("{\"thread\":0,\"seq\":{}}", i);
            }
            // Stop at once, with the ring still full of events.
            TestContexts.stop(context);
            LogLines.assertCompleteAndOrdered(file, 1, 50_000);
        }
    }

    /**
     * Start, three events, stop at once: the stop must not come before the writer thread runs (with
     * Disruptor 3.4's own shutdown, half of such rounds lost every event).
     */
    @Test
    void stopRightAfterStartLosesNothing() throws Exception {
        for (int round = 0; round < 100; round++) {
            Path file = dir.resolve("quick-" + round + ".log");
            LoggerContext context = start(file, "async=\"true\" bufferMode=\"" + (round % 2 == 0 ? "LINE" : "BLOCK") + "\"");
            Logger logger = context.getLogger("t");
            logger.info("one");
            logger.info("two");
            logger.info("three");
            TestContexts.stop(context);
            assertEquals(List.of("one", "two", "three"), LogLines.read(file), "round " + round);
        }
    }

    @Test
    void statsAndJmxCountWhatWasWritten() throws Exception {
        Path file = dir.resolve("stats.log");
        LoggerContext context = start(file, "async=\"true\" bufferMode=\"LINE\"");
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName("dev.log4jpool:type=PooledFile,name=file");
        try {
            PooledFileAppender appender = TestContexts.appender(context, "file");
            Logger logger = context.getLogger("t");
            for (int i = 0; i < 10; i++) {
                logger.info("0123456789"); // 11 bytes with the newline
            }
            FaultTest.waitUntil(() -> appender.stats().eventsWritten() == 10);
            PooledFileStats stats = appender.stats();
            assertEquals(new PooledFileStats(10, 110, 10, 0, stats.ringHighWaterMark(), 0, 0), stats);
            assertTrue(stats.ringHighWaterMark() >= 1);
            assertEquals(10L, server.getAttribute(name, "EventsWritten"));
            assertEquals(110L, server.getAttribute(name, "BytesWritten"));
            assertEquals(10L, server.getAttribute(name, "Flushes"));
            assertEquals(0L, server.getAttribute(name, "EventsDropped"));
            assertEquals(0L, server.getAttribute(name, "WriteErrors"));
            assertEquals(stats.ringHighWaterMark(), server.getAttribute(name, "RingHighWaterMark"));
            assertEquals(true, server.getAttribute(name, "Async"));
            assertEquals("LINE", server.getAttribute(name, "BufferMode"));
            assertEquals(file.toAbsolutePath().toString(), server.getAttribute(name, "FileName"));
        } finally {
            TestContexts.stop(context);
        }
        assertTrue(!server.isRegistered(name), "unregistered at stop");
        assertEquals(10, LogLines.read(file).size());
    }

    @Test
    void syncStatsCountBytesAndFlushes() throws Exception {
        Path file = dir.resolve("sync-stats.log");
        LoggerContext context = start(file, "bufferMode=\"BLOCK\" bufferSize=\"100\"");
        PooledFileAppender appender = TestContexts.appender(context, "file");
        Logger logger = context.getLogger("t");
        for (int i = 0; i < 25; i++) {
            logger.info("0123456789"); // 11 bytes: 275 in all, two full blocks of 100 written
        }
        assertEquals(new PooledFileStats(25, 275, 2, 0, 0, 0, 0), appender.stats());
        TestContexts.stop(context);
        assertEquals(3, appender.stats().flushes());
        assertEquals(25, LogLines.read(file).size());
    }
}
