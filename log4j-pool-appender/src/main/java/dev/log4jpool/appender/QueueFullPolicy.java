package dev.log4jpool.appender;

import java.util.Locale;

/** What an async {@link PooledFileAppender} does with an event when its ring is full. */
public enum QueueFullPolicy {
    /** The caller waits for a free slot: nothing is lost, logging slows to the speed of the disk. */
    BLOCK,
    /**
     * The event is dropped and counted ({@link PooledFileStats#eventsDropped()}); a WARN through the
     * StatusLogger, at most once a second, says how many.
     */
    DROP;

    /**
     * Reads the {@code queueFullPolicy} attribute ({@code Block} or {@code Drop}, any case).
     *
     * @throws IllegalArgumentException naming the attribute and the value when it is neither
     */
    static QueueFullPolicy parse(String appenderName, String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(PooledFileAppender.PLUGIN_NAME + " '" + appenderName
                    + "': queueFullPolicy=\"" + value + "\" is not one of Block, Drop");
        }
    }
}
