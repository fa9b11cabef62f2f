package dev.log4jpool.layout;

import dev.log4jpool.buffer.BufferPool;
import dev.log4jpool.buffer.TextBuffer;
import dev.log4jpool.internal.AsyncLoggerDisruptorCheck;
import java.nio.charset.Charset;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.StringLayout;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Node;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderFactory;
import org.apache.logging.log4j.core.config.plugins.PluginConfiguration;
import org.apache.logging.log4j.core.config.plugins.PluginElement;
import org.apache.logging.log4j.core.impl.LocationAware;
import org.apache.logging.log4j.core.layout.AbstractLayout;
import org.apache.logging.log4j.core.layout.ByteBufferDestination;
import org.apache.logging.log4j.core.util.KeyValuePair;
import org.apache.logging.log4j.message.Message;

/**
 * A garbage-free JSON layout: one JSON object per event, written through a {@link BufferPool}
 * straight into the appender's {@link ByteBufferDestination}.
 *
 * <pre>{@code
 * <PooledJsonLayout timestampFormat="ISO_MILLIS" contextDataKey="" maxStringLength="16384">
 *   <KeyValuePair key="service" value="${env:SERVICE_NAME}"/>
 *   <BufferPool name="json" bufferSize="8192"/>
 * </PooledJsonLayout>
 * }</pre>
 * gives, per event and followed by {@code eventDelimiter}:
 * <pre>{@code
 * {"@timestamp":"2026-11-23T10:15:30.123Z","level":"INFO","logger":"shop.Orders","thread":"main",
 *  "message":"order placed","orderId":42,"amount":9.99,"requestId":"r-1","service":"shop"}
 * }</pre>
 *
 * <p><b>Members, in order</b>: the timestamp, level, logger, thread and message (each renamed with
 * its {@code *Key} attribute, or left out with an empty key); the message's own fields (a
 * {@link dev.log4jpool.message.StructuredMessage}'s typed fields or a {@code MapMessage}'s
 * entries; a {@code MapMessage} has no {@code message} member); the thread context; {@code source}
 * with {@code locationInfo}; {@code error} when the event has a throwable; the additional fields.
 *
 * <p><b>Structured messages.</b> A {@code StructuredMessage}'s readable text ends with its fields
 * as a JSON object ({@code order placed {"orderId":42}}), and Log4j's events, their copies and the
 * message itself all carry that text and the message's format. An event whose message format is
 * {@code StructuredMessage.FORMAT} (by identity) is written from that text: the part before the
 * object as {@code message}, the object's members as typed members (see {@link StructuredText}).
 * One path for synchronous and asynchronous loggers and {@code AsyncAppender}'s copies.
 *
 * <p><b>Key collisions.</b> The configured names (base fields, additional fields, the nested context
 * key) are fixed; two of them equal is a configuration error. A run-time key (a message field, a
 * flattened context entry) that equals a name already in the object is written with {@code _}
 * prefixed, as many times as needed to be unique: a context entry {@code level} becomes
 * {@code _level}; a message field and a context entry both named {@code user} give {@code user}
 * (the message field, written first) and {@code _user}. Nothing is dropped, no key repeats.
 * Configured names are reserved even in events that lack that member (a context entry
 * {@code error} is always {@code _error}), so a key's name never depends on the event. The rule is
 * for the key as written: it is sanitised (lone surrogates to U+FFFD) and cut at
 * {@code maxStringLength} first, then claimed (see {@link KeyRegistry}). Inside a nested context
 * object ({@code contextDataKey}) keys are unique among themselves by the same rule. A
 * {@code StructuredMessage} given one key (as written) twice keeps the last value.
 *
 * <p><b>Failures.</b> A member that fails (a hostile value, a broken message, a throwable whose
 * methods throw) is written with a marker in its place, and only that member; see
 * {@link ErrorField} and {@link FailureReporter} (rate-limited status reports).
 *
 * <p><b>Bundled schemas.</b> {@code schema="ECS|OTEL|GCP|GELF|LOGSTASH"} writes that schema: the
 * event template {@code log4jpool-<schema>.json} in this jar (exactly
 * {@code eventTemplateUri="classpath:log4jpool-ecs.json"}), which reads {@code serviceName},
 * {@code serviceVersion}, {@code serviceEnvironment}, {@code eventDataset}, {@code gcpProjectId} and the
 * trace context found in the thread context under {@code traceIdKey}, {@code spanIdKey},
 * {@code traceFlagsKey}; see {@link Builder#setSchema}.
 *
 * <p><b>Attributes</b> (defaults in brackets): see the setters of {@link Builder}.
 *
 * <p><b>Allocation.</b> After warm-up, {@link #encode} allocates nothing for events without a
 * throwable: constant, parameterized (primitives through Log4j's {@code Unbox}), structured and
 * {@code MapMessage} messages, with any number of context entries, timestamps moving every event.
 * An event with a throwable allocates, per throwable in its cause and suppressed tree (at most 64),
 * the copies of arrays the JDK hands out: {@code getStackTrace()} (16 + 4 × frames bytes with
 * compressed oops, rounded up to 8) and, when it has suppressed throwables,
 * {@code getSuppressed()} (16 + 4 × suppressed); plus whatever its own {@code getMessage()}
 * allocates: for an exception of 60 frames with a cause of 60 frames, about 0.5 KB per event.
 * {@code locationInfo} makes Log4j compute the location per event, which allocates.
 * {@link #toSerializable} and {@link #toByteArray} allocate their result.
 *
 * <p>Lookups ({@code ${…}}) are resolved by Log4j in the configuration only; text of events
 * (messages, parameters, context values) is written as it is, never interpreted. Configured text
 * (names, additional fields) is not truncated; everything taken from events is.
 *
 * <p>Thread-safe: all state of one event lives with its pooled buffer.
 */
