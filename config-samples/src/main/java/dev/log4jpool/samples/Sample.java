package dev.log4jpool.samples;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The bundled sample configurations (src/main/resources), with the system properties each one
 * needs set before Log4j starts (the same ones its comment block names).
 */
enum Sample {
    FILE_BLOCK("file-block", "log4j2-file-block.xml", Map.of()),
    STDOUT_JSON("stdout-json", "log4j2-stdout-json.xml", Map.of()),
    ALL_ASYNC("all-async", "log4j2-all-async.xml", Map.of(
            "log4j2.contextSelector", "org.apache.logging.log4j.core.async.AsyncLoggerContextSelector")),
    MIXED_ASYNC("mixed-async", "log4j2-mixed-async.xml", Map.of()),
    ASYNC_APPENDER("async-appender", "log4j2-async-appender.xml", Map.of()),
    GARBAGE_FREE("garbage-free", "log4j2-garbage-free.xml", Map.of(
            "log4j2.contextSelector", "org.apache.logging.log4j.core.async.AsyncLoggerContextSelector",
            "log4j2.enableThreadlocals", "true",
            "log4j2.enableDirectEncoders", "true",
            "log4j2.garbagefreeThreadContextMap", "true")),
    LARGE_POOL("large-pool", "log4j2-large-pool.xml", Map.of()),
    WEBAPP("webapp", "log4j2-webapp.xml", Map.of("log4j2.enableThreadlocals", "false")),
    VIRTUAL_THREADS("virtual-threads", "log4j2-virtual-threads.xml", Map.of(
            "log4j2.contextSelector", "org.apache.logging.log4j.core.async.AsyncLoggerContextSelector",
            "log4j2.logEventFactory", "dev.log4jpool.event.PooledLogEventFactory",
            "log4j2.messageFactory", "dev.log4jpool.event.PooledMessageFactory",
            "log4j2.asyncLoggerWaitStrategy", "Sleep",
            "log4j2.asyncLoggerRingBufferSize", "65536",
            "log4j2.disableThreadContext", "true")),
    /** Rolls at 512 KB in the demo (256 MB in the sample as written), so that a short run rolls a few times. */
    ROLLING("rolling", "log4j2-rolling.xml", Map.of("log4jpool.demo.rollSize", "512 KB")),
    JSON_TEMPLATE("json-template", "log4j2-json-template.xml", Map.of()),
    ECS("ecs", "log4j2-ecs.xml", Map.of()),
    /** Writes to standard output, as the Cloud Run and GKE agents read it. */
    GCP("gcp", "log4j2-gcp.xml", Map.of()),
    /** Sends to a GELF TCP input at graylog.host:graylog.port (the test runs one). */
    GELF("gelf", "log4j2-gelf.xml", Map.of()),
    LOGSTASH("logstash", "log4j2-logstash.xml", Map.of()),
    /** The OTEL schema: OTLP/JSON lines, checked by SamplesTest's own test (not the default schema's fields). */
    OTEL("otel", "log4j2-otel.xml", Map.of("service.version", "1.0.0"));

    final String name;
    final String resource;
    final Map<String, String> systemProperties;

    Sample(String name, String resource, Map<String, String> systemProperties) {
        this.name = name;
        this.resource = resource;
        this.systemProperties = systemProperties;
    }

    static Sample byName(String name) throws DemoOptions.UsageException {
        for (Sample sample : values()) {
            if (sample.name.equals(name)) {
                return sample;
            }
        }
        throw new DemoOptions.UsageException("unknown sample '" + name + "'; choose one of " + names());
    }

    static String names() {
        return Arrays.stream(values()).map(s -> s.name).collect(Collectors.joining(", "));
    }
}
