package dev.log4jpool.layout;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The layout attributes that bundled schemas (and users' templates) read through the
 * {@code layoutAttribute} and {@code traceContext} resolvers: who logs ({@code serviceName},
 * {@code serviceVersion}, {@code serviceEnvironment}, {@code eventDataset}, {@code gcpProjectId}),
 * under which thread-context keys the trace context is found ({@code traceIdKey}, {@code spanIdKey},
 * {@code traceFlagsKey}: by default the keys OpenTelemetry's Java agent writes), and
 * {@code ecsNested}. Immutable; an empty string counts as unset.
 */
final class SchemaAttributes {
    /** The names {@code layoutAttribute} accepts, in the order error messages list them. */
    static final List<String> NAMES = Collections.unmodifiableList(Arrays.asList(
            "serviceName", "serviceVersion", "serviceEnvironment", "eventDataset", "gcpProjectId"));

    static final String DEFAULT_TRACE_ID_KEY = "trace_id";
    static final String DEFAULT_SPAN_ID_KEY = "span_id";
    static final String DEFAULT_TRACE_FLAGS_KEY = "trace_flags";

    /** What a context made without a layout (an element template, a test) reads. */
    static final SchemaAttributes DEFAULTS = new SchemaAttributes(null, null, null, null, null,
            DEFAULT_TRACE_ID_KEY, DEFAULT_SPAN_ID_KEY, DEFAULT_TRACE_FLAGS_KEY, false);

    private final String serviceName;
    private final String serviceVersion;
    private final String serviceEnvironment;
    private final String eventDataset;
    private final String gcpProjectId;
    final String traceIdKey;
    final String spanIdKey;
    final String traceFlagsKey;
    final boolean ecsNested;

    SchemaAttributes(String serviceName, String serviceVersion, String serviceEnvironment, String eventDataset,
            String gcpProjectId, String traceIdKey, String spanIdKey, String traceFlagsKey, boolean ecsNested) {
        this.serviceName = unsetIfEmpty(serviceName);
        this.serviceVersion = unsetIfEmpty(serviceVersion);
        this.serviceEnvironment = unsetIfEmpty(serviceEnvironment);
        this.eventDataset = unsetIfEmpty(eventDataset);
        this.gcpProjectId = unsetIfEmpty(gcpProjectId);
        this.traceIdKey = key("traceIdKey", traceIdKey, DEFAULT_TRACE_ID_KEY);
        this.spanIdKey = key("spanIdKey", spanIdKey, DEFAULT_SPAN_ID_KEY);
        this.traceFlagsKey = key("traceFlagsKey", traceFlagsKey, DEFAULT_TRACE_FLAGS_KEY);
        this.ecsNested = ecsNested;
    }

    static SchemaAttributes of(PooledJsonLayout.Builder builder) {
        return new SchemaAttributes(builder.serviceName(), builder.serviceVersion(), builder.serviceEnvironment(),
                builder.eventDataset(), builder.gcpProjectId(), builder.traceIdKey(), builder.spanIdKey(),
                builder.traceFlagsKey(), builder.ecsNested());
    }

    /** Whether {@code name} is one {@link #value} knows. */
    static boolean isKnown(String name) {
        return NAMES.contains(name);
    }

    /** The attribute's value, {@code null} when unset or empty; {@code name} must be one of {@link #NAMES}. */
    String value(String name) {
        switch (name) {
            case "serviceName":
                return serviceName;
            case "serviceVersion":
                return serviceVersion;
            case "serviceEnvironment":
                return serviceEnvironment;
            case "eventDataset":
                return eventDataset;
            case "gcpProjectId":
                return gcpProjectId;
            default:
                throw new IllegalArgumentException("unknown layout attribute " + name);
        }
    }

    String gcpProjectId() {
        return gcpProjectId;
    }

    private static String unsetIfEmpty(String value) {
        return value == null || value.isEmpty() ? null : value;
    }

    /** A context key: unset takes the default; blank is refused (no trace context could ever be found). */
    private static String key(String attribute, String value, String defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        if (value.isBlank()) {
            throw LayoutCompiler.bad(attribute, value, "must name a thread-context key (default " + defaultValue + ")");
        }
        return value;
    }
}
