package dev.log4jpool.layout;

import java.util.List;
import org.apache.logging.log4j.util.ReadOnlyStringMap;

/**
 * The thread-context keys of the trace context ({@code traceIdKey}, {@code spanIdKey},
 * {@code traceFlagsKey}) as the resolvers that write the rest of the context see them: an entry is
 * left to the schema's own trace fields (and not written again with the context) exactly when its
 * value is one {@code traceContext} writes. An invalid value, which {@code traceContext} leaves out,
 * stays with the context, so nothing is lost.
 */
final class TraceKeys {
    /** The fields a template may write in its own members, by their {@code traceContext} names. */
    static final List<String> FIELDS = List.of("traceId", "spanId", "traceFlags");

    /** {@code null} where the template does not write that field: the entry stays with the context. */
    private final String traceIdKey;
    private final String spanIdKey;
    private final String traceFlagsKey;

    /** All three fields written elsewhere (OTLP's record, GCP, GELF, LOGSTASH). */
    TraceKeys(TemplateContext context) {
        this(context, FIELDS);
    }

    /** Only {@code fields} (of {@link #FIELDS}) written elsewhere: ECS has no field for the flags. */
    TraceKeys(TemplateContext context, List<String> fields) {
        this.traceIdKey = fields.contains("traceId") ? context.traceIdKey() : null;
        this.spanIdKey = fields.contains("spanId") ? context.spanIdKey() : null;
        this.traceFlagsKey = fields.contains("traceFlags") ? context.traceFlagsKey() : null;
    }

    /** Whether the entry {@code key = value} is written by {@code traceContext} in its own field. */
    boolean isTraceField(String key, Object value) {
        CharSequence text = value instanceof CharSequence ? (CharSequence) value : null;
        if (key == null) {
            return false;
        }
        if (key.equals(traceIdKey)) {
            return TraceContextResolver.isValidId(text, 32);
        }
        if (key.equals(spanIdKey)) {
            return TraceContextResolver.isValidId(text, 16);
        }
        return key.equals(traceFlagsKey) && TraceContextResolver.flags(text) >= 0;
    }

    /** How many of {@code map}'s entries {@link #isTraceField} claims (three lookups). */
    int countIn(ReadOnlyStringMap map) {
        int count = 0;
        if (traceIdKey != null && isTraceField(traceIdKey, map.getValue(traceIdKey))) {
            count++;
        }
        if (spanIdKey != null && isTraceField(spanIdKey, map.getValue(spanIdKey))) {
            count++;
        }
        if (traceFlagsKey != null && isTraceField(traceFlagsKey, map.getValue(traceFlagsKey))) {
            count++;
        }
        return count;
    }
}
