package dev.log4jpool.appender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Time-based rollover ({@code TimeBasedTriggeringPolicy}, Log4j's) with a clock the test drives: the
 * events carry the timestamps the test gives them, as Log4j's time policy reads them, so minutes pass
 * in milliseconds. Cron, OnStartup and composite policies too.
 */
class TimeRolloverTest {
    @TempDir
    Path dir;

    private static LogEvent event(String text, long timeMillis) {
        return Log4jLogEvent.newBuilder().setLoggerName("t").setLevel(Level.INFO).setTimeMillis(timeMillis)
                .setMessage(new SimpleMessage(text)).build();
    }

    private LoggerContext start(String attributes, String filePattern, String policies, String strategy) {
        Path active = dir.resolve("app.log");
        return TestContexts.start("time", TestContexts.config("<PooledFile name=\"file\" fileName=\""
                + TestContexts.xmlPath(active) + "\" filePattern=\"" + TestContexts.xmlPath(dir) + "/" + filePattern
                + "\" " + attributes + "><PatternLayout pattern=\"%m%n\"/><Policies>" + policies + "</Policies>"
                + strategy + "</PooledFile>"));
    }

    /** Each minute's events in the file named for that minute, and nowhere else. */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bufferMode=\"BLOCK\"", "async=\"true\""})
    void eachMinuteInItsOwnFile(String attributes) throws Exception {
        LoggerContext context = start(attributes, "app-%d{yyyy-MM-dd-HH-mm}.log",
                "<TimeBasedTriggeringPolicy/>", "");
        PooledFileAppender appender = TestContexts.appender(context, "file");
        long start = System.currentTimeMillis();
        DateTimeFormatter minute = DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm").withZone(ZoneId.systemDefault());
        Map<String, List<String>> expected = new TreeMap<>();
        try {
            for (int k = 0; k < 60; k++) {
                long time = start + k * 10_000L; // ten minutes in 10 s steps
                String text = "{\"seq\":" + k + ",\"time\":" + time + "}";
                appender.append(event(text, time));
                expected.computeIfAbsent(minute.format(Instant.ofEpochMilli(time)), m -> new ArrayList<>()).add(text);
            }
        } finally {
            TestContexts.stop(context);
        }
        String last = ((TreeMap<String, List<String>>) expected).lastKey();
        assertEquals(expected.size() - 1, appender.stats().rollovers());
        for (Map.Entry<String, List<String>> entry : expected.entrySet()) {
            Path file = entry.getKey().equals(last) ? dir.resolve("app.log") : dir.resolve("app-" + entry.getKey() + ".log");
            assertEquals(entry.getValue(), LogLines.read(file), file.toString());
        }
        try (var files = Files.list(dir)) {
            assertEquals(expected.size(), files.count(), "no other files");
        }
    }

    /**
     * Two threads, a shared clock moving 50 ms per event, a file per second of it: every event once,
     * whole, in its thread's order from file to file.
     */
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"bufferMode=\"BLOCK\"", "bufferMode=\"LINE\"", "async=\"true\"", "async=\"true\" ringSize=\"64\""})
    void twoThreadsAcrossHundredsOfSeconds(String attributes) throws Exception {
        LoggerContext context = start(attributes, "app-%d{yyyyMMddHHmmss}.log", "<TimeBasedTriggeringPolicy/>", "");
        PooledFileAppender appender = TestContexts.appender(context, "file");
        AtomicLong clock = new AtomicLong(System.currentTimeMillis());
        int perThread = 5_000;
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 2; t++) {
            int thread = t;
            threads.add(new Thread(() -> {
                try {
                    go.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < perThread; i++) {
                    // Take the time and append under one lock, so that time never goes back between events
                    // (as it does not for a real clock read inside the appender's order).
                    synchronized (clock) {
                        appender.append(event("{\"thread\":" + thread + ",\"seq\":" + i + "}", clock.addAndGet(50)));
                    }
                }
            }));
        }
        try {
            threads.forEach(Thread::start);
            go.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
        } finally {
            TestContexts.stop(context);
        }
        List<Path> files = RolledFiles.byIndex(dir, "app-(\\d+)\\.log", dir.resolve("app.log"));
        RolledFiles.assertCompleteAndOrdered(files, 2, perThread);
        assertTrue(appender.stats().rollovers() >= 400, "rolled " + appender.stats().rollovers());
        // An empty file is deleted rather than rolled (Log4j's renameEmptyFiles="false"): the first
        // event may already be in the next second of the file's creation.
        assertTrue(files.size() >= appender.stats().rollovers() && files.size() <= appender.stats().rollovers() + 1,
                files.size() + " files for " + appender.stats().rollovers() + " rollovers");
    }
}
