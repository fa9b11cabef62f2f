package dev.log4jpool.layout;

import org.apache.logging.log4j.core.LogEvent;

/**
 * The names an event carries that repeat from event to event: the logger's and the thread's. Each
 * is copied from an {@link EscapedStringCache} of the writer when it is the same String as last
 * time, else escaped. Two writers, one per member, so that the hot path does not branch on which.
 */
final class NameFields {
    private NameFields() {}

    /** The logger's name. */
    static final class Logger implements TemplateNode<LogEvent> {
        @Override
        public void write(LogEvent event, JsonWriter out, EventScratch scratch) {
            out.cachedStringValue(event.getLoggerName(), scratch.loggerNames);
        }
    }

    /** The name of the thread that logged the event. */
    static final class Thread implements TemplateNode<LogEvent> {
        @Override
        public void write(LogEvent event, JsonWriter out, EventScratch scratch) {
            out.cachedStringValue(event.getThreadName(), scratch.threadNames);
        }
    }
}
