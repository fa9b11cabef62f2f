package dev.log4jpool.perf.latency;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.log4jpool.appender.PooledFileAppender;
import dev.log4jpool.appender.PooledFileStats;
import dev.log4jpool.perf.EndToEndBenchmark;
import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.async.AsyncLoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.jmx.RingBufferAdmin;

/**
 * One point of the response-time suite, in a JVM of its own: one setup, one offered rate, a number of
 * logging threads. The parent ({@link LatencySuite}) starts it with Log4j already configured by
 * system properties ({@code log4j2.configurationFile}, and the context selector for all-async), as
 * a user's service would be.
 *
 * <p>Timeline: warm-up (paced like the measurement, not recorded), a short settle pause, the
 * measurement window, then the context is stopped (every ring drained, the file closed) and the
 * file's lines are counted against the calls made in both phases. The result, one JSON object, goes
 * to {@code --out}; the exit status is 3 when the line count does not match.
 *
 * <p>Options: {@code --setup ID --rate EVENTS_PER_S --threads N --warmup S --measure S --file LOG
 * --out JSON [--slow-calls CSV --slow-threshold-us US]}. With {@code --slow-calls} (profile mode) it
 * also samples the async ring's occupancy every millisecond and writes the slow calls' times for
 * {@link ProfileSummary}.
 */
public final class LatencyPoint {
    /** Between warm-up and measurement: lets a ring that warm-up filled drain and C2 finish a compile. */
    static final long SETTLE_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private LatencyPoint() {}

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        LatencySetup setup = LatencySetup.parse(options.require("setup"));
        double rate = Double.parseDouble(options.require("rate"));
        int threads = Integer.parseInt(options.get("threads", "1"));
        double warmupSeconds = Double.parseDouble(options.get("warmup", "10"));
        double measureSeconds = Double.parseDouble(options.get("measure", "20"));
        Path file = Path.of(options.require("file"));
        Path out = Path.of(options.require("out"));
        String slowCallsCsv = options.get("slow-calls", null);
        long slowThresholdNanos = TimeUnit.MICROSECONDS.toNanos(Long.parseLong(options.get("slow-threshold-us", "200")));

        Logger logger = LogManager.getLogger("shop");
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        if (setup.allAsync() != (context instanceof AsyncLoggerContext)) {
            throw new IllegalStateException(setup.displayName() + " but the context is " + context.getClass().getName());
        }
        logger.info("user {} bought {} items", 0, 0); // Log4j starts its ring and opens the file before the clock runs
        long startupLines = 1;

