package dev.log4jpool.layout;

import org.apache.logging.log4j.core.LogEvent;

/** The event's time, in the configured {@link TimestampFormat} and zone. */
final class TimestampField implements FieldWriter {
    private final char[] name;
    private final TimestampFormatter formatter;

    TimestampField(char[] name, TimestampFormatter formatter) {
        this.name = name;
        this.formatter = formatter;
    }

    @Override
    public void write(LogEvent event, JsonWriter out) {
        out.name(name);
        formatter.write(event.getInstant(), out);
    }
}
