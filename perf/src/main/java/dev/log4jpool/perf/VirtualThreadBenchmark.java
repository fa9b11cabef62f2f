package dev.log4jpool.perf;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;

/**
 * One virtual thread per request, as a JDK 21+ server runs them: {@code requests} virtual threads
 * alive at once (100,000 by default), each logging {@code events} events with a
 * {@code Thread.yield()} between them (the request's I/O: the thread unmounts, so every request's
 * per-thread state is alive at the same time), through each setup in a JVM of its own
 * ({@code -Xms1g -Xmx1g}, log files on {@code /dev/shm}).
 *
 * <p>Reported per setup: events per second (wall time from releasing the requests to the last one
 * ending), bytes allocated per event and process CPU per event, both <b>net</b> of the same run with
 * the logging calls left out (rounds with and without logging alternate in one JVM, after warm-up
 * rounds of each); GC count and time in the logging rounds; lines in the file against calls made
 * (checked after Log4j's shutdown has drained every ring; a mismatch is reported).
 *
 * <p><b>How allocation is measured.</b> {@code com.sun.management.ThreadMXBean.getTotalThreadAllocatedBytes()}
 * (JDK 14+): HotSpot's running total of heap bytes allocated by every thread, live or exited. A
 * virtual thread allocates in the TLAB of the carrier thread it is mounted on, so its bytes are
 * counted on the carrier, and carriers that exit keep their count in the total. The per-thread
 * {@code getThreadAllocatedBytes(id)} does not serve here: it answers -1 for a virtual thread, and
 * summing carriers misses those that exited. GC-based accounting (used heap before and after, or
 * {@code -Xlog:gc}) would have to assume that no collection ran in between, which 100,000 threads in
 * 1 GiB do not allow. The counter includes every thread (Log4j's and PooledFile's background
 * threads too, which is wanted) and the JVM's own allocation in the window (JIT, JMX), which the
 * baseline rounds take out.
 *
 * <p>Run: {@code perf/run virtual-threads [requests] [events] [rounds]} (builds the class path, then
 * starts this class) on JDK 21+.
 */
public final class VirtualThreadBenchmark {
    /** The setups, as a user would name them, with what the child JVM needs for each. */
    enum Setup {
        POOLED_SYNC("PooledFile + PooledJsonLayout, sync", false, false, POOLED_FILE),
        POOLED_SYNC_FACTORIES("PooledFile + PooledJsonLayout, sync, pooled event + message factories", false, true,
                POOLED_FILE),
        POOLED_ALL_ASYNC("all-async loggers + PooledFile", true, false, POOLED_FILE),
        POOLED_ALL_ASYNC_VIRTUAL("all-async loggers + PooledFile, pooled factories, Sleep, 64Ki ring (recommended)",
                true, true, POOLED_FILE, VIRTUAL_THREAD_TUNING),
        POOLED_ALL_ASYNC_VIRTUAL_NO_MDC("the same, log4j2.disableThreadContext=true (requests without MDC)", true, true,
                POOLED_FILE, concat(VIRTUAL_THREAD_TUNING, "-Dlog4j2.disableThreadContext=true")),
        RAF_JSON_TEMPLATE("RandomAccessFile + JsonTemplateLayout, sync", false, false, RAF_JSON_TEMPLATE_XML),
        RAF_JSON_TEMPLATE_ALL_ASYNC("all-async loggers + RandomAccessFile + JsonTemplateLayout", true, false,
                RAF_JSON_TEMPLATE_XML),
        RAF_JSON_TEMPLATE_ALL_ASYNC_TUNED("all-async loggers + RandomAccessFile + JsonTemplateLayout, Sleep, 64Ki ring",
                true, false, RAF_JSON_TEMPLATE_XML, VIRTUAL_THREAD_TUNING),
        RAF_JSON_TEMPLATE_ALL_ASYNC_TUNED_NO_MDC("the same, log4j2.disableThreadContext=true", true, false,
                RAF_JSON_TEMPLATE_XML, concat(VIRTUAL_THREAD_TUNING, "-Dlog4j2.disableThreadContext=true"));

