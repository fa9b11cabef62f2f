package dev.log4jpool.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link PooledLogEventFactory} and {@link PooledMessageFactory} selected the way an application
 * selects them ({@code -Dlog4j2.logEventFactory}, {@code -Dlog4j2.messageFactory}), each scenario in
 * a JVM of its own ({@link FactoriesChild}): every event written with the right message, counted;
 * no event in two callers' hands at once ({@link ReuseCheckingAppender}, which yields inside
 * {@code append} so that a virtual thread unmounts while it holds the event); and the bytes
 * allocated per event.
 *
 * <p>Virtual-thread cases run on JDK 21+ (the build's JDK 25 pass); the platform-thread cases,
 * which exercise the same rings with {@code log4j2.enableThreadlocals=false}, run everywhere.
 */
class PooledFactoriesTest {
    private static final String EVENT_FACTORY = "-Dlog4j2.logEventFactory=" + PooledLogEventFactory.class.getName();
    private static final String MESSAGE_FACTORY = "-Dlog4j2.messageFactory=" + PooledMessageFactory.class.getName();
    private static final String ALL_ASYNC =
            "-Dlog4j2.contextSelector=org.apache.logging.log4j.core.async.AsyncLoggerContextSelector";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void virtualThreadsSynchronousLoggerEveryEventRightAndNeverShared() throws Exception {
        assumeVirtualThreads();
        Map<String, String> found = logAndCheck(fileConfig(false), List.of(EVENT_FACTORY, MESSAGE_FACTORY),
                20_000, 8, "virtual", true);
        assertEquals(PooledLogEventFactory.class.getName(), found.get("eventFactory"));
        assertEquals(PooledMessageFactory.class.getName(), found.get("messageFactory"));
        assertTrue(found.get("checker").contains("pooledEvents=200000"), found::toString);
        // Events were reused, although the checker holds each across a yield, so that thousands of
        // threads hold one at a time: fewer were made than logged (160,000 calls + 40,000 nested).
        assertTrue(Long.parseLong(found.get("eventsCreated")) < 200_000, found::toString);
        assertTrue(Long.parseLong(found.get("messagesCreated")) < 200_000, found::toString);
    }

    /**
     * {@code <AsyncLogger>} with messages Log4j cannot reuse ({@code printf}): Log4j 2.25.3 copies the
     * caller's event into its ring only for a factory that is a {@code ReusableLogEventFactory}.
     */
    @Test
    void virtualThreadsMixedAsyncLoggerEveryEventRight() throws Exception {
        assumeVirtualThreads();
        Map<String, String> found = logAndCheck(fileConfig(true), List.of(EVENT_FACTORY, MESSAGE_FACTORY),
                20_000, 8, "virtual", true);
        assertEquals(PooledLogEventFactory.class.getName(), found.get("eventFactory"));
    }

    @Test
    void virtualThreadsAllAsyncLoggersEveryEventRight() throws Exception {
        assumeVirtualThreads();
        Map<String, String> found = logAndCheck(fileConfig(false), List.of(ALL_ASYNC, EVENT_FACTORY, MESSAGE_FACTORY),
                20_000, 8, "virtual", false);
        assertEquals(PooledMessageFactory.class.getName(), found.get("messageFactory"));
    }

    /** The rings on platform threads: with Log4j's thread locals off (as in a web application), every thread uses them. */
    @Test
    void platformThreadsWithoutThreadLocalsUseTheRingsEveryEventRight() throws Exception {
        Map<String, String> found = logAndCheck(fileConfig(false),
                List.of(EVENT_FACTORY, MESSAGE_FACTORY, "-Dlog4j2.enableThreadlocals=false"), 16, 5_000, "platform", true);
        assertTrue(found.get("checker").contains("pooledEvents=100000"), found::toString);
        // The rings serve nearly every event. Not all: a thread descheduled inside a ring's two-store
        // window makes the others give up and make an event (the ring's contract; see the README's
        // Known limits): 40-65 of 100,000 on 2 busy vCPUs, so the bound is 1 %, not a ring size.
        assertTrue(Long.parseLong(found.get("eventsCreated")) <= 1_000, found::toString);
    }

    @Test
    void platformThreadsMixedAsyncLoggerWithoutThreadLocalsEveryEventRight() throws Exception {
        logAndCheck(fileConfig(true), List.of(EVENT_FACTORY, MESSAGE_FACTORY, "-Dlog4j2.enableThreadlocals=false"),
                16, 5_000, "platform", true);
    }

    /**
     * 0 bytes per event on a platform thread, measured exactly like the project's other allocation
     * tests: with thread locals (Log4j's own per-thread event and messages, as before) and without
     * (the rings).
     */
    @ParameterizedTest(name = "log4j2.enableThreadlocals={0}")
    @ValueSource(booleans = {true, false})
    void platformThreadAllocatesNothingPerEvent(boolean threadLocals) throws Exception {
        Map<String, String> found = runChild(emptyConfig(),
                List.of(EVENT_FACTORY, MESSAGE_FACTORY, "-Dlog4j2.enableThreadlocals=" + threadLocals), "alloc-platform");
        assertEquals(PooledLogEventFactory.class.getName(), found.get("eventFactory"));
        assertEquals("true", found.get("timestampsMoved"));
        assertEquals(0.0, Double.parseDouble(found.get("bytesPerEvent")), found::toString);
    }

    /**
     * One virtual thread per request (20,000 alive at once, 5 events each): Log4j's own factories
     * make an event and a set of messages per request (measured 286 B/event); ours stay within 64
     * (measured 51.2: what is left is the JDK's thread-local map, 256 B per thread, that Log4j's
     * logger, thread context and appender control create on every thread; see the README).
     *
     * <p>One carrier thread, so that the number is exact: with two carriers on a loaded machine, the
     * operating system sometimes deschedules a carrier inside a ring's two-store window and the
     * layout's buffer pool allocates while it waits (the benchmark in perf measures that case).
     */
    @Test
    void virtualThreadPerRequestAllocatesAtMost64BytesPerEvent() throws Exception {
        assumeVirtualThreads();
        List<String> oneCarrier = List.of("-Xms1g", "-Djdk.virtualThreadScheduler.parallelism=1",
                "-Djdk.virtualThreadScheduler.maxPoolSize=1");
        List<String> pooledProperties = new ArrayList<>(oneCarrier);
        pooledProperties.addAll(List.of(EVENT_FACTORY, MESSAGE_FACTORY));
        Map<String, String> pooled = runChild(emptyConfig(), pooledProperties, "alloc-virtual", "20000", "5", "5", "true");
        Map<String, String> log4j = runChild(emptyConfig(), oneCarrier, "alloc-virtual", "20000", "5", "5", "true");
        double ours = Double.parseDouble(pooled.get("netBytesPerEvent"));
        double theirs = Double.parseDouble(log4j.get("netBytesPerEvent"));
        System.out.println("virtual thread per request, B/event: pooled factories " + pooled.get("netBytesPerEventRounds")
                + ", Log4j's " + log4j.get("netBytesPerEventRounds"));
        assertEquals(PooledLogEventFactory.class.getName(), pooled.get("eventFactory"));
        assertTrue(ours <= 64, "pooled factories: " + pooled);
        assertTrue(theirs > 64, "Log4j's factories: " + log4j);
    }

    private static void assumeVirtualThreads() {
        assumeTrue(Runtime.version().feature() >= 21, "virtual threads need JDK 21+");
    }

    private Path fileConfig(boolean mixedAsync) throws IOException {
        Path log = dir.resolve("app.log");
        String loggers = mixedAsync
                ? "<AsyncLogger name=\"shop\" level=\"info\" additivity=\"false\" includeLocation=\"false\">"
                        + "<AppenderRef ref=\"file\"/></AsyncLogger><Root level=\"info\"><AppenderRef ref=\"file\"/></Root>"
                : "<Root level=\"info\"><AppenderRef ref=\"file\"/></Root>";
        return write("<Configuration status=\"warn\"><Appenders><File name=\"file\" fileName=\"" + log
                + "\" bufferedIO=\"true\" immediateFlush=\"false\"><PooledJsonLayout/></File></Appenders><Loggers>"
                + loggers + "</Loggers></Configuration>");
    }

    private Path emptyConfig() throws IOException {
        return write("<Configuration status=\"warn\"><Loggers><Root level=\"info\"/></Loggers></Configuration>");
    }

    private Path write(String xml) throws IOException {
        Path config = dir.resolve("log4j2-" + System.nanoTime() + ".xml");
        Files.writeString(config, xml, StandardCharsets.UTF_8);
        return config;
    }

    /** Runs a {@code log} scenario, then reads the file back: one line per call, each message as logged. */
    private Map<String, String> logAndCheck(Path config, List<String> properties, int requests, int events,
            String threads, boolean nested) throws Exception {
        Map<String, String> found = runChild(config, properties, "log", Integer.toString(requests),
                Integer.toString(events), threads, Boolean.toString(nested));
        assertEquals("0", found.get("failures"), found::toString);
        assertTrue(found.get("checker").endsWith("violations=0"), found::toString);

        Map<String, Integer> seen = new HashMap<>();
        long lines = 0;
        for (String line : Files.readAllLines(dir.resolve("app.log"), StandardCharsets.UTF_8)) {
            JsonNode event = JSON.readTree(line);
            seen.merge(event.get("message").asText(), 1, Integer::sum);
            lines++;
        }
        long nestedCalls = 0;
        List<String> wrong = new ArrayList<>();
        for (int request = 0; request < requests; request++) {
            for (int step = 0; step < events; step++) {
                expectOnce(seen, FactoriesChild.text(request, step), wrong);
                if (nested && step % 4 == 2) {
                    expectOnce(seen, "nested request r" + request + " step " + step, wrong);
                    nestedCalls++;
                }
            }
        }
        assertEquals(List.of(), wrong.subList(0, Math.min(5, wrong.size())), "messages missing, doubled or changed");
        assertEquals((long) requests * events + nestedCalls, lines, "lines against calls");
        return found;
    }

    private static void expectOnce(Map<String, Integer> seen, String message, List<String> wrong) {
        Integer count = seen.get(message);
        if (count == null || count != 1) {
            wrong.add(message + " x" + count);
        }
    }

    private Map<String, String> runChild(Path config, List<String> properties, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx1g");
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add("-Dlog4j2.configurationFile=" + config);
        // Log4j's default clock makes an Instant per event in some JVM runs (see AllocationTest).
        command.add("-Dlog4j2.clock=SystemMillisClock");
        command.addAll(properties);
        command.add(FactoriesChild.class.getName());
        command.addAll(List.of(args));
        Path output = dir.resolve("child-" + System.nanoTime() + ".out");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!process.waitFor(300, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("child JVM did not finish in 300 s: " + Files.readString(output));
        }
        String printed = Files.readString(output, StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), printed);
        Map<String, String> found = new HashMap<>();
        for (String line : printed.split("\n")) {
            int eq = line.indexOf('=');
            if (line.startsWith("checker ")) {
                found.put("checker", line.substring("checker ".length()));
            } else if (eq > 0 && !line.startsWith("WARNING")) {
                found.putIfAbsent(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        found.put("output", printed.length() > 2000 ? printed.substring(0, 2000) : printed);
        return found;
    }
}
