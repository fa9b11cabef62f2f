package dev.log4jpool.appender;

import java.util.Locale;

/**
 * When a {@link PooledFileAppender} asks the operating system to put the file on the device
 * ({@code FileChannel.force}, i.e. {@code fdatasync}): the {@code force} attribute.
 *
 * <p>{@link BufferMode} decides when bytes reach the kernel, which is enough to survive the death of
 * the JVM; forcing is what survives the death of the machine (power loss, kernel panic). It costs a
 * wait for the device, so it never happens per event.
 */
public enum ForceMode {
    /** Never forced by the appender: the kernel writes back when it chooses (default). */
    NEVER,
    /** Forced before the file is rolled over (so a rolled file is on the device) and at stop. */
    ROLLOVER,
    /**
     * As {@link #ROLLOVER}, and at most every {@code forceIntervalMillis} by a background thread,
     * when something was written since the last force: a machine crash loses at most that interval of
     * what reached the kernel. Never on a logging thread.
     */
    PERIODIC;

    /**
     * Reads the {@code force} attribute, in any letter case.
     *
     * @throws IllegalArgumentException naming the attribute and the value when it is not a mode
     */
    static ForceMode parse(String appenderName, String value) {
        if (value == null || value.isBlank()) {
            return NEVER;
        }
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(PooledFileAppender.PLUGIN_NAME + " '" + appenderName
                    + "': force=\"" + value + "\" is not one of Never, Rollover, Periodic");
        }
    }
}
