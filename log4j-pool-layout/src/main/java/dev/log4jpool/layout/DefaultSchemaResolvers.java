package dev.log4jpool.layout;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.logging.log4j.core.LogEvent;

/**
 * The resolvers of PooledJsonLayout's default schema, by name, usable in any template too:
 * <ul>
 *   <li>{@code pooledTimestamp}: {@code format} ({@code ISO_MILLIS}, {@code ISO_MICROS},
 *       {@code ISO_NANOS}, {@code EPOCH_MILLIS}, {@code EPOCH_NANOS}), {@code timeZone} (a zone id;
 *       {@code UTC} prints {@code Z});</li>
 *   <li>{@code pooledMessage}: the message text (a structured message's text before its fields; a
 *       {@code MapMessage} has none, and the member is left out);</li>
 *   <li>{@code pooledMessageFields} (flattening): a structured message's typed fields, a
 *       {@code MapMessage}'s entries, with their JSON types;</li>
 *   <li>{@code pooledContext}: the thread context, flattened ({@code "flatten": true}) or as an object,
 *       {@code includes} / {@code excludes} key lists;</li>
 *   <li>{@code pooledSource}: {@code {"class", "method", "file", "line"}} when the event has a location;</li>
 *   <li>{@code pooledError}: {@code {"type", "message", "stack_trace"}} when the event has a throwable,
 *       {@code stackTraceFormat} ({@code STRING}, {@code ARRAY}, {@code NONE}),
 *       {@code maxStackTraceLines}, {@code includeRootCause}.</li>
 * </ul>
 */
final class DefaultSchemaResolvers {
    private DefaultSchemaResolvers() {}

    static TemplateNode<LogEvent> timestamp(ResolverOptions options, TemplateContext context) {
        TimestampFormat format;
        try {
            format = TimestampFormat.parse(options.string("format", "ISO_MILLIS"));
        } catch (IllegalArgumentException bad) {
            throw options.error("format", "is not a timestamp format (" + bad.getMessage() + ")");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(options.string("timeZone", "UTC"));
        } catch (DateTimeException bad) {
            throw options.error("timeZone", "is not a time zone id (" + bad.getMessage() + ")");
        }
        return new TimestampField(format, zone);
    }

    static TemplateNode<LogEvent> message(ResolverOptions options, TemplateContext context) {
        return new MessageMembers.Text();
    }

    static TemplateNode<LogEvent> messageFields(ResolverOptions options, TemplateContext context) {
        return new MessageMembers.Fields();
    }

    static TemplateNode<LogEvent> context(ResolverOptions options, TemplateContext context) {
        return new ContextDataFields(!options.bool("flatten", false), keys(options, "includes"), keys(options, "excludes"));
    }

    static TemplateNode<LogEvent> source(ResolverOptions options, TemplateContext context) {
        return context.locationInfoEnabled() ? new SourceField() : null;
    }

    static TemplateNode<LogEvent> error(ResolverOptions options, TemplateContext context) {
        StackTraceFormat format;
        try {
            format = StackTraceFormat.parse(options.string("stackTraceFormat", "STRING"));
        } catch (IllegalArgumentException bad) {
            throw options.error("stackTraceFormat", "is not STRING, ARRAY or NONE");
        }
        int maxLines = options.integer("maxStackTraceLines", 0);
        if (maxLines < 0) {
            throw options.error("maxStackTraceLines", "must be 0 (no limit) or positive");
        }
        return new ErrorField(format, maxLines, options.bool("includeRootCause", false));
    }

    private static Set<String> keys(ResolverOptions options, String option) {
        List<String> keys = options.strings(option);
        return keys == null ? Set.of() : new HashSet<>(keys);
    }
}
