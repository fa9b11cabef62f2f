package dev.log4jpool.layout;

import org.apache.logging.log4j.core.LogEvent;

/** The logger's name. */
final class LoggerField implements FieldWriter {
    private final char[] name;

    LoggerField(char[] name) {
        this.name = name;
    }

    @Override
    public void write(LogEvent event, JsonWriter out) {
        out.name(name);
        out.cachedStringValue(event.getLoggerName(), out.loggerNames);
    }
}