        long now = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        long warmupEnd = now + (long) (warmupSeconds * 1e9);
        long measureStart = warmupEnd + SETTLE_NANOS;
        long measureEnd = measureStart + (long) (measureSeconds * 1e9);
        LoggingThread.Phases phases = new LoggingThread.Phases(now, warmupEnd, measureStart, measureEnd);
        List<LoggingThread> loggers = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            SlowCalls slow = slowCallsCsv == null ? null : new SlowCalls(slowThresholdNanos, 1 << 20);
            loggers.add(new LoggingThread(logger, phases, i, threads, rate, slow));
        }
        RingSampler sampler = slowCallsCsv == null ? null : new RingSampler(context);
        long[] clockPair = clockPair();
        for (LoggingThread thread : loggers) {
            thread.start();
        }
        if (sampler != null) {
            sampler.start();
        }
        GcWindow warmupGc = new GcWindow();
        sleepUntil(measureStart - TimeUnit.MILLISECONDS.toNanos(5));
        Map<String, long[]> gcDuringWarmup = warmupGc.sinceStart();
        GcWindow measureGc = new GcWindow();
        RunQueueWindow measureRunQueue = new RunQueueWindow();
        long ringFullBefore = CountingQueueFullPolicy.ringFullCount();
        Map<Long, Long> allocatedBefore = allocatedByThread();
        for (LoggingThread thread : loggers) {
            thread.join();
        }
        long measuredEnd = System.nanoTime();
        Map<String, long[]> gcDuringMeasurement = measureGc.sinceStart();
        List<RunQueueWindow.ThreadTimes> threadTimes = measureRunQueue.sinceStart();
        long allocatedAll = allocatedSince(allocatedBefore);
        long ringFull = CountingQueueFullPolicy.ringFullCount() - ringFullBefore;
        PooledFileStats stats = pooledFileStats(context);
        if (sampler != null) {
            sampler.interrupt();
            sampler.join();
        }

        long stopStart = System.nanoTime();
        boolean stopped = Configurator.shutdown(context, 120, TimeUnit.SECONDS);
        long drainNanos = System.nanoTime() - stopStart;
        long calls = startupLines;
        Histogram response = new Histogram(1, LoggingThread.HIGHEST_TRACKABLE_NANOS, 3);
        Histogram service = new Histogram(1, LoggingThread.HIGHEST_TRACKABLE_NANOS, 3);
        long measured = 0;
        long scheduled = 0;
        long allocatedLoggers = 0;
        for (LoggingThread thread : loggers) {
            calls += thread.warmupCalls + thread.measuredCalls;
            measured += thread.measuredCalls;
            scheduled += thread.scheduledCalls;
            allocatedLoggers += thread.allocatedBytes;
            response.add(thread.response);
            service.add(thread.service);
        }
        long lines = EndToEndBenchmark.countLines(file);

        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode result = mapper.createObjectNode();
        result.put("setup", setup.id());
        result.put("name", setup.displayName());
        result.put("ours", setup.ours());
        result.put("rate", rate);
        result.put("threads", threads);
        result.put("warmupSeconds", warmupSeconds);
        result.put("measureSeconds", measureSeconds);
        result.put("windowSeconds", (measuredEnd - measureStart) / 1e9);
        result.put("scheduled", scheduled);
        result.put("issued", measured);
        result.put("achievedRate", measured / measureSeconds);
        result.put("held", scheduled == 0 ? 0 : (double) measured / scheduled);
        result.set("responseNanos", summary(mapper, response));
        result.set("serviceNanos", summary(mapper, service));
        result.set("gc", gc(mapper, gcDuringMeasurement));
        result.set("gcDuringWarmup", gc(mapper, gcDuringWarmup));
        result.set("cpu", cpu(mapper, loggers, threadTimes));
        result.put("allocatedBytesPerCall", measured == 0 ? 0 : (double) allocatedAll / measured);
        result.put("allocatedBytesPerCallLoggingThreads", measured == 0 ? 0 : (double) allocatedLoggers / measured);
        result.put("asyncLoggerRingFull", ringFull);
        if (stats != null) {
            result.put("pooledFileRingHighWaterMark", stats.ringHighWaterMark());
            result.put("pooledFileBlockWrites", stats.flushes());
            result.put("pooledFileWriteErrors", stats.writeErrors());
        }
        if (sampler != null) {
            result.put("asyncLoggerRingSize", sampler.bufferSize);
            result.put("asyncLoggerRingHighWaterMark", sampler.highWater);
        }
        result.put("drainMillis", drainNanos / 1e6);
        result.put("stopped", stopped);
        result.put("calls", calls);
        result.put("lines", lines);
        result.put("linesMatch", lines == calls);
        result.put("measureStartEpochNanos", clockPair[1] + (measureStart - clockPair[0]));
        result.put("measureEndEpochNanos", clockPair[1] + (measureEnd - clockPair[0]));
        result.put("jvm", System.getProperty("java.vm.name") + " " + Runtime.version());
        ArrayNode jvmArgs = result.putArray("jvmArgs");
        ManagementFactory.getRuntimeMXBean().getInputArguments().forEach(jvmArgs::add);
        Files.writeString(out, mapper.writeValueAsString(result), StandardCharsets.UTF_8);

        if (slowCallsCsv != null) {
            try (Writer csv = Files.newBufferedWriter(Path.of(slowCallsCsv), StandardCharsets.UTF_8)) {
                csv.write("thread,intendedEpochNanos,startEpochNanos,endEpochNanos\n");
                for (LoggingThread thread : loggers) {
                    thread.slowCalls.writeCsv(csv, thread.getName(), clockPair[0], clockPair[1]);
                }
            }
        }
        if (lines != calls) {
            System.err.println(setup.displayName() + ": " + calls + " calls but " + lines + " lines in " + file);
            System.exit(3);
        }
    }

    /** Percentiles, max, the curve the charts draw (5 ticks per halving of the distance to 100 %), and the histogram itself. */
    private static ObjectNode summary(ObjectMapper mapper, Histogram histogram) {
        ObjectNode node = mapper.createObjectNode();
        node.put("count", histogram.getTotalCount());
        node.put("mean", histogram.getMean());
        for (double p : new double[] {50, 90, 99, 99.9, 99.99}) {
            node.put("p" + (p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p)),
                    histogram.getValueAtPercentile(p));
        }
        node.put("max", histogram.getMaxValue());
        ArrayNode curve = node.putArray("curve");
        if (histogram.getTotalCount() > 0) {
            for (HistogramIterationValue value : histogram.percentiles(5)) {
                curve.addArray().add(value.getPercentileLevelIteratedTo()).add(value.getValueIteratedTo());
            }
        }
        ByteBuffer buffer = ByteBuffer.allocate(histogram.getNeededByteBufferCapacity());
        int length = histogram.encodeIntoCompressedByteBuffer(buffer);
        node.put("hdrBase64", Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), length)));
        return node;
    }

    private static ObjectNode gc(ObjectMapper mapper, Map<String, long[]> collectors) {
        ObjectNode node = mapper.createObjectNode();
        long count = 0;
        long millis = 0;
        ObjectNode each = mapper.createObjectNode();
        for (Map.Entry<String, long[]> entry : collectors.entrySet()) {
            count += entry.getValue()[0];
            millis += entry.getValue()[1];
            each.putArray(entry.getKey()).add(entry.getValue()[0]).add(entry.getValue()[1]);
        }
        node.put("count", count);
        node.put("pauseMillis", millis);
        node.set("collectors", each);
        return node;
    }

    /**
     * Where the CPUs went in the window: the logging threads' CPU time and their time runnable but
     * waiting for a CPU, and the other threads that used most CPU (a setup's background thread).
     */
    private static ObjectNode cpu(ObjectMapper mapper, List<LoggingThread> loggers,
            List<RunQueueWindow.ThreadTimes> threadTimes) {
        ObjectNode node = mapper.createObjectNode();
        long cpu = 0;
        long wait = 0;
        for (LoggingThread thread : loggers) {
            if (thread.runQueueWaitNanos < 0) {
                return node; // no scheduler statistics here
            }
            cpu += thread.cpuNanos;
            wait += thread.runQueueWaitNanos;
        }
        node.put("loggingThreadsCpuMillis", cpu / 1e6);
        node.put("loggingThreadsRunQueueWaitMillis", wait / 1e6);
        ArrayNode others = node.putArray("busiestOtherThreads");
        for (RunQueueWindow.ThreadTimes times : threadTimes) {
            if (others.size() == 4) {
                break;
            }
            if (!times.name().startsWith("logger-")) {
                others.addObject().put("name", times.name()).put("cpuMillis", times.cpuNanos() / 1e6)
                        .put("runQueueWaitMillis", times.waitNanos() / 1e6);
            }
        }
        return node;
    }

    private static PooledFileStats pooledFileStats(LoggerContext context) {
        Appender appender = context.getConfiguration().getAppender("file");
        return appender instanceof PooledFileAppender ? ((PooledFileAppender) appender).stats() : null;
    }

    /** Bytes allocated by each live thread, by thread id. */
    private static Map<Long, Long> allocatedByThread() {
        com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[] ids = mx.getAllThreadIds();
        long[] bytes = mx.getThreadAllocatedBytes(ids);
        Map<Long, Long> byThread = new java.util.HashMap<>();
        for (int i = 0; i < ids.length; i++) {
            if (bytes[i] >= 0) {
                byThread.put(ids[i], bytes[i]);
            }
        }
        return byThread;
    }

    /**
     * Bytes allocated since {@code before} by the threads alive now, each against its own earlier
     * reading (a thread that ended in between, such as a JIT compiler thread the JVM retired, would
     * otherwise make the sum go down; what it allocated is lost, which these threads rarely do).
     */
    private static long allocatedSince(Map<Long, Long> before) {
        long total = 0;
        for (Map.Entry<Long, Long> now : allocatedByThread().entrySet()) {
            total += now.getValue() - before.getOrDefault(now.getKey(), 0L);
        }
        return total;
    }

    /** {nanoTime, epoch nanos} read as close together as the clocks allow (best of 100 tries). */
    private static long[] clockPair() {
        long bestGap = Long.MAX_VALUE;
        long[] best = new long[2];
        for (int i = 0; i < 100; i++) {
            long before = System.nanoTime();
            Instant wall = Instant.now();
            long after = System.nanoTime();
            if (after - before < bestGap) {
                bestGap = after - before;
                best[0] = before + (after - before) / 2;
                best[1] = wall.getEpochSecond() * 1_000_000_000L + wall.getNano();
            }
        }
        return best;
    }

    private static void sleepUntil(long deadline) {
        long now;
        while ((now = System.nanoTime()) < deadline) {
            LockSupport.parkNanos(deadline - now);
        }
    }

    /** Profile mode: the async loggers' ring occupancy, sampled every millisecond (the ring has no high-water mark of its own). */
    private static final class RingSampler extends Thread {
        private final RingBufferAdmin admin;
        final long bufferSize;
        volatile long highWater;

        RingSampler(LoggerContext context) {
            super("ring-sampler");
            setDaemon(true);
            admin = context instanceof AsyncLoggerContext ? ((AsyncLoggerContext) context).createRingBufferAdmin() : null;
            bufferSize = admin == null ? 0 : admin.getBufferSize();
        }

        @Override
        public void run() {
            if (admin == null) {
                return;
            }
            while (!isInterrupted()) {
                long used = bufferSize - admin.getRemainingCapacity();
                if (used > highWater) {
                    highWater = used;
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
            }
        }
    }
}
