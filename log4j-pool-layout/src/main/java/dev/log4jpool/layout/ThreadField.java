package dev.log4jpool.layout;

import org.apache.logging.log4j.core.LogEvent;

/** The name of the thread that logged the event. */
final class ThreadField implements FieldWriter {
    private final char[] name;

    ThreadField(char[] name) {
        this.name = name;
    }

    @Override
    public void write(LogEvent event, JsonWriter out) {
        out.name(name);
        out.cachedStringValue(event.getThreadName(), out.threadNames);
    }
}
