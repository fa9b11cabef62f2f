package dev.log4jpool.layout;

import org.apache.logging.log4j.util.ReadOnlyStringMap;

/**
 * The thread-context keys of the trace context ({@code traceIdKey}, {@code spanIdKey},
 * {@code traceFlagsKey}) as the resolvers that write the rest of the context see them: an entry is
 * left to the schema's own trace fields (and not written again with the context) exactly when its
 * value is one {@code traceContext} writes. An invalid value, which {@code traceContext} leaves out,
 * stays with the context, so nothing is lost.
 */
final class TraceKeys {
    private final String traceIdKey;
    private final String spanIdKey;
    private final String traceFlagsKey;

    TraceKeys(TemplateContext context) {
        this.traceIdKey = context.traceIdKey();
        this.spanIdKey = context.spanIdKey();
        this.traceFlagsKey = context.traceFlagsKey();
    }

    /** Whether the entry {@code key = value} is written by {@code traceContext} in its own field. */
    boolean isTraceField(String key, Object value) {
        CharSequence text = value instanceof CharSequence ? (CharSequence) value : null;
        if (traceIdKey.equals(key)) {
            return TraceContextResolver.isValidId(text, 32);
        }
        if (spanIdKey.equals(key)) {
            return TraceContextResolver.isValidId(text, 16);
        }
        return traceFlagsKey.equals(key) && TraceContextResolver.flags(text) >= 0;
    }

    /** How many of {@code map}'s entries {@link #isTraceField} claims (three lookups). */
    int countIn(ReadOnlyStringMap map) {
        int count = 0;
        if (isTraceField(traceIdKey, map.getValue(traceIdKey))) {
            count++;
        }
        if (isTraceField(spanIdKey, map.getValue(spanIdKey))) {
            count++;
        }
        if (isTraceField(traceFlagsKey, map.getValue(traceFlagsKey))) {
            count++;
        }
        return count;
    }
}
