package dev.log4jpool.perf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.async.AsyncLoggerContext;
import org.apache.logging.log4j.core.config.ConfigurationSource;
import org.apache.logging.log4j.core.config.xml.XmlConfiguration;
import org.apache.logging.log4j.util.Unbox;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * From {@code logger.info("user {} bought {} items", a, b)} to a JSON line in a file, with 1 and 2
 * logging threads: PooledFile (synchronous BLOCK, async, behind all-async loggers) against Log4j's
 * RandomAccessFile appender with JsonTemplateLayout (synchronous and all-async).
 *
 * <p>Each setup runs in a {@link LoggerContext} of its own; "all-async" is an
 * {@link AsyncLoggerContext}, which is what {@code AsyncLoggerContextSelector} would hand out, so
 * every setup can share one JVM. RandomAccessFile runs with {@code immediateFlush="false"}, its fast
 * setting and the one comparable to BLOCK (under async loggers it still writes at the end of every
 * batch). Both layouts write the same fields: {@code @timestamp} (ISO-8601 UTC, millis),
 * {@code level}, {@code logger}, {@code thread}, {@code message}.
 *
 * <p>Throughput with {@code Block} policies everywhere measures what the write path sustains, not
 * how fast a ring fills. Every iteration logs into a new context and file (on tmpfs where there is
 * one, see {@link #logDirectory()}); at its end the context is stopped (rings drained) and the
 * file's lines are counted against the calls made: a mismatch fails the benchmark. Run with {@code -prof gc} for B/op;
 * {@code perf/run e2e} builds the class path and runs it without installing anything.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
// Log4j's default clock makes a java.time.Instant per event in Log4j's own front end, which C2
// removes in some forks and not in others (24 B/op either way for every setup alike); its
// garbage-free millisecond clock keeps B/op about the appenders and layouts.
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dlog4j2.clock=SystemMillisClock"})
public class EndToEndBenchmark {
    /** JsonTemplateLayout writing the fields PooledJsonLayout writes by default. */
    private static final String JSON_TEMPLATE = "{"
            + "\"@timestamp\":{\"$resolver\":\"timestamp\",\"pattern\":{\"format\":\"yyyy-MM-dd'T'HH:mm:ss.SSS'Z'\","
            + "\"timeZone\":\"UTC\"}},"
            + "\"level\":{\"$resolver\":\"level\",\"field\":\"name\"},"
            + "\"logger\":{\"$resolver\":\"logger\",\"field\":\"name\"},"
            + "\"thread\":{\"$resolver\":\"thread\",\"field\":\"name\"},"
            + "\"message\":{\"$resolver\":\"message\",\"stringified\":true}}";

    /**
     * The setups. The {@code …Rolling} ones roll over every 64 MB with Log4j's
     * {@code SizeBasedTriggeringPolicy} and {@code DefaultRolloverStrategy} (issue 12): PooledFile
     * against {@code RollingRandomAccessFile} + JsonTemplateLayout with the same policy;
     * {@code …RollingForced} adds {@code force="Periodic"} (every second, from a background thread),
     * for the cost of durability.
     */
    @Param({"pooledSyncBlock", "pooledAsync", "allAsyncPooled", "rafJsonTemplate", "allAsyncRafJsonTemplate",
        "pooledSyncBlockRolling", "pooledAsyncRolling", "allAsyncPooledRolling", "rrafJsonTemplateRolling",
        "allAsyncRrafJsonTemplateRolling", "pooledSyncBlockRollingForced", "pooledAsyncRollingForced"})
    public String setup;

    private Path directory;
    private Path file;
    private LoggerContext context;
    private Logger logger;
    /** Every logging thread's state, so that the iteration's teardown can add up their calls. */
    private static final List<Caller> CALLERS = new CopyOnWriteArrayList<>();
    private int iteration;

    /**
     * Each logging thread's own state: the next argument, and its calls in this iteration. A shared
     * atomic counter was measured to cost the benchmark thread a quarter of its time (a fence after
     * the event's stores), the same for every setup, which made the setups look closer than they are.
     */
    @State(Scope.Thread)
    public static class Caller {
        int next;
        long calls;

        @Setup(Level.Trial)
        public void register() {
            CALLERS.add(this);
        }
    }

    @Setup(Level.Trial)
    public void makeDirectory() throws IOException {
        directory = Files.createTempDirectory(logDirectory(), "log4jpool-e2e");
    }

    /**
     * A new logger context and file for every iteration: the file stays under a gigabyte, so the
     * trial does not depend on how fast the machine hands out fresh memory (see logDirectory).
     */
    @Setup(Level.Iteration)
    public void start() throws IOException {
        file = directory.resolve("app-" + (iteration++) + ".log");
        boolean allAsync = setup.startsWith("allAsync");
        context = allAsync ? new AsyncLoggerContext("e2e-" + setup) : new LoggerContext("e2e-" + setup);
        String xml = configuration(setup, file);
        ConfigurationSource source = new ConfigurationSource(
                new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        context.start(new XmlConfiguration(context, source));
        logger = context.getLogger("shop");
    }

    /** Stops the context (draining every ring), then checks the file holds one line per call. */
    @TearDown(Level.Iteration)
    public void stopAndCount() throws IOException {
        context.stop(60, TimeUnit.SECONDS);
        long calls = 0;
        for (Caller caller : CALLERS) {
            calls += caller.calls;
            caller.calls = 0;
        }
        long lines = 0;
        // The file and, in the rolling setups, the files it rolled over to (app-N.log.1, .2, ...).
        try (Stream<Path> files = Files.list(directory)) {
            for (Path written : (Iterable<Path>) files::iterator) {
                String name = written.getFileName().toString();
                String base = file.getFileName().toString();
                if (name.equals(base) || name.startsWith(base + ".")) {
                    lines += countLines(written);
                    Files.delete(written);
                }
            }
        }
        if (lines != calls) {
            throw new IllegalStateException(setup + ": " + calls + " calls but " + lines + " lines in " + file);
        }
    }

    @TearDown(Level.Trial)
    public void deleteDirectory() throws IOException {
        deleteRecursively(directory);
    }

    /**
     * Where the files go: {@code -De2e.dir=...}, else {@code /dev/shm} (tmpfs) where it exists, else
     * the temp folder. An iteration writes hundreds of megabytes, a trial gigabytes: on a disk,
     * writeback soon caps every setup at the disk's speed, and the benchmark measures the disk. On
     * the 2-core VM of our reports even tmpfs slowed from 3 GB/s to 360 MB/s once a file grew past
     * 2 GB (the host backs fresh guest memory lazily), which is why each iteration starts a new file.
     */
    static Path logDirectory() {
        String configured = System.getProperty("e2e.dir");
        if (configured != null) {
            return Paths.get(configured);
        }
        Path shm = Paths.get("/dev/shm");
        return Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Paths.get(System.getProperty("java.io.tmpdir"));
    }

    public static String configuration(String setup, Path file) {
        String path = file.toString().replace("&", "&amp;").replace("\"", "&quot;");
        String pooledJson = "<PooledJsonLayout/>";
        String jsonTemplate = "<JsonTemplateLayout eventTemplate=\"" + JSON_TEMPLATE.replace("\"", "&quot;") + "\"/>";
        String rolling = " filePattern=\"" + path + ".%i\"";
        String rollingPolicy = "<Policies><SizeBasedTriggeringPolicy size=\"64 MB\"/></Policies>"
                + "<DefaultRolloverStrategy max=\"1000\"/>";
        String appender;
        switch (setup) {
            case "pooledSyncBlockRolling":
            case "allAsyncPooledRolling":
            case "pooledSyncBlockRollingForced":
                appender = "<PooledFile name=\"file\" fileName=\"" + path + "\"" + rolling + " bufferMode=\"BLOCK\""
                        + (setup.endsWith("Forced") ? " force=\"Periodic\"" : "") + ">" + pooledJson + rollingPolicy
                        + "</PooledFile>";
                break;
            case "pooledAsyncRolling":
            case "pooledAsyncRollingForced":
                appender = "<PooledFile name=\"file\" fileName=\"" + path + "\"" + rolling
                        + " bufferMode=\"BLOCK\" async=\"true\"" + (setup.endsWith("Forced") ? " force=\"Periodic\"" : "")
                        + ">" + pooledJson + rollingPolicy + "</PooledFile>";
                break;
            case "rrafJsonTemplateRolling":
            case "allAsyncRrafJsonTemplateRolling":
                appender = "<RollingRandomAccessFile name=\"file\" fileName=\"" + path + "\"" + rolling
                        + " immediateFlush=\"false\">" + jsonTemplate + rollingPolicy + "</RollingRandomAccessFile>";
                break;
            case "pooledSyncBlock":
            case "allAsyncPooled":
                appender = "<PooledFile name=\"file\" fileName=\"" + path + "\" bufferMode=\"BLOCK\">" + pooledJson
                        + "</PooledFile>";
                break;
            case "pooledAsync":
                appender = "<PooledFile name=\"file\" fileName=\"" + path + "\" bufferMode=\"BLOCK\" async=\"true\">"
                        + pooledJson + "</PooledFile>";
                break;
            case "rafJsonTemplate":
            case "allAsyncRafJsonTemplate":
                appender = "<RandomAccessFile name=\"file\" fileName=\"" + path + "\" immediateFlush=\"false\">"
                        + jsonTemplate + "</RandomAccessFile>";
                break;
            default:
                throw new IllegalArgumentException("unknown setup " + setup);
        }
        return "<Configuration status=\"warn\"><Appenders>" + appender + "</Appenders>"
                + "<Loggers><Root level=\"info\"><AppenderRef ref=\"file\"/></Root></Loggers></Configuration>";
    }

    @Benchmark
    @Threads(1)
    public void oneThread(Caller caller) {
        log(caller);
    }

    @Benchmark
    @Threads(2)
    public void twoThreads(Caller caller) {
        log(caller);
    }

    private void log(Caller caller) {
        int a = caller.next++;
        logger.info("user {} bought {} items", Unbox.box(a), Unbox.box(a & 15));
        caller.calls++;
    }

    public static long countLines(Path file) throws IOException {
        long lines = 0;
        ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            while (channel.read(buffer) > 0) {
                buffer.flip();
                while (buffer.hasRemaining()) {
                    if (buffer.get() == '\n') {
                        lines++;
                    }
                }
                buffer.clear();
            }
        }
        return lines;
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
}