@Plugin(name = "PooledJsonLayout", category = Node.CATEGORY, elementType = Layout.ELEMENT_TYPE, printObject = true)
public final class PooledJsonLayout extends AbstractLayout<String> implements StringLayout, LocationAware, PooledTextLayout {
    private final TemplateNode<LogEvent> root;
    private final LayoutSettings settings;
    private final char[] eventDelimiter;
    private final BufferPool pool;
    private final Charset charset;
    private final boolean locationInfo;
    private final String description;
    private final String defaultTemplate;

    private PooledJsonLayout(Configuration configuration, LayoutCompiler compiled) {
        super(configuration, null, null);
        this.root = compiled.root;
        this.settings = compiled.settings;
        this.eventDelimiter = compiled.eventDelimiter;
        this.pool = compiled.pool;
        this.charset = compiled.charset;
        this.locationInfo = compiled.locationInfo;
        this.description = compiled.description;
        this.defaultTemplate = compiled.defaultTemplate;
    }

    /** The builder Log4j's configuration uses; also the way to make one in code. */
    @PluginBuilderFactory
    public static Builder newBuilder() {
        return new Builder();
    }

    /** Writes the event as UTF-8 (or the configured charset) into {@code destination}, allocating nothing. */
    @Override
    public void encode(LogEvent event, ByteBufferDestination destination) {
        TextBuffer buffer = pool.acquire();
        try {
            write(event, buffer).encoder.encode(buffer.array(), buffer.length(), destination);
        } finally {
            pool.release(buffer);
        }
    }

    @Override
    public TextBuffer render(LogEvent event, BufferPool pool) {
        TextBuffer buffer = pool.acquire();
        try {
            write(event, buffer);
            return buffer;
        } catch (RuntimeException | Error e) {
            pool.release(buffer);
            throw e;
        }
    }

    @Override
    public void writeTo(TextBuffer rendered, ByteBufferDestination destination) {
        EventScratch.of(rendered).encoder.encode(rendered.array(), rendered.length(), destination);
    }