        final String title;
        final boolean allAsync;
        final boolean pooledFactories;
        final String appenderXml;
        final List<String> extraProperties;

        Setup(String title, boolean allAsync, boolean pooledFactories, String appenderXml, String... extra) {
            this.title = title;
            this.allAsync = allAsync;
            this.pooledFactories = pooledFactories;
            this.appenderXml = appenderXml;
            this.extraProperties = List.of(extra);
        }

        List<String> systemProperties() {
            List<String> properties = new ArrayList<>(extraProperties);
            if (allAsync) {
                properties.add("-Dlog4j2.contextSelector=org.apache.logging.log4j.core.async.AsyncLoggerContextSelector");
            }
            if (pooledFactories) {
                properties.add("-Dlog4j2.messageFactory=dev.log4jpool.event.PooledMessageFactory");
                // All-async loggers fill their own ring's events; the factory serves their queue-full fallback.
                properties.add("-Dlog4j2.logEventFactory=dev.log4jpool.event.PooledLogEventFactory");
            }
            return properties;
        }
    }

    /**
     * Log4j's async-logger settings for bursts of virtual threads. Its default ring in garbage-free
     * mode (4Ki slots) filled in every round, and a full ring parks the callers on a monitor with
     * their messages in hand (measured, 20,000 threads: 398 B/event, 55,864 messages made, against
     * 65 B/event and 3,135 with 64Ki slots); the default Timeout wait strategy makes every caller
     * take a lock to wake the background thread, which Sleep does not.
     */
    private static final String[] VIRTUAL_THREAD_TUNING = {
        "-Dlog4j2.asyncLoggerWaitStrategy=Sleep", "-Dlog4j2.asyncLoggerRingBufferSize=65536"
    };

