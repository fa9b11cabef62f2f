package dev.log4jpool.layout;

import org.apache.logging.log4j.core.LogEvent;

/**
 * {@code {"$resolver": "thread", "field": "name" | "id" | "priority"}}: the name of the thread that
 * logged the event (a string, from the scratch's cache: thread names repeat), or its id or priority
 * (numbers).
 */
final class ThreadResolver {
    private ThreadResolver() {
    }

    static TemplateNode<LogEvent> create(ResolverOptions options, TemplateContext context) {
        switch (options.requiredChoice("field", "name", "id", "priority")) {
            case "name":
                return new Name();
            case "id":
                return new Id();
            default:
                return new Priority();
        }
    }

    /** The thread's name, through the cache shared with the default schema's thread member. */
    static final class Name extends TemplateNode<LogEvent> {
        @Override
        public void write(LogEvent event, JsonWriter out, EventScratch scratch) {
            out.cachedStringValue(event.getThreadName(), scratch.threadNames);
        }
    }

    static final class Id extends TemplateNode<LogEvent> {
        @Override
        public void write(LogEvent event, JsonWriter out, EventScratch scratch) {
            out.longValue(event.getThreadId());
        }
    }

    static final class Priority extends TemplateNode<LogEvent> {
        @Override
        public void write(LogEvent event, JsonWriter out, EventScratch scratch) {
            out.longValue(event.getThreadPriority());
        }
    }
}