    /** The event's JSON text with its delimiter, as a new String. */
    @Override
    public String toSerializable(LogEvent event) {
        TextBuffer buffer = pool.acquire();
        try {
            write(event, buffer);
            return buffer.toString();
        } finally {
            pool.release(buffer);
        }
    }

    /** The event's JSON text with its delimiter, encoded in a new array. */
    @Override
    public byte[] toByteArray(LogEvent event) {
        // The text is already valid for the charset: lone surrogates are replaced and, in ASCII
        // mode, every non-ASCII char escaped, so the JDK's encoder reproduces encode()'s bytes.
        return toSerializable(event).getBytes(charset);
    }

    /** Writes the event's JSON text and delimiter into {@code buffer}; returns the buffer's scratch (its encoder). */
    private EventScratch write(LogEvent event, TextBuffer buffer) {
        EventScratch scratch = EventScratch.of(buffer);
        JsonWriter writer = scratch.writer;
        scratch.begin(event);
        writer.begin(buffer, settings);
        root.write(event, writer, scratch);
        scratch.end();
        buffer.append(eventDelimiter, 0, eventDelimiter.length);
        return scratch;
    }

    @Override
    public Charset getCharset() {
        return charset;
    }

    @Override
    public String getContentType() {
        return "application/json; charset=" + charset.name();
    }

    @Override
    public boolean requiresLocation() {
        return locationInfo;
    }

    /** The pool this layout takes its buffers from. */
    @Override
    public BufferPool getBufferPool() {
        return pool;
    }

    /** Without a user's template: the template the attributes made, which an {@code eventTemplate} could give as well. */
    String defaultTemplate() {
        return defaultTemplate;
    }

    @Override
    public String toString() {
        return description;
    }

    /**
     * The layout's configuration. Every attribute is optional; a bad value fails the configuration
     * with a message that names the attribute and the value.
     */
    public static final class Builder implements org.apache.logging.log4j.core.util.Builder<PooledJsonLayout> {
        @PluginConfiguration
        private Configuration configuration;

        @PluginBuilderAttribute
        private String charset = "UTF-8";

        @PluginBuilderAttribute
        private String eventDelimiter = "\\n";

        @PluginBuilderAttribute
        private String timestampFormat = "ISO_MILLIS";

        @PluginBuilderAttribute
        private String timeZone = "UTC";

        @PluginBuilderAttribute
        private String timestampKey = "@timestamp";

        @PluginBuilderAttribute
        private String levelKey = "level";

        @PluginBuilderAttribute
        private String loggerKey = "logger";

        @PluginBuilderAttribute
        private String threadKey = "thread";

        @PluginBuilderAttribute
        private String messageKey = "message";

        @PluginBuilderAttribute
        private String errorKey = "error";

        @PluginBuilderAttribute
        private String sourceKey = "source";

        @PluginBuilderAttribute
        private boolean includeContextData = true;

        @PluginBuilderAttribute
        private String contextDataKey = "";

        @PluginBuilderAttribute
        private String contextDataIncludes = "";

        @PluginBuilderAttribute
        private String contextDataExcludes = "";

        @PluginBuilderAttribute
        private String stackTraceFormat = "STRING";

        @PluginBuilderAttribute
        private int maxStackTraceLines;

        @PluginBuilderAttribute
        private boolean includeRootCause;

        @PluginBuilderAttribute
        private boolean locationInfo;

        @PluginBuilderAttribute
        private int maxStringLength = DEFAULT_MAX_STRING_LENGTH;

        @PluginBuilderAttribute
        private String truncationMarker = "…";

        @PluginElement("KeyValuePair")
        private KeyValuePair[] additionalFields;

        @PluginElement("BufferPool")
        private BufferPool bufferPool;

        // JsonTemplateLayout's attributes, same names and meanings.

        @PluginBuilderAttribute
        private String eventTemplate;

        @PluginBuilderAttribute
        private String eventTemplateUri;

        @PluginBuilderAttribute
        private String eventTemplateRootObjectKey;

        @PluginBuilderAttribute
        private String stackTraceElementTemplate;

