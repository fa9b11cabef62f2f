package dev.log4jpool.perf;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxy;
import dev.log4jpool.layout.PooledJsonLayout;
import dev.log4jpool.message.StructuredMessage;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import net.logstash.logback.argument.StructuredArguments;
import net.logstash.logback.encoder.LogstashEncoder;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.DefaultConfiguration;
import org.apache.logging.log4j.core.impl.MutableLogEvent;
import org.apache.logging.log4j.core.layout.JsonLayout;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.layout.template.json.JsonTemplateLayout;
import org.apache.logging.log4j.message.MapMessage;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.message.StringMapMessage;
import org.apache.logging.log4j.util.SortedArrayStringMap;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * PooledJsonLayout against the JSON layouts a Log4j or Logback user would pick instead, and
 * PatternLayout as the floor, encoding the same events into a reusable destination.
 *
 * <p>Events ({@code event}): {@code simple} constant text; {@code params} "order {} costs {}" with
 * a long and a double; {@code mdc5} constant text and 5 context entries; {@code typed5} 5 typed
 * fields (a {@link StructuredMessage} for PooledJsonLayout, a {@code MapMessage} of the same typed
 * values for the Log4j peers, {@code StructuredArguments.kv} for LogstashEncoder); {@code map5} a
 * {@code StringMapMessage} of 5 entries (kv arguments for LogstashEncoder); {@code exception} a
 * constant text with a throwable and a cause. Messages are built once per trial, for every layout;
 * the timestamp moves by 1 ms every operation, the worst case for timestamp caches.
 *
 * <p>Run from the repository root, without {@code mvn install}:
 * <pre>{@code
 * mvn -q -pl perf -am package -DskipTests dependency:build-classpath -Dmdep.outputFile=$PWD/cp.txt
 * java -cp perf/target/classes:log4j-pool-layout/target/classes:$(cat cp.txt) \
 *     org.openjdk.jmh.Main LayoutBenchmark -prof gc
 * }</pre>
 * ({@code cp.txt} then names the reactor's jars, which {@code package} has just built.) The
 * defaults are the measurement of DESIGN.md: 5 × 2 s warm-up, 5 × 2 s measurement, 2 forks.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class LayoutBenchmark {
    private static final long EPOCH_MILLIS = 1_795_428_930_123L;
    private static final String LOGGER = "dev.log4jpool.shop.OrderService";
    private static final String THREAD = "http-nio-8080-exec-1";

    @Param({"simple", "params", "mdc5", "typed5", "map5", "exception"})
    public String event;

    private final BenchmarkDestination destination = new BenchmarkDestination();
    private final BenchmarkDestination directDestination = new BenchmarkDestination(true);
    private long tick;

    private PooledJsonLayout pooledJson;
    private Layout<?> jsonTemplate;
    private Layout<?> jsonTemplateEcs;
    private Layout<?> jsonLayout;
    private Layout<?> patternLayout;
    private LogstashEncoder logstash;

    /** For PooledJsonLayout. */
    private MutableLogEvent pooledEvent;
    /** For the Log4j peers: the same event, but typed5 carries a MapMessage. */
    private MutableLogEvent log4jEvent;
    private LoggingEvent logbackEvent;

    @Setup
    public void setUp() {
        Configuration configuration = new DefaultConfiguration();
        pooledJson = PooledJsonLayout.newBuilder().setConfiguration(configuration).build();
        jsonTemplate = JsonTemplateLayout.newBuilder().setConfiguration(configuration)
                .setEventTemplateUri("classpath:PooledJsonFields.json").build();
        jsonTemplateEcs = JsonTemplateLayout.newBuilder().setConfiguration(configuration)
                .setEventTemplateUri("classpath:EcsLayout.json").build();
        jsonLayout = JsonLayout.newBuilder().setConfiguration(configuration).setCompact(true).setEventEol(true)
                .setProperties(true).build();
        patternLayout = PatternLayout.newBuilder().withConfiguration(configuration)
                .withPattern("%d{yyyy-MM-dd'T'HH:mm:ss.SSS'Z'}{UTC} %p %c [%t] %m %X%n%ex").build();

        LoggerContext logback = new LoggerContext();
        logstash = new LogstashEncoder();
        logstash.setContext(logback);
        logstash.start();

        Throwable thrown = new RuntimeException("could not save order 42", new IllegalStateException("disk full"));
        Map<String, String> context = new LinkedHashMap<>();
        if (event.equals("mdc5")) {
            context.put("requestId", "5f1c2a9e-7d3b-4b8e-9a6f-2c1d0e8b7a64");
            context.put("user", "alice");
            context.put("tenant", "acme");
            context.put("route", "/orders/{id}");
            context.put("span", "a1b2c3d4");
        }
        pooledEvent = log4jEvent(context);
        log4jEvent = log4jEvent(context);
        logbackEvent = new LoggingEvent();
        logbackEvent.setLoggerName(LOGGER);
        logbackEvent.setThreadName(THREAD);
        logbackEvent.setLevel(ch.qos.logback.classic.Level.INFO);
        logbackEvent.setMDCPropertyMap(context);
        logbackEvent.setLoggerContext(logback);

        switch (event) {
            case "simple":
            case "mdc5":
                setMessage(new SimpleMessage("order placed"));
                logbackEvent.setMessage("order placed");
                break;
            case "params":
                setMessage(new ParameterizedMessage("order {} costs {}", 42L, 9.99));
                logbackEvent.setMessage("order {} costs {}");
                logbackEvent.setArgumentArray(new Object[] {42L, 9.99});
                break;
            case "typed5":
                pooledEvent.setMessage(StructuredMessage.of("order placed").with("orderId", 42L).with("amount", 9.99)
                        .with("express", true).with("customer", "alice").with("items", 3));
                MapMessage<?, Object> typed = new MapMessage<>();
                typed.with("orderId", 42L).with("amount", 9.99).with("express", true).with("customer", "alice").with("items", 3);
                log4jEvent.setMessage(typed);
                logbackEvent.setMessage("order placed");
                logbackEvent.setArgumentArray(new Object[] {StructuredArguments.kv("orderId", 42L),
                        StructuredArguments.kv("amount", 9.99), StructuredArguments.kv("express", true),
                        StructuredArguments.kv("customer", "alice"), StructuredArguments.kv("items", 3)});
                break;
            case "map5":
                setMessage(new StringMapMessage().with("orderId", "42").with("customer", "alice").with("currency", "EUR")
                        .with("amount", "9.99").with("channel", "web"));
                logbackEvent.setMessage("order placed");
                logbackEvent.setArgumentArray(new Object[] {StructuredArguments.kv("orderId", "42"),
                        StructuredArguments.kv("customer", "alice"), StructuredArguments.kv("currency", "EUR"),
                        StructuredArguments.kv("amount", "9.99"), StructuredArguments.kv("channel", "web")});
                break;
            case "exception":
                setMessage(new SimpleMessage("order failed"));
                pooledEvent.setThrown(thrown);
                log4jEvent.setThrown(thrown);
                logbackEvent.setMessage("order failed");
                logbackEvent.setThrowableProxy(new ThrowableProxy(thrown));
                break;
            default:
                throw new IllegalArgumentException("unknown event " + event);
        }
    }

    private static MutableLogEvent log4jEvent(Map<String, String> context) {
        MutableLogEvent event = new MutableLogEvent();
        event.setLevel(Level.INFO);
        event.setLoggerName(LOGGER);
        event.setLoggerFqcn(LayoutBenchmark.class.getName());
        event.setThreadName(THREAD);
        event.setContextStack(ThreadContext.EMPTY_STACK); // the ECS template reads it
        SortedArrayStringMap data = new SortedArrayStringMap();
        context.forEach(data::putValue);
        data.freeze();
        event.setContextData(data);
        return event;
    }

    private void setMessage(Message message) {
        pooledEvent.setMessage(message);
        log4jEvent.setMessage(message);
    }

    private long nextMillis() {
        return EPOCH_MILLIS + ++tick;
    }

    @Benchmark
    public long pooledJsonLayout() {
        pooledEvent.setTimeMillis(nextMillis());
        pooledJson.encode(pooledEvent, destination);
        return destination.total();
    }

    /**
     * Ours into a direct buffer, as into PooledFile's blocks: the UTF-8 pass takes another path there
     * (an encoder regression of 2026-12-01 showed only in the end-to-end suite).
     */
    @Benchmark
    public long pooledJsonLayoutDirect() {
        pooledEvent.setTimeMillis(nextMillis());
        pooledJson.encode(pooledEvent, directDestination);
        return directDestination.total();
    }

    @Benchmark
    public long jsonTemplateLayout() {
        log4jEvent.setTimeMillis(nextMillis());
        jsonTemplate.encode(log4jEvent, destination);
        return destination.total();
    }

    @Benchmark
    public long jsonTemplateLayoutEcs() {
        log4jEvent.setTimeMillis(nextMillis());
        jsonTemplateEcs.encode(log4jEvent, destination);
        return destination.total();
    }

    @Benchmark
    public long jsonLayout() {
        log4jEvent.setTimeMillis(nextMillis());
        jsonLayout.encode(log4jEvent, destination);
        return destination.total();
    }

    @Benchmark
    public long patternLayout() {
        log4jEvent.setTimeMillis(nextMillis());
        patternLayout.encode(log4jEvent, destination);
        return destination.total();
    }

    @Benchmark
    public long logstashEncoder() {
        logbackEvent.setTimeStamp(nextMillis());
        byte[] bytes = logstash.encode(logbackEvent); // Logback's Encoder API returns a new array per event
        destination.writeBytes(bytes, 0, bytes.length);
        return destination.total();
    }
}
