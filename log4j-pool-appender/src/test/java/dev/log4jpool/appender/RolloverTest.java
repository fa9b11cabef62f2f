package dev.log4jpool.appender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Size-based rollover with Log4j's {@code SizeBasedTriggeringPolicy} and
 * {@code DefaultRolloverStrategy}: two threads, hundreds of rollovers, every event in exactly one
 * file, whole, and in its thread's order from file to file.
 */
class RolloverTest {
    static final int THREADS = 2;
    static final int PER_THREAD = 20_000;
    static final int MAX_SIZE = 8 * 1024;

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0} {1} {2}")
    @CsvSource(delimiter = '|', value = {
        "bufferMode=\"BLOCK\"|<PooledJsonLayout/>|''",
        "bufferMode=\"LINE\"|<PatternLayout pattern=\"%m%n\"/>|''",
        "bufferMode=\"BLOCK\" bufferSize=\"1000\"|<PatternLayout pattern=\"%m%n\"/>|''",
        "bufferMode=\"BLOCK\"|<PooledJsonLayout/>|.gz",
        "async=\"true\"|<PooledJsonLayout/>|''",
        "async=\"true\" bufferMode=\"NONE\"|<PatternLayout pattern=\"%m%n\"/>|''",
        "async=\"true\" ringSize=\"64\"|<PatternLayout pattern=\"%m%n\"/>|''",
        "async=\"true\"|<PooledJsonLayout/>|.gz",
    })
    void sizePolicyRollsHundredsOfTimesLosingNothing(String attributes, String layout, String compression)
            throws Exception {
        Path active = dir.resolve("app.log");
        String xml = TestContexts.config("<PooledFile name=\"file\" fileName=\"" + TestContexts.xmlPath(active)
                + "\" filePattern=\"" + TestContexts.xmlPath(dir) + "/app-%i.log" + compression + "\" " + attributes + ">" + layout
                + "<Policies><SizeBasedTriggeringPolicy size=\"" + MAX_SIZE + "\"/></Policies>"
                + "<DefaultRolloverStrategy max=\"100000\"/></PooledFile>");
        LoggerContext context = TestContexts.start("size", xml);
        PooledFileAppender appender = TestContexts.appender(context, "file");
        long rollovers;
        try {
            runThreads(context.getLogger("t"));
            String thread = appender.getManager().roller().lastRolloverThread();
            assertTrue(thread.startsWith(appender.isAsync() ? "log4jpool-PooledFile-file" : "logging-"),
                    "async: rolled on the writer thread; sync: on a logging thread, under the file's lock: " + thread);
        } finally {
            TestContexts.stop(context);
            rollovers = appender.stats().rollovers();
        }
        List<Path> files = RolledFiles.byIndex(dir, "app-(\\d+)\\.log" + compression.replace(".", "\\."), active);
        assertTrue(rollovers >= 100, "rolled " + rollovers + " times");
        assertEquals(rollovers + 1, files.size(), "one file per rollover and the active one: " + files);
        RolledFiles.assertCompleteAndOrdered(files, THREADS, PER_THREAD);
        long longest = 0;
        for (Path file : files) {
            if (compression.isEmpty()) {
                longest = Math.max(longest, Files.size(file));
                assertTrue(LogLines.endsWithNewline(file), file + " ends with a whole line");
            }
        }
        // The check runs before each event: a file passes the size by at most the event that crossed it.
        assertTrue(longest <= MAX_SIZE + 1024, "largest file " + longest);
    }

    /** {@code DirectWriteRolloverStrategy}: no {@code fileName}, each file written under its final name. */
    @ParameterizedTest(name = "{0}")
    @org.junit.jupiter.params.provider.ValueSource(strings = {"bufferMode=\"BLOCK\"", "async=\"true\""})
    void directWriteRollsHundredsOfTimesLosingNothing(String attributes) throws Exception {
        String xml = TestContexts.config("<PooledFile name=\"file\" filePattern=\"" + TestContexts.xmlPath(dir)
                + "/app-%i.log\" " + attributes + "><PooledJsonLayout/><Policies><SizeBasedTriggeringPolicy size=\""
                + MAX_SIZE + "\"/></Policies><DirectWriteRolloverStrategy maxFiles=\"100000\"/></PooledFile>");
        LoggerContext context = TestContexts.start("direct", xml);
        PooledFileAppender appender = TestContexts.appender(context, "file");
        try {
            runThreads(context.getLogger("t"));
        } finally {
            TestContexts.stop(context);
        }
        List<Path> files = RolledFiles.byIndex(dir, "app-(\\d+)\\.log", null);
        assertTrue(appender.stats().rollovers() >= 100, "rolled " + appender.stats().rollovers() + " times");
        assertEquals(appender.stats().rollovers() + 1, files.size());
        RolledFiles.assertCompleteAndOrdered(files, THREADS, PER_THREAD);
    }

    static void runThreads(Logger logger) throws InterruptedException {
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            threads.add(new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < PER_THREAD; i++) {
                    logger.info("{\"thread\":" + thread + ",\"seq\":" + i + "}");
                }
            }, "logging-" + t));
        }
        threads.forEach(Thread::start);
        go.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
    }
}