        @PluginBuilderAttribute
        private String stackTraceElementTemplateUri;

        @PluginBuilderAttribute
        private boolean stackTraceEnabled = true;

        @PluginBuilderAttribute
        private boolean locationInfoEnabled;

        @PluginBuilderAttribute
        private String truncatedStringSuffix;

        @PluginBuilderAttribute
        private boolean nullEventDelimiterEnabled;

        // Bundled schemas (issue 11) and the attributes their templates read.

        @PluginBuilderAttribute
        private String schema;

        @PluginBuilderAttribute
        private String serviceName;

        @PluginBuilderAttribute
        private String serviceVersion;

        @PluginBuilderAttribute
        private String serviceEnvironment;

        @PluginBuilderAttribute
        private String eventDataset;

        @PluginBuilderAttribute
        private String gcpProjectId;

        @PluginBuilderAttribute
        private String traceIdKey = SchemaAttributes.DEFAULT_TRACE_ID_KEY;

        @PluginBuilderAttribute
        private String spanIdKey = SchemaAttributes.DEFAULT_SPAN_ID_KEY;

        @PluginBuilderAttribute
        private String traceFlagsKey = SchemaAttributes.DEFAULT_TRACE_FLAGS_KEY;

        @PluginBuilderAttribute
        private boolean ecsNested;

        /**
         * Our {@link EventTemplateAdditionalField}s or JsonTemplateLayout's (Log4j maps the element
         * name to one plugin class when both jars are present), hence {@code Object}. Declared after
         * the other elements: Log4j visits fields in declaration order, and an {@code Object[]}
         * element takes every child element still unclaimed (an unexpected one is reported by
         * {@link EventTemplate}).
         */
        @PluginElement("EventTemplateAdditionalField")
        private Object[] eventTemplateAdditionalFields;

        private Builder() {}

        /** {@code configuration}: set by Log4j; used for nothing but the layout's own record. */
        public Builder setConfiguration(Configuration configuration) {
            this.configuration = configuration;
            return this;
        }

        /**
         * {@code charset} [UTF-8]: UTF-8, or any charset that encodes ASCII as ASCII (US-ASCII,
         * ISO-8859-1, windows-1252, …), in which case every non-ASCII char is written as a JSON
         * {@code \}{@code uXXXX} escape so the output stays exact. UTF-16 and UTF-32 are refused.
         */
        public Builder setCharset(String charset) {
            this.charset = charset;
            return this;
        }

        /**
         * {@code eventDelimiter} [{@code \n}]: written after each object. The escapes {@code \n},
         * {@code \r}, {@code \t}, {@code \0} and {@code \\} are understood; empty writes nothing.
         */
        public Builder setEventDelimiter(String eventDelimiter) {
            this.eventDelimiter = eventDelimiter;
            return this;
        }

        /** {@code timestampFormat} [ISO_MILLIS]: one of {@link TimestampFormat}. */
        public Builder setTimestampFormat(String timestampFormat) {
            this.timestampFormat = timestampFormat;
            return this;
        }

        /** {@code timeZone} [UTC]: a {@code java.time.ZoneId} for the ISO formats ({@code Europe/Paris}, {@code +02:00}). */
        public Builder setTimeZone(String timeZone) {
            this.timeZone = timeZone;
            return this;
        }

        /** {@code timestampKey} [{@code @timestamp}]; empty leaves the member out. */
        public Builder setTimestampKey(String timestampKey) {
            this.timestampKey = timestampKey;
            return this;
        }

        /** {@code levelKey} [{@code level}]; empty leaves the member out. */
        public Builder setLevelKey(String levelKey) {
            this.levelKey = levelKey;
            return this;
        }

        /** {@code loggerKey} [{@code logger}]; empty leaves the member out. */
        public Builder setLoggerKey(String loggerKey) {
            this.loggerKey = loggerKey;
            return this;
        }

