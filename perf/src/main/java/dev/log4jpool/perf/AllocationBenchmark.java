package dev.log4jpool.perf;

import dev.log4jpool.message.StructuredMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * The question this project started from: how many bytes does one logging call allocate? Run with
 * {@code -prof gc}; {@code gc.alloc.rate.norm} counts every thread, so the background threads of the
 * async setups are included.
 *
 * <ul>
 *   <li>{@code message}: {@code params}, {@code logger.info("user {} bought {} items", a, b)} with
 *       {@code Unbox}; {@code typed}, a {@link StructuredMessage} with five typed fields.</li>
 *   <li>{@code setup}: where the event goes, and on which thread. {@code stream-*}: Log4j's File
 *       appender (an OutputStream appender) into {@code /dev/null}; {@code fileBlock-*}: PooledFile
 *       in BLOCK mode into {@code /dev/null}; {@code *-sync}: synchronous loggers;
 *       {@code *-allAsync}: all loggers async (an {@link AsyncLoggerContext}, what
 *       {@code AsyncLoggerContextSelector} hands out); {@code fileBlock-asyncAppender}: PooledFile's
 *       own async mode.</li>
 * </ul>
 * Every setup uses PooledJsonLayout. The sink is {@code /dev/null} so that the benchmark measures
 * allocation and CPU, not the disk (EndToEndBenchmark measures files).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
// Log4j's default clock allocates an Instant per event in Log4j's own front end; its garbage-free
// millisecond clock keeps the numbers about the layout and the appenders (see EndToEndBenchmark).
@Fork(value = 2, jvmArgsAppend = {"-Xms1g", "-Xmx1g", "-Dlog4j2.clock=SystemMillisClock",
        "-Dlog4j2.enableThreadlocals=true", "-Dlog4j2.garbagefreeThreadContextMap=true"})
public class AllocationBenchmark {
    @Param({"params", "typed"})
    public String message;

    @Param({"stream-sync", "stream-allAsync", "fileBlock-sync", "fileBlock-allAsync", "fileBlock-asyncAppender"})
    public String setup;

    private LoggerContext context;
    private Logger logger;
    private boolean typed;
    private long sequence;

    @Setup(Level.Trial)
    public void start() throws IOException {
        typed = message.equals("typed");
        String name = "alloc-" + setup + "-" + message;
        context = setup.endsWith("allAsync") ? new AsyncLoggerContext(name) : new LoggerContext(name);
        byte[] xml = configuration(setup).getBytes(StandardCharsets.UTF_8);
        context.start(new XmlConfiguration(context, new ConfigurationSource(new java.io.ByteArrayInputStream(xml))));
        logger = context.getLogger("dev.log4jpool.perf.Orders");
    }

    static String configuration(String setup) {
        String appender;
        if (setup.startsWith("stream")) {
            appender = "<File name=\"out\" fileName=\"/dev/null\" append=\"true\" bufferedIO=\"true\" immediateFlush=\"false\">"
                    + "<PooledJsonLayout/></File>";
        } else {
            String async = setup.endsWith("asyncAppender") ? " async=\"true\"" : "";
            appender = "<PooledFile name=\"out\" fileName=\"/dev/null\" bufferMode=\"BLOCK\"" + async + ">"
                    + "<PooledJsonLayout/></PooledFile>";
        }
        return "<Configuration status=\"warn\"><Appenders>" + appender + "</Appenders>"
                + "<Loggers><Root level=\"info\" includeLocation=\"false\"><AppenderRef ref=\"out\"/></Root></Loggers>"
                + "</Configuration>";
    }

    @TearDown(Level.Trial)
    public void stop() {
        context.stop(30, TimeUnit.SECONDS);
    }

    @Benchmark
    public void logOneEvent() {
        long n = sequence++;
        int items = (int) (n & 7) + 1;
        if (typed) {
            logger.info(StructuredMessage.of("order placed")
                    .with("orderId", n)
                    .with("items", items)
                    .with("amount", items * 9.99)
                    .with("express", (n & 1) == 0)
                    .with("customer", "alice"));
        } else {
            logger.info("user {} bought {} items", Unbox.box(n), Unbox.box(items));
        }
    }
}
