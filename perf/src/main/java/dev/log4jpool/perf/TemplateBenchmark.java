package dev.log4jpool.perf;

import dev.log4jpool.layout.PooledJsonLayout;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.DefaultConfiguration;
import org.apache.logging.log4j.core.impl.MutableLogEvent;
import org.apache.logging.log4j.layout.template.json.JsonTemplateLayout;
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
 * PooledJsonLayout against JsonTemplateLayout with the same event template (each template bundled
 * with {@code log4j-layout-template-json}), on the same events: the speed a user gets by changing
 * {@code JsonTemplateLayout} to {@code PooledJsonLayout} and nothing else. The timestamp moves by
 * 1 ms every operation. Events ({@code event}): {@code simple} constant text; {@code params} a
 * message with a long and a double; {@code mdc5} constant text and 5 context entries; {@code map5}
 * a {@code StringMapMessage} of 5 entries; {@code exception} a throwable with a cause.
 *
 * <p>Run with {@code perf/run templates} (see the README for the exact command and settings).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class TemplateBenchmark {
    private static final long EPOCH_MILLIS = 1_795_428_930_123L;
    /** Our schemas and the template bundled with JsonTemplateLayout for the same pipeline. */
    private static final java.util.Map<String, String> PEER_TEMPLATES = java.util.Map.of(
            "ECS", "EcsLayout", "GCP", "GcpLayout", "GELF", "GelfLayout", "LOGSTASH", "LogstashJsonEventLayoutV1");

    /**
     * A template bundled with JsonTemplateLayout, used by both; or {@code schema:NAME}: ours with
     * {@code schema="NAME"} against JsonTemplateLayout with the bundled template for the same
     * pipeline (ECS: EcsLayout, GCP: GcpLayout, GELF: GelfLayout, LOGSTASH: LogstashJsonEventLayoutV1).
     */
    @Param({"EcsLayout", "GcpLayout", "GelfLayout", "LogstashJsonEventLayoutV1", "JsonLayout",
        "schema:ECS", "schema:GCP", "schema:GELF", "schema:LOGSTASH"})
    public String template;

    @Param({"simple", "params", "mdc5", "map5", "exception"})
    public String event;

    private final BenchmarkDestination destination = new BenchmarkDestination();
    private long tick;
    private Layout<?> pooled;
    private Layout<?> jsonTemplate;
    /** One event per layout, so that neither sees the other's cached state. */
    private MutableLogEvent pooledEvent;
    private MutableLogEvent jsonTemplateEvent;

    @Setup
    public void setUp() {
        Configuration configuration = new DefaultConfiguration();
        if (template.startsWith("schema:")) {
            String schema = template.substring("schema:".length());
            pooled = PooledJsonLayout.newBuilder().setConfiguration(configuration).setSchema(schema)
                    .setServiceName("shop").build();
            jsonTemplate = JsonTemplateLayout.newBuilder().setConfiguration(configuration)
                    .setEventTemplateUri("classpath:" + PEER_TEMPLATES.get(schema) + ".json").build();
        } else {
            String uri = "classpath:" + template + ".json";
            pooled = PooledJsonLayout.newBuilder().setConfiguration(configuration).setEventTemplateUri(uri).build();
            jsonTemplate = JsonTemplateLayout.newBuilder().setConfiguration(configuration).setEventTemplateUri(uri).build();
        }
        pooledEvent = event();
        jsonTemplateEvent = event();
    }

    private MutableLogEvent event() {
        MutableLogEvent logEvent = new MutableLogEvent();
        logEvent.setLevel(Level.INFO);
        logEvent.setLoggerName("dev.log4jpool.shop.OrderService");
        logEvent.setLoggerFqcn(TemplateBenchmark.class.getName());
        logEvent.setThreadName("http-nio-8080-exec-1");
        logEvent.setContextStack(ThreadContext.EMPTY_STACK);
        SortedArrayStringMap data = new SortedArrayStringMap();
        if (event.equals("mdc5")) {
            data.putValue("requestId", "5f1c2a9e-7d3b-4b8e-9a6f-2c1d0e8b7a64");
            data.putValue("user", "alice");
            data.putValue("tenant", "acme");
            data.putValue("route", "/orders/{id}");
            data.putValue("span", "a1b2c3d4");
        }
        data.freeze();
        logEvent.setContextData(data);
        logEvent.setMessage(message());
        if (event.equals("exception")) {
            logEvent.setLevel(Level.ERROR);
            logEvent.setThrown(new RuntimeException("could not save order 42", new IllegalStateException("disk full")));
        }
        return logEvent;
    }

    private Message message() {
        switch (event) {
            case "simple":
            case "mdc5":
                return new SimpleMessage("order placed");
            case "params":
                return new ParameterizedMessage("order {} costs {}", 42L, 9.99);
            case "map5":
                return new StringMapMessage().with("orderId", "42").with("customer", "alice").with("currency", "EUR")
                        .with("amount", "9.99").with("channel", "web");
            case "exception":
                return new SimpleMessage("order failed");
            default:
                throw new IllegalArgumentException("unknown event " + event);
        }
    }

    @Benchmark
    public long pooledJsonLayout() {
        pooledEvent.setTimeMillis(EPOCH_MILLIS + ++tick);
        pooled.encode(pooledEvent, destination);
        return destination.total();
    }

    @Benchmark
    public long jsonTemplateLayout() {
        jsonTemplateEvent.setTimeMillis(EPOCH_MILLIS + ++tick);
        jsonTemplate.encode(jsonTemplateEvent, destination);
        return destination.total();
    }
}