        /** {@code threadKey} [{@code thread}]; empty leaves the member out. */
        public Builder setThreadKey(String threadKey) {
            this.threadKey = threadKey;
            return this;
        }

        /** {@code messageKey} [{@code message}]; empty leaves the member out. */
        public Builder setMessageKey(String messageKey) {
            this.messageKey = messageKey;
            return this;
        }

        /** {@code errorKey} [{@code error}]; empty leaves the throwable out. */
        public Builder setErrorKey(String errorKey) {
            this.errorKey = errorKey;
            return this;
        }

        /** {@code sourceKey} [{@code source}]: the name of the location member when {@code locationInfo} is on. */
        public Builder setSourceKey(String sourceKey) {
            this.sourceKey = sourceKey;
            return this;
        }

        /** {@code includeContextData} [true]: write the thread context (MDC). */
        public Builder setIncludeContextData(boolean includeContextData) {
            this.includeContextData = includeContextData;
            return this;
        }

        /** {@code contextDataKey} [empty]: empty flattens the context into the root, else nests it under this key. */
        public Builder setContextDataKey(String contextDataKey) {
            this.contextDataKey = contextDataKey;
            return this;
        }

        /** {@code contextDataIncludes} [empty = all]: comma-separated keys; only these are written. */
        public Builder setContextDataIncludes(String contextDataIncludes) {
            this.contextDataIncludes = contextDataIncludes;
            return this;
        }

        /** {@code contextDataExcludes} [empty]: comma-separated keys that are never written. */
        public Builder setContextDataExcludes(String contextDataExcludes) {
            this.contextDataExcludes = contextDataExcludes;
            return this;
        }

        /** {@code stackTraceFormat} [STRING]: one of {@link StackTraceFormat}. */
        public Builder setStackTraceFormat(String stackTraceFormat) {
            this.stackTraceFormat = stackTraceFormat;
            return this;
        }

        /** {@code maxStackTraceLines} [0 = no limit]: lines of stack trace written, then {@code ... n lines omitted}. */
        public Builder setMaxStackTraceLines(int maxStackTraceLines) {
            this.maxStackTraceLines = maxStackTraceLines;
            return this;
        }

        /** {@code includeRootCause} [false]: add {@code root_cause_type} and {@code root_cause_message} to {@code error}. */
        public Builder setIncludeRootCause(boolean includeRootCause) {
            this.includeRootCause = includeRootCause;
            return this;
        }

        /** {@code locationInfo} [false]: add {@code source} (class, method, file, line); costs a stack walk per event. */
        public Builder setLocationInfo(boolean locationInfo) {
            this.locationInfo = locationInfo;
            return this;
        }

        /**
         * {@code maxStringLength} [16384]: chars of any string value (and key) beyond which it is cut
         * and ends with {@code truncationMarker}; a whole stack-trace string counts as one value.
         */
        public Builder setMaxStringLength(int maxStringLength) {
            this.maxStringLength = maxStringLength;
            return this;
        }

        /** {@code truncationMarker} [{@code …}]: appended to a string that was cut. */
        public Builder setTruncationMarker(String truncationMarker) {
            this.truncationMarker = truncationMarker;
            return this;
        }

        /** {@code <KeyValuePair key value>} elements: string members added to every object, in order. */
        public Builder setAdditionalFields(KeyValuePair... additionalFields) {
            this.additionalFields = additionalFields;
            return this;
        }

        /** A nested {@code <BufferPool>} element; without one, {@link BufferPool#getDefault()}. */
        public Builder setBufferPool(BufferPool bufferPool) {
            this.bufferPool = bufferPool;
            return this;
        }

        /**
         * The event template as JSON text (JsonTemplateLayout's attribute): with it (or
         * {@link #setEventTemplateUri}) the layout writes that template instead of the default
         * schema, whose {@code *Key} and context attributes then must keep their defaults.
         */
        public Builder setEventTemplate(String eventTemplate) {
            this.eventTemplate = eventTemplate;
            return this;
        }

