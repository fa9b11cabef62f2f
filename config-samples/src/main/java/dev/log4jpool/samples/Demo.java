package dev.log4jpool.samples;

import dev.log4jpool.buffer.BufferPoolStats;
import dev.log4jpool.message.StructuredMessage;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.util.Unbox;

/**
 * The demo: logs a million events from two threads through PooledJsonLayout and PooledFile, with a
 * progress bar, then shows the throughput, the bytes allocated per event, how the buffer pool
 * served its buffers, and the first lines of the file. {@code --help} lists the options.
 */
public final class Demo {
    private static final String[] CUSTOMERS = {"alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi"};
    /** The first fifth of each thread's events warm the JIT up; allocation is measured over the rest. */
    private static final double WARM_UP_SHARE = 0.2;

    private final DemoOptions options;
    private final PrintStream out;

    Demo(DemoOptions options, PrintStream out) {
        this.options = options;
        this.out = out;
    }

    public static void main(String[] args) throws Exception {
        DemoOptions options;
        try {
            options = DemoOptions.parse(List.of(args));
        } catch (DemoOptions.UsageException e) {
            boolean help = e.getMessage().isEmpty();
            if (!help) {
                System.err.println("demo: " + e.getMessage());
            }
            (help ? System.out : System.err).println(DemoOptions.USAGE);
            System.exit(help ? 0 : 2);
            return;
        }
        System.exit(new Demo(options, System.out).run());
    }

    /** Runs the demo; returns the process exit status. */
    int run() throws Exception {
        Path logFile = options.logFile().toAbsolutePath();
        Files.deleteIfExists(logFile);
        System.setProperty("log4jpool.demo.file", logFile.toString());
        System.setProperty("log4jpool.demo.dir", logFile.getParent().toString());
        options.sample().systemProperties.forEach(System::setProperty);
        if (System.getProperty("log4j2.clock") == null) {
            // Log4j's default clock makes a 24-byte Instant per event in some JVM runs (whether C2
            // removes it varies from run to run); its millisecond clock never does, and the JSON
            // timestamps are in milliseconds anyway. -Dlog4j2.clock=... overrides this.
            System.setProperty("log4j2.clock", "SystemMillisClock");
        }
        URI config = configUri();
        out.printf(Locale.ROOT, "log4j-pool demo: %,d events, %d threads, %s messages, config %s%n",
                options.events(), options.threads(), options.message().name().toLowerCase(Locale.ROOT), config);

        LoggerContext context = Configurator.initialize("log4jpool-demo", null, config);
        if (context == null) {
            System.err.println("demo: Log4j could not start with " + config);
            return 1;
        }
        Logger logger = context.getLogger("dev.log4jpool.demo.Orders");
        Run run = logEverything(logger);
        Map<String, BufferPoolStats> pools = poolStats();
        long beforeStop = System.nanoTime();
        Configurator.shutdown(context);
        long stopped = System.nanoTime();

        report(run, pools, (stopped - beforeStop), logFile);
        return 0;
    }

    private URI configUri() throws URISyntaxException {
        if (options.configFile() != null) {
            return options.configFile().toAbsolutePath().toUri();
        }
        return Demo.class.getResource("/" + options.sample().resource).toURI();
    }

    /** What the logging threads did. */
    private record Run(long nanos, long measuredEvents, long measuredBytes) {}

