package dev.log4jpool.layout;

import org.apache.logging.log4j.core.LogEvent;

/**
 * {@code {"$resolver": "logger", "field": "name" | "fqcn"}}: the logger's name, or the fully
 * qualified name of the logger class the call came through. Both are strings, {@code null} when the
 * event has none. Each is the same String from event to event, so it is copied from the
 * scratch's cache instead of being escaped again.
 */
final class LoggerResolver {
    private LoggerResolver() {
    }

    static TemplateNode<LogEvent> create(ResolverOptions options, TemplateContext context) {
        return "name".equals(options.requiredChoice("field", "name", "fqcn")) ? new Name() : new Fqcn();
    }

    /** The logger's name, through the cache shared with the default schema's logger member. */
    static final class Name extends TemplateNode<LogEvent> {
        @Override
        public void write(LogEvent event, JsonWriter out, EventScratch scratch) {
            out.cachedStringValue(event.getLoggerName(), scratch.loggerNames);
        }
    }

    /** The fully qualified class name of the logger the event went through. */
    static final class Fqcn extends TemplateNode<LogEvent> {
        @Override
        public void write(LogEvent event, JsonWriter out, EventScratch scratch) {
            out.cachedStringValue(event.getLoggerFqcn(), scratch.loggerFqcns);
        }
    }
}