    private static String[] concat(String[] first, String... more) {
        String[] all = Arrays.copyOf(first, first.length + more.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    private static final String POOLED_FILE =
            "<PooledFile name=\"file\" fileName=\"%s\" bufferMode=\"BLOCK\"><PooledJsonLayout/></PooledFile>";
    /** JsonTemplateLayout writing the fields PooledJsonLayout writes by default (as in EndToEndBenchmark). */
    private static final String JSON_TEMPLATE = "{"
            + "\"@timestamp\":{\"$resolver\":\"timestamp\",\"pattern\":{\"format\":\"yyyy-MM-dd'T'HH:mm:ss.SSS'Z'\","
            + "\"timeZone\":\"UTC\"}},"
            + "\"level\":{\"$resolver\":\"level\",\"field\":\"name\"},"
            + "\"logger\":{\"$resolver\":\"logger\",\"field\":\"name\"},"
            + "\"thread\":{\"$resolver\":\"thread\",\"field\":\"name\"},"
            + "\"message\":{\"$resolver\":\"message\",\"stringified\":true}}";
    private static final String RAF_JSON_TEMPLATE_XML = "<RandomAccessFile name=\"file\" fileName=\"%s\" "
            + "immediateFlush=\"false\"><JsonTemplateLayout eventTemplate=\""
            + JSON_TEMPLATE.replace("\"", "&quot;").replace("%", "%%") + "\"/></RandomAccessFile>";

    /** A round that takes longer than this is reported as not finished, and the setup stops there. */
    private static final long ROUND_LIMIT_SECONDS = 60;
    private static final String RESULT = "RESULT ";

    private VirtualThreadBenchmark() {}

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--child")) {
            Child.run(Setup.valueOf(args[1]), Path.of(args[2]), Integer.parseInt(args[3]), Integer.parseInt(args[4]),
                    Integer.parseInt(args[5]), Integer.parseInt(args[6]));
            return;
        }
        int requests = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        int warmUps = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        List<Setup> setups = args.length > 4
                ? Arrays.stream(args[4].split(",")).map(Setup::valueOf).toList()
                : List.of(Setup.values());
        if (Runtime.version().feature() < 21) {
            throw new IllegalStateException("virtual threads need JDK 21+, this is " + Runtime.version());
        }
        Path shm = Path.of("/dev/shm");
        Path base = Files.isDirectory(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%d concurrent virtual threads (one per request) x %d events, "
                        + "%d measured rounds after %d warm-up rounds, median; net = minus the same rounds without "
                        + "logging; %s, %d cores%n%n",
                requests, events, rounds, warmUps, Runtime.version(), Runtime.getRuntime().availableProcessors()));
        table.append("| setup | events/s | B/event (net) | CPU µs/event (net) | GCs (time) in logging rounds "
                + "| lines = calls |\n|---|---:|---:|---:|---:|---|\n");
        for (Setup setup : setups) {
            Path dir = Files.createTempDirectory(base, "log4jpool-vt");
            try {
                String result = runChild(setup, dir, requests, events, rounds, warmUps);
                table.append("| ").append(setup.title).append(" | ").append(result).append(" |\n");
                System.out.println(setup.title + ": " + result);
            } finally {
                deleteRecursively(dir);
            }
        }
        System.out.println();
        System.out.println(table);
        Path out = Path.of("perf", "results", "virtual-threads-" + LocalDate.now(ZoneOffset.UTC) + ".md");
        if (Files.isDirectory(out.getParent())) {
            Files.writeString(out, table, StandardCharsets.UTF_8);
            System.out.println("results: " + out);
        }
    }

    private static String runChild(Setup setup, Path dir, int requests, int events, int rounds, int warmUps)
            throws IOException, InterruptedException {
        Path log = dir.resolve("app.log");
        Path config = dir.resolve("log4j2.xml");
        Files.writeString(config, "<Configuration status=\"warn\"><Appenders>"
                + String.format(Locale.ROOT, setup.appenderXml, log)
                + "</Appenders><Loggers><Root level=\"info\"><AppenderRef ref=\"file\"/></Root></Loggers>"
                + "</Configuration>", StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(List.of("-Xms1g", "-Xmx1g", "-cp", System.getProperty("java.class.path")));
        command.add("-Dlog4j2.configurationFile=" + config);
        // Log4j's garbage-free millisecond clock, for every setup alike (see EndToEndBenchmark).
        command.add("-Dlog4j2.clock=SystemMillisClock");
        command.addAll(setup.systemProperties());
        command.add(VirtualThreadBenchmark.class.getName());
        command.addAll(List.of("--child", setup.name(), log.toString(), Integer.toString(requests),
                Integer.toString(events), Integer.toString(rounds), Integer.toString(warmUps)));
        Path output = dir.resolve("child.out");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        long limit = (rounds + warmUps) * 2L * ROUND_LIMIT_SECONDS + 120;
        if (!process.waitFor(limit, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
        List<String> lines = Files.readAllLines(output, StandardCharsets.UTF_8);
        for (String line : lines) {
            if (line.startsWith("round ") || line.contains(" created ")) {
                System.out.println("  " + line); // per-round numbers and the pools' misses, for the record
            }
        }
        for (String line : lines) {
            if (line.startsWith(RESULT)) {
                return line.substring(RESULT.length());
            }
        }
        System.err.println(String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size())));
        return "failed (no result; exit " + (process.isAlive() ? "timeout" : process.exitValue()) + ")";
    }

    private static void deleteRecursively(Path directory) throws IOException {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    /** The child JVM: one setup, rounds with and without logging, one result line. */
    static final class Child {
        private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();

        /**
         * HotSpot's total of heap bytes allocated by all threads, live or exited
         * ({@code com.sun.management.ThreadMXBean.getTotalThreadAllocatedBytes()}, JDK 21 and 17.0.9+;
         * called reflectively because Java 17's API signature file, which {@code --release 17} compiles
         * against on newer JDKs, does not list it).
         */
        static long totalAllocatedBytes() {
            try {
                return (Long) ThreadMXBean.class.getMethod("getTotalThreadAllocatedBytes").invoke(THREADS);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("this JVM does not count the bytes all threads allocate", e);
            }
        }
        private static final OperatingSystemMXBean OS =
                (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        private static final String[] USERS = {"alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi"};

        private final Logger logger = LogManager.getLogger("shop.checkout");
        private final int requests;
        private final int events;
        /** Calls made in this round. */
        private final LongAdder calls = new LongAdder();
        /** Calls made in all logging rounds: the lines the file must hold. */
        private long loggedCalls;

        private Child(int requests, int events) {
            this.requests = requests;
            this.events = events;
        }

        /** What one round cost. */
        record Round(long nanos, long bytes, long cpuNanos, long gcCount, long gcMillis, boolean finished) {}

        static void run(Setup setup, Path log, int requests, int events, int rounds, int warmUps) throws Exception {
            Child child = new Child(requests, events);
            for (int i = 0; i < warmUps; i++) {
                child.round(false);
                Round warm = child.round(true);
                if (!warm.finished) {
                    child.report(setup, log, List.of(), List.of(warm));
                    return;
                }
            }
            List<Round> without = new ArrayList<>();
            List<Round> with = new ArrayList<>();
            for (int i = 0; i < rounds; i++) {
                without.add(child.round(false));
                Round logging = child.round(true);
                with.add(logging);
                if (!logging.finished) {
                    break;
                }
            }
            child.report(setup, log, without, with);
        }

        private void report(Setup setup, Path log, List<Round> without, List<Round> with) throws IOException {
            double eventsPerRound = (double) requests * events;
            Round last = with.get(with.size() - 1);
            if (!last.finished) {
                System.out.println(RESULT + String.format(Locale.ROOT,
                        "did not finish: %,d of %,d events in %d s, %d GCs (%,d ms) | | | | ", calls.sum(),
                        (long) eventsPerRound, TimeUnit.NANOSECONDS.toSeconds(last.nanos), last.gcCount,
                        last.gcMillis));
                System.out.flush();
                Runtime.getRuntime().halt(0); // the threads of the unfinished round are still running
            }
            double rate = median(with, r -> eventsPerRound / (r.nanos / 1e9));
            double bytes = median(pairs(without, with), pair -> (pair[1].bytes - pair[0].bytes) / eventsPerRound);
            double cpu = median(pairs(without, with), pair -> (pair[1].cpuNanos - pair[0].cpuNanos) / 1e3
                    / eventsPerRound);
            long gcs = with.stream().mapToLong(Round::gcCount).sum();
            long gcMillis = with.stream().mapToLong(Round::gcMillis).sum();
            String factories = describeFactories();
            LogManager.shutdown(); // drains the async rings, flushes and closes the file
            long expected = loggedCalls;
            long lines = EndToEndBenchmark.countLines(log);
            System.out.println(RESULT + String.format(Locale.ROOT, "%,.0f | %,.0f | %.2f | %d (%,d ms) | %s",
                    rate, bytes, cpu, gcs, gcMillis,
                    lines == expected ? "yes (" + String.format(Locale.ROOT, "%,d", lines) + ")"
                            : "NO: " + lines + " lines, " + expected + " calls"));
            if (!factories.isEmpty()) {
                System.out.println(factories);
            }
        }

        private static String describeFactories() {
            var context = (org.apache.logging.log4j.core.LoggerContext) LogManager.getContext(false);
            Object eventFactory = context.getConfiguration().getRootLogger().getLogEventFactory();
            Object messageFactory = LogManager.getLogger("shop.checkout").getMessageFactory();
            StringBuilder text = new StringBuilder();
            if (eventFactory instanceof dev.log4jpool.event.PooledLogEventFactory pooled) {
                text.append("events created ").append(pooled.eventsCreated()).append(", dropped ")
                        .append(pooled.eventsDropped()).append("; ");
            }
            if (messageFactory instanceof dev.log4jpool.event.PooledMessageFactory pooled) {
                text.append("messages created ").append(pooled.messagesCreated()).append(", dropped ")
                        .append(pooled.messagesDropped()).append(", plain when all in use ")
                        .append(pooled.messagesOverflowed());
            }
            return text.toString();
        }

        private static List<Round[]> pairs(List<Round> without, List<Round> with) {
            List<Round[]> pairs = new ArrayList<>();
            for (int i = 0; i < Math.min(without.size(), with.size()); i++) {
                pairs.add(new Round[] {without.get(i), with.get(i)});
            }
            return pairs;
        }

        private static <T> double median(List<T> values, java.util.function.ToDoubleFunction<T> f) {
            double[] sorted = values.stream().mapToDouble(f).sorted().toArray();
            int n = sorted.length;
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }

        /**
         * Starts every request's virtual thread, lets them all wait at a gate (so that all are alive
         * at once), opens it, and waits for the last to end.
         */
        private Round round(boolean logging) throws Exception {
            System.gc(); // each round starts from the same heap, so rounds with and without logging compare
            calls.reset();
            ThreadFactory virtualThreads = virtualThreadFactory();
            // Every thread parks at the gate before it opens: one that found it open would skip its first
            // unmount and the stack chunk that goes with it, a different amount of JDK allocation per round.
            CountDownLatch ready = new CountDownLatch(requests);
            CountDownLatch gate = new CountDownLatch(1);
            CountDownLatch done = new CountDownLatch(requests);
            long gcCountBefore = gcCount();
            long gcMillisBefore = gcMillis();
            long bytesBefore = totalAllocatedBytes();
            long cpuBefore = OS.getProcessCpuTime();
            for (int r = 0; r < requests; r++) {
                int request = r;
                virtualThreads.newThread(() -> {
                    try {
                        ready.countDown();
                        gate.await();
                        handle(request, logging);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    } finally {
                        done.countDown();
                    }
                }).start();
            }
            ready.await();
            long start = System.nanoTime();
            gate.countDown();
            boolean finished = done.await(ROUND_LIMIT_SECONDS, TimeUnit.SECONDS);
            long nanos = System.nanoTime() - start;
            long bytes = totalAllocatedBytes() - bytesBefore;
            long cpu = OS.getProcessCpuTime() - cpuBefore;
            if (logging) {
                loggedCalls += calls.sum();
            }
            System.out.printf(Locale.ROOT, "round %s: %,d ms, %,d B, cpu %,d ms, %d GCs (%,d ms)%n",
                    logging ? "with logging" : "without", TimeUnit.NANOSECONDS.toMillis(nanos), bytes,
                    TimeUnit.NANOSECONDS.toMillis(cpu), gcCount() - gcCountBefore, gcMillis() - gcMillisBefore);
            return new Round(nanos, bytes, cpu, gcCount() - gcCountBefore, gcMillis() - gcMillisBefore, finished);
        }

        /** One request: a request id it would have anyway, then its events, with I/O (a yield) between them. */
        private void handle(int request, boolean logging) {
            String requestId = "req-" + request;
            String user = USERS[request & 7];
            for (int step = 0; step < events; step++) {
                if (logging) {
                    logger.info("request {} step {} for {}", requestId, step, user);
                }
                calls.increment();
                Thread.yield();
            }
        }

        /** {@code Thread.ofVirtual().factory()}, through reflection: this module compiles for Java 17. */
        private static ThreadFactory virtualThreadFactory() throws ReflectiveOperationException {
            Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
            return (ThreadFactory) Class.forName("java.lang.Thread$Builder").getMethod("factory").invoke(builder);
        }

        private static long gcCount() {
            long count = 0;
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                count += Math.max(0, gc.getCollectionCount());
            }
            return count;
        }

        private static long gcMillis() {
            long millis = 0;
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                millis += Math.max(0, gc.getCollectionTime());
            }
            return millis;
        }
    }

}
