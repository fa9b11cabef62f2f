package dev.log4jpool.layout;

import dev.log4jpool.buffer.TextBuffer;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.time.Instant;

/**
 * The resolvers of the OpenTelemetry schema ({@code log4jpool-otel.json}) that write OTLP/JSON's own
 * forms, which no JsonTemplateLayout resolver writes:
 * <ul>
 * <li>{@code {"$resolver": "otlpUnixNanos"}}: the event's instant in nanoseconds since the epoch as
 *     a decimal <em>string</em>, the proto3 JSON form of OTLP's {@code fixed64} times
 *     ({@code timeUnixNano}, {@code observedTimeUnixNano}).</li>
 * <li>{@code {"$resolver": "otlpSeverityNumber"}}: the level as OTLP's {@code SeverityNumber}, 1–24
 *     ({@link #severityNumber}).</li>
 * <li>{@code {"$resolver": "otlpResource"}}: the resource's {@code attributes} array, fixed at
 *     configuration: {@code service.name} (the layout's {@code serviceName}, else OpenTelemetry's
 *     default {@code unknown_service:java}), {@code service.version} ({@code serviceVersion}) and
 *     {@code deployment.environment.name} ({@code serviceEnvironment}) when set.</li>
 * </ul>
 * The log record's {@code attributes} are {@link OtlpAttributes}; the trace context is the
 * {@code traceContext} resolver's. Nothing here allocates per event.
 */
final class OtlpResolvers {
    /** OpenTelemetry's {@code service.name} when none is configured (its SDK's default for Java). */
    static final String UNKNOWN_SERVICE = "unknown_service:java";

    private OtlpResolvers() {
    }

    static TemplateNode<LogEvent> unixNanos(ResolverOptions options, TemplateContext context) {
        return new UnixNanos();
    }

    static TemplateNode<LogEvent> severityNumber(ResolverOptions options, TemplateContext context) {
        return new SeverityNumber();
    }

    static TemplateNode<LogEvent> resource(ResolverOptions options, TemplateContext context) {
        return new TemplateNodes.Literal<>(resourceAttributes(context));
    }

    /**
     * The OTLP severity of a Log4j level. The six standard levels take the first number of their
     * range: TRACE 1, DEBUG 5, INFO 9, WARN 13, ERROR 17, FATAL 21. A level between two standard
     * ones (a custom level, by its {@code intLevel}) falls in the range of the less severe of the two,
     * one to three steps up as it nears the more severe: NOTICE at 350, between WARN (300) and INFO
     * (400), is 11 (INFO3). Above 600, less severe than TRACE ({@code ALL}), is 1; below 100, more
     * severe than FATAL, is 22–24 ({@code OFF}, 0, is 24). Log4j's own mapping of custom levels
     * ({@code Level.getStandardLevel}) keeps only the category; OTLP has room for the order.
     */
    static int severityNumber(Level level) {
        int intLevel = level.intLevel();
        if (intLevel >= 600) {
            return 1;
        }
        int category = Math.max(1, (Math.max(0, intLevel) + 99) / 100); // FATAL 1 … TRACE 6
        int base = 25 - 4 * category; // FATAL 21, ERROR 17, WARN 13, INFO 9, DEBUG 5, TRACE 1
        int distance = category * 100 - Math.max(0, intLevel); // 0 for the standard level, else 1–100
        return distance == 0 ? base : base + 1 + (3 * distance - 1) / 100;
    }

    /** The resource's attributes as the JSON array written for every event. */
    static char[] resourceAttributes(TemplateContext context) {
        StringBuilder json = new StringBuilder("[");
        String serviceName = context.layoutAttribute("serviceName");
        appendAttribute(json, "service.name", serviceName == null ? UNKNOWN_SERVICE : serviceName, context);
        String version = context.layoutAttribute("serviceVersion");
        if (version != null) {
            appendAttribute(json.append(','), "service.version", version, context);
        }
        String environment = context.layoutAttribute("serviceEnvironment");
        if (environment != null) {
            appendAttribute(json.append(','), "deployment.environment.name", environment, context);
        }
        return json.append(']').toString().toCharArray();
    }

    private static void appendAttribute(StringBuilder json, String key, String value, TemplateContext context) {
        json.append("{\"key\":").append(context.quoted(key)).append(",\"value\":{\"stringValue\":")
                .append(context.quoted(value)).append("}}");
    }

    /** {@code bits} read as an unsigned 64-bit integer, as a JSON string of its digits (never cut: it is a number). */
    static void unsignedDigits(JsonWriter out, long bits) {
        TextBuffer buffer = out.buffer();
        buffer.append('"');
        NumberText.appendUnsignedLong(buffer, bits);
        buffer.append('"');
    }

    /** {@code value} as a JSON string of its digits, proto3 JSON's form of an {@code int64}. */
    static void signedDigits(JsonWriter out, long value) {
        TextBuffer buffer = out.buffer();
        buffer.append('"');
        NumberText.appendLong(buffer, value);
        buffer.append('"');
    }

    /**
     * {@code otlpUnixNanos}: nanoseconds since the epoch as OTLP's unsigned {@code fixed64}, in a
     * string. An instant before 1970 has no such number and is written {@code "0"} (OTLP's "unknown");
     * one past 2554, where 64 bits end, the largest value.
     */
    static final class UnixNanos extends TemplateNode<LogEvent> {
        /** The last second whose nanoseconds fit 64 unsigned bits (2^64 / 10^9 = 18446744073.7). */
        private static final long LAST_SECOND = 18_446_744_072L;
        /** Seconds below this have nanoseconds within a signed long: a negative sum there is before the epoch. */
        private static final long SIGNED_SECONDS = 9_223_372_036L;

        @Override
        public void write(LogEvent event, JsonWriter out, EventScratch scratch) {
            Instant instant = event.getInstant();
            long second = instant.getEpochSecond();
            if (second < 0) {
                unsignedDigits(out, 0);
            } else if (second > LAST_SECOND) {
                unsignedDigits(out, -1L);
            } else {
                // may wrap past Long.MAX_VALUE (after 2262): read as unsigned, it is still exact
                long nanos = second * 1_000_000_000L + instant.getNanoOfSecond();
                // Log4j gives an instant a millisecond before the epoch as second 0, nanosecond -1
                unsignedDigits(out, second < SIGNED_SECONDS && nanos < 0 ? 0 : nanos);
            }
        }
    }

    /** {@code otlpSeverityNumber}: {@link #severityNumber}; an event without a level has none (0, unspecified). */
    static final class SeverityNumber extends TemplateNode<LogEvent> {
        @Override
        public void write(LogEvent event, JsonWriter out, EventScratch scratch) {
            Level level = event.getLevel();
            out.longValue(level == null ? 0 : severityNumber(level));
        }
    }
}
