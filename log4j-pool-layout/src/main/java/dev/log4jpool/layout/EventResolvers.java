package dev.log4jpool.layout;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.apache.logging.log4j.core.LogEvent;

/**
 * The resolvers event templates may name, by their {@code $resolver} name: JsonTemplateLayout's,
 * with its options and meanings, and ours ({@code structured}, {@code layoutAttribute},
 * {@code traceContext}, and the bundled schemas' {@code contextFields}, {@code gelfFields},
 * {@code epochSeconds}, {@code gcpSeverity}, {@code logstashLevelValue}, {@code sourceFunction}).
 */
final class EventResolvers {
    static final Map<String, ResolverFactory<LogEvent>> FACTORIES;

    static {
        Map<String, ResolverFactory<LogEvent>> factories = new HashMap<>();
        factories.put("timestamp", TimestampResolvers::create);
        factories.put("counter", CounterResolvers::create);
        factories.put("level", LevelResolvers::create);
        factories.put("endOfBatch", (options, context) -> new EndOfBatch());
        factories.put("logger", LoggerResolver::create);
        factories.put("thread", ThreadResolver::create);
        factories.put("source", SourceResolver::create);
        factories.put("marker", MarkerResolver::create);
        factories.put("ndc", NdcResolver::create);
        factories.put("messageParameter", MessageParameterResolver::create);
        factories.put("main", MainArgumentResolver::create);
        factories.put("caseConverter", CaseConverterResolver::create);
        factories.put("pooledTimestamp", DefaultSchemaResolvers::timestamp);
        factories.put("pooledMessage", DefaultSchemaResolvers::message);
        factories.put("pooledMessageFields", DefaultSchemaResolvers::messageFields);
        factories.put("pooledContext", DefaultSchemaResolvers::context);
        factories.put("pooledSource", DefaultSchemaResolvers::source);
        factories.put("pooledError", DefaultSchemaResolvers::error);
        factories.put("message", MessageResolver::create);
        factories.put("mdc", StringMapResolvers::mdc);
        factories.put("map", StringMapResolvers::map);
        factories.put("structured", StructuredResolver::create);
        factories.put("exception", ExceptionResolvers::exception);
        factories.put("exceptionRootCause", ExceptionResolvers::exceptionRootCause);
        factories.put("pattern", PatternText::create);
        factories.put("layoutAttribute", LayoutAttributeResolver::create);
        factories.put("traceContext", TraceContextResolver::create);
        factories.put("otlpUnixNanos", OtlpResolvers::unixNanos);
        factories.put("otlpSeverityNumber", OtlpResolvers::severityNumber);
        factories.put("otlpResource", OtlpResolvers::resource);
        factories.put("otlpAttributes", OtlpAttributes::create);
        factories.put("contextFields", ContextFieldsResolver::create);
        factories.put("gelfFields", GelfFieldsResolver::create);
        factories.put("epochSeconds", EpochSecondsResolver::create);
        factories.put("gcpSeverity", GcpSeverityResolver::create);
        factories.put("logstashLevelValue", LogstashLevelValueResolver::create);
        factories.put("sourceFunction", SourceFunctionResolver::create);
        FACTORIES = Collections.unmodifiableMap(factories);
    }

    private EventResolvers() {
    }

    /** {@code endOfBatch}: whether the event ends a batch of an async logger or appender. */
    static final class EndOfBatch extends TemplateNode<LogEvent> {
        @Override
        void write(LogEvent event, JsonWriter out, EventScratch scratch) {
            out.booleanValue(event.isEndOfBatch());
        }
    }
}
