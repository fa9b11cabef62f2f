package dev.log4jpool.event;

import org.apache.logging.log4j.status.StatusLogger;
import org.apache.logging.log4j.util.PropertiesUtil;

/**
 * The ring sizes of {@link PooledLogEventFactory} and {@link PooledMessageFactory}, from Log4j's
 * property sources. A bad value is reported on the StatusLogger, naming the property and the value,
 * and the default is used: logging must not fail to start over a tuning property.
 */
final class EventPoolProperties {
    static final String MAX_EVENTS = "log4jpool.maxEvents";
    static final String MAX_MESSAGES = "log4jpool.maxMessages";
    /**
     * Default free objects per ring. Enough for every carrier thread and for the virtual threads that
     * unmount inside an appender while holding one; a ring that runs dry only costs an allocation.
     */
    static final int DEFAULT_SIZE = 256;
    private static final int LARGEST = 1 << 16;

    private EventPoolProperties() {}

    static int maxEvents() {
        return read(PropertiesUtil.getProperties(), MAX_EVENTS);
    }

    static int maxMessages() {
        return read(PropertiesUtil.getProperties(), MAX_MESSAGES);
    }

    static int read(PropertiesUtil properties, String name) {
        String value = properties.getStringProperty(name);
        if (value == null) {
            return DEFAULT_SIZE;
        }
        try {
            int size = Integer.parseInt(value.trim());
            if (size >= 1 && size <= LARGEST) {
                return size;
            }
            report(name, value, "must be between 1 and " + LARGEST);
        } catch (NumberFormatException e) {
            report(name, value, "is not a whole number");
        }
        return DEFAULT_SIZE;
    }

    private static void report(String name, String value, String problem) {
        StatusLogger.getLogger().error(
                "log4j-pool: ignoring property {}='{}': {}; using {}", name, value, problem, DEFAULT_SIZE);
    }
}