        /** Where to read the event template: {@code classpath:EcsLayout.json}, {@code file:/etc/app/log.json}. */
        public Builder setEventTemplateUri(String eventTemplateUri) {
            this.eventTemplateUri = eventTemplateUri;
            return this;
        }

        /** Wraps each event's object in {@code {"<key>": …}}. */
        public Builder setEventTemplateRootObjectKey(String eventTemplateRootObjectKey) {
            this.eventTemplateRootObjectKey = eventTemplateRootObjectKey;
            return this;
        }

        /** Members added to the template's root object ({@code <EventTemplateAdditionalField>}). */
        public Builder setEventTemplateAdditionalFields(EventTemplateAdditionalField... fields) {
            this.eventTemplateAdditionalFields = fields;
            return this;
        }

        /** The template of one stack-trace element, as JSON text ({@code stackTraceElement} resolvers). */
        public Builder setStackTraceElementTemplate(String stackTraceElementTemplate) {
            this.stackTraceElementTemplate = stackTraceElementTemplate;
            return this;
        }

        /** Where to read the stack-trace element template. */
        public Builder setStackTraceElementTemplateUri(String stackTraceElementTemplateUri) {
            this.stackTraceElementTemplateUri = stackTraceElementTemplateUri;
            return this;
        }

        /** [true] Whether templates' exception resolvers write stack traces. */
        public Builder setStackTraceEnabled(boolean stackTraceEnabled) {
            this.stackTraceEnabled = stackTraceEnabled;
            return this;
        }

        /** [false] JsonTemplateLayout's name for {@link #setLocationInfo}: either enables the location. */
        public Builder setLocationInfoEnabled(boolean locationInfoEnabled) {
            this.locationInfoEnabled = locationInfoEnabled;
            return this;
        }

        /** JsonTemplateLayout's name for {@link #setTruncationMarker}; when given, it wins. */
        public Builder setTruncatedStringSuffix(String truncatedStringSuffix) {
            this.truncatedStringSuffix = truncatedStringSuffix;
            return this;
        }

        /** [false] Writes a NUL char after each event's delimiter. */
        public Builder setNullEventDelimiterEnabled(boolean nullEventDelimiterEnabled) {
            this.nullEventDelimiterEnabled = nullEventDelimiterEnabled;
            return this;
        }

        /**
         * {@code schema}: one of the bundled schemas {@code ECS}, {@code OTEL}, {@code GCP}, {@code GELF},
         * {@code LOGSTASH} (any case): the same as {@code eventTemplateUri="classpath:log4jpool-<name>.json"}
         * (lower case). Excludes {@code eventTemplate}, {@code eventTemplateUri} and the default
         * schema's attributes; an unknown name fails the configuration, listing the valid ones.
         */
        public Builder setSchema(String schema) {
            this.schema = schema;
            return this;
        }

        /** {@code serviceName}: the service that logs ({@code layoutAttribute} resolver; ECS {@code service.name}, …). */
        public Builder setServiceName(String serviceName) {
            this.serviceName = serviceName;
            return this;
        }

        /** {@code serviceVersion}: the service's version. */
        public Builder setServiceVersion(String serviceVersion) {
            this.serviceVersion = serviceVersion;
            return this;
        }

        /** {@code serviceEnvironment}: where the service runs ({@code production}, {@code staging}). */
        public Builder setServiceEnvironment(String serviceEnvironment) {
            this.serviceEnvironment = serviceEnvironment;
            return this;
        }

        /** {@code eventDataset}: ECS {@code event.dataset} (Elastic's convention: {@code <service>.log}). */
        public Builder setEventDataset(String eventDataset) {
            this.eventDataset = eventDataset;
            return this;
        }

        /** {@code gcpProjectId}: makes GCP's trace {@code projects/<id>/traces/<trace id>}. */
        public Builder setGcpProjectId(String gcpProjectId) {
            this.gcpProjectId = gcpProjectId;
            return this;
        }