    private Run logEverything(Logger logger) throws Exception {
        int threads = options.threads();
        AtomicLong progress = new AtomicLong();
        CyclicBarrier warmedUp = new CyclicBarrier(threads + 1);
        CyclicBarrier finished = new CyclicBarrier(threads + 1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        long measuredEvents = 0;
        for (int t = 0; t < threads; t++) {
            long count = options.events() / threads + (t < options.events() % threads ? 1 : 0);
            long warmUp = (long) (count * WARM_UP_SHARE);
            measuredEvents += count - warmUp;
            int id = t;
            Thread worker = new Thread(() -> {
                try {
                    logEvents(logger, id, 0, warmUp, progress);
                    warmedUp.await();
                    logEvents(logger, id, warmUp, count, progress);
                    finished.await();
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                    warmedUp.reset();
                    finished.reset();
                }
            }, "demo-" + t);
            workers.add(worker);
        }
        long start = System.nanoTime();
        workers.forEach(Thread::start);
        ProgressBar bar = new ProgressBar(System.err, options.events());
        // Snapshot while every worker waits at a barrier (alive, and counted), then release them.
        waitForWorkers(warmedUp, progress, bar);
        Map<Long, Long> before = allocatedBytesOfAllThreads();
        release(warmedUp);
        waitForWorkers(finished, progress, bar);
        Map<Long, Long> after = allocatedBytesOfAllThreads();
        release(finished);
        long elapsed = System.nanoTime() - start;
        bar.finish(progress.get());
        for (Thread worker : workers) {
            worker.join();
        }
        if (failure.get() != null) {
            throw new IllegalStateException("a logging thread failed", failure.get());
        }
        long bytes = 0;
        for (Map.Entry<Long, Long> thread : after.entrySet()) {
            Long then = before.get(thread.getKey());
            bytes += thread.getValue() - (then == null ? 0 : then);
        }
        return new Run(elapsed, measuredEvents, bytes);
    }

    private void logEvents(Logger logger, int thread, long from, long to, AtomicLong progress) {
        boolean typed = options.message() == DemoOptions.MessageKind.TYPED;
        long reported = 0;
        for (long i = from; i < to; i++) {
            int items = (int) (i % 7) + 1;
            long user = thread * 1_000_000_000L + i;
            if (typed) {
                logger.info(StructuredMessage.of("order placed")
                        .with("orderId", user)
                        .with("items", items)
                        .with("amount", items * 9.99)
                        .with("express", (i & 1) == 0)
                        .with("customer", CUSTOMERS[(int) (i % CUSTOMERS.length)]));
            } else {
                logger.info("user {} bought {} items", Unbox.box(user), Unbox.box(items));
            }
            if (((i - from) & 1023) == 1023) {
                progress.addAndGet(1024);
                reported += 1024;
            }
        }
        progress.addAndGet(to - from - reported);
    }

    /** Draws the bar until every worker waits at the barrier (or one failed and broke it). */
    private static void waitForWorkers(CyclicBarrier barrier, AtomicLong progress, ProgressBar bar) throws InterruptedException {
        while (barrier.getNumberWaiting() < barrier.getParties() - 1 && !barrier.isBroken()) {
            bar.draw(progress.get());
            Thread.sleep(100);
        }
    }

    private static void release(CyclicBarrier barrier) throws Exception {
        if (!barrier.isBroken()) {
            barrier.await();
        }
    }

    private static Map<Long, Long> allocatedBytesOfAllThreads() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] ids = threads.getAllThreadIds();
        long[] bytes = threads.getThreadAllocatedBytes(ids);
        Map<Long, Long> result = new TreeMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] >= 0) {
                result.put(ids[i], bytes[i]);
            }
        }
        return result;
    }

    /** Every buffer pool registered in JMX, read before the configuration stops. */
    private static Map<String, BufferPoolStats> poolStats() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        Map<String, BufferPoolStats> pools = new TreeMap<>();
        Set<ObjectName> names = server.queryNames(new ObjectName("dev.log4jpool:type=BufferPool,*"), null);
        for (ObjectName name : names) {
            pools.put(name.getKeyProperty("name"), new BufferPoolStats(
                    (long) server.getAttribute(name, "ThreadLocalHits"),
                    (long) server.getAttribute(name, "RingHits"),
                    (long) server.getAttribute(name, "Allocations"),
                    (long) server.getAttribute(name, "RingDrops"),
                    (long) server.getAttribute(name, "Trims"),
                    (int) server.getAttribute(name, "Pooled"),
                    (int) server.getAttribute(name, "Capacity")));
        }
        return pools;
    }

    private void report(Run run, Map<String, BufferPoolStats> pools, long stopNanos, Path logFile) throws IOException {
        double seconds = run.nanos() / 1e9;
        out.println();
        out.printf(Locale.ROOT, "throughput      %,.0f events/s (%,d events in %.2f s; stopping and flushing took %.0f ms)%n",
                options.events() / seconds, options.events(), seconds, stopNanos / 1e6);
        out.printf(Locale.ROOT, "allocated       %.1f bytes per event, all threads, over the last %,d events (after %.0f%% warm-up)%n",
                (double) run.measuredBytes() / run.measuredEvents(), run.measuredEvents(), WARM_UP_SHARE * 100);
        for (Map.Entry<String, BufferPoolStats> pool : pools.entrySet()) {
            BufferPoolStats stats = pool.getValue();
            long acquires = Math.max(1, stats.acquires());
            out.printf(Locale.ROOT,
                    "pool %-10s %,d acquires: thread tier %.2f%%, ring %.2f%%, new %.4f%% (%d buffers made); %d dropped, %d trimmed%n",
                    pool.getKey(), stats.acquires(), 100.0 * stats.threadLocalHits() / acquires,
                    100.0 * stats.ringHits() / acquires, 100.0 * stats.allocations() / acquires, stats.allocations(),
                    stats.ringDrops(), stats.trims());
        }
        if (!Files.exists(logFile)) {
            out.println("file            none: this configuration does not write " + logFile);
            return;
        }
        long lines;
        try (var stream = Files.lines(logFile, StandardCharsets.UTF_8)) {
            lines = stream.count();
        }
        out.printf(Locale.ROOT, "file            %s (%,d bytes, %,d lines)%n", logFile, Files.size(logFile), lines);
        try (BufferedReader reader = Files.newBufferedReader(logFile, StandardCharsets.UTF_8)) {
            for (int i = 0; i < 3; i++) {
                String line = reader.readLine();
                if (line == null) {
                    break;
                }
                out.println("  " + line);
            }
        }
        if (lines != options.events()) {
            out.printf(Locale.ROOT, "WARNING: %,d events were logged but the file has %,d lines%n", options.events(), lines);
        }
    }
}