        /** {@code traceIdKey} [{@code trace_id}]: the thread-context key holding the trace id (OpenTelemetry's Java agent's). */
        public Builder setTraceIdKey(String traceIdKey) {
            this.traceIdKey = traceIdKey;
            return this;
        }

        /** {@code spanIdKey} [{@code span_id}]: the thread-context key holding the span id. */
        public Builder setSpanIdKey(String spanIdKey) {
            this.spanIdKey = spanIdKey;
            return this;
        }

        /** {@code traceFlagsKey} [{@code trace_flags}]: the thread-context key holding the W3C trace flags (hex, {@code 01}). */
        public Builder setTraceFlagsKey(String traceFlagsKey) {
            this.traceFlagsKey = traceFlagsKey;
            return this;
        }

        /**
         * {@code ecsNested} [false]: with {@code schema="ECS"} (or a template of one's own), write
         * nested objects ({@code "log":{"level":…}}) instead of the dotted names Elastic's own loggers
         * write ({@code "log.level":…}); Elasticsearch reads both alike.
         */
        public Builder setEcsNested(boolean ecsNested) {
            this.ecsNested = ecsNested;
            return this;
        }

        /**
         * @throws IllegalArgumentException naming the attribute and the value when one is invalid
         */
        @Override
        public PooledJsonLayout build() {
            AsyncLoggerDisruptorCheck.check(configuration);
            LayoutCompiler compiled = new LayoutCompiler(this);
            return new PooledJsonLayout(configuration, compiled);
        }

        // read by LayoutCompiler
        String charset() { return charset; }
        String eventDelimiter() { return eventDelimiter; }
        String timestampFormat() { return timestampFormat; }
        String timeZone() { return timeZone; }
        String timestampKey() { return timestampKey; }
        String levelKey() { return levelKey; }
        String loggerKey() { return loggerKey; }
        String threadKey() { return threadKey; }
        String messageKey() { return messageKey; }
        String errorKey() { return errorKey; }
        String sourceKey() { return sourceKey; }
        boolean includeContextData() { return includeContextData; }
        String contextDataKey() { return contextDataKey; }
        String contextDataIncludes() { return contextDataIncludes; }
        String contextDataExcludes() { return contextDataExcludes; }
        String stackTraceFormat() { return stackTraceFormat; }
        int maxStackTraceLines() { return maxStackTraceLines; }
        boolean includeRootCause() { return includeRootCause; }
        boolean locationInfo() { return locationInfo || locationInfoEnabled; }
        int maxStringLength() { return maxStringLength; }
        String truncationMarker() { return truncatedStringSuffix != null ? truncatedStringSuffix : truncationMarker; }
        Configuration configuration() { return configuration; }
        String eventTemplate() { return eventTemplate; }
        String eventTemplateUri() { return eventTemplateUri; }
        String eventTemplateRootObjectKey() { return eventTemplateRootObjectKey; }
        Object[] eventTemplateAdditionalFields() { return eventTemplateAdditionalFields; }
        String stackTraceElementTemplate() { return stackTraceElementTemplate; }
        String stackTraceElementTemplateUri() { return stackTraceElementTemplateUri; }
        boolean stackTraceEnabled() { return stackTraceEnabled; }
        boolean nullEventDelimiterEnabled() { return nullEventDelimiterEnabled; }
        KeyValuePair[] additionalFields() { return additionalFields; }
        BufferPool bufferPool() { return bufferPool; }
        String schema() { return schema; }
        String serviceName() { return serviceName; }
        String serviceVersion() { return serviceVersion; }
        String serviceEnvironment() { return serviceEnvironment; }
        String eventDataset() { return eventDataset; }
        String gcpProjectId() { return gcpProjectId; }
        String traceIdKey() { return traceIdKey; }
        String spanIdKey() { return spanIdKey; }
        String traceFlagsKey() { return traceFlagsKey; }
        boolean ecsNested() { return ecsNested; }
    }

    /** Default of {@code maxStringLength}. */
    public static final int DEFAULT_MAX_STRING_LENGTH = 16384;
}
