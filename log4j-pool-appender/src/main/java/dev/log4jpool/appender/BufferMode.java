package dev.log4jpool.appender;

import java.util.Locale;

/**
 * When a {@link PooledFileAppender} hands its bytes to the operating system.
 *
 * <p>The trade is the classic one: the fewer {@code write} calls, the more events a crash of the JVM
 * can take with it. None of the modes calls {@code fsync}; what the kernel holds survives the death of
 * the JVM, not of the machine.
 */
public enum BufferMode {
    /**
     * Events collect in a user-space block of {@code bufferSize} bytes, written when it is full, at
     * the end of every batch ({@code LogEvent.isEndOfBatch()} under async loggers, or when the async
     * ring runs empty) and at stop. Fastest; a {@code kill -9} loses what the block held.
     */
    BLOCK,
    /**
     * Every event is written as soon as it is complete, in one {@code write} call (up to 16 MiB): what
     * the kernel holds survives a {@code kill -9}. A kill during the call can still cut that event
     * (Linux stops a large copy at a pending SIGKILL); the next open then starts on a new line.
     */
    LINE,
    /**
     * Nothing is kept between events, and the async writer writes each event straight from its pooled
     * buffer instead of copying it into a block. Synchronous encodes still need a staging area, which
     * is written out as the layout fills it and at the end of every event.
     */
    NONE;

    /**
     * Reads the {@code bufferMode} attribute, in any letter case.
     *
     * @throws IllegalArgumentException naming the attribute and the value when it is not a mode
     */
    static BufferMode parse(String appenderName, String value) {
        try {
            return valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException(PooledFileAppender.PLUGIN_NAME + " '" + appenderName
                    + "': bufferMode=\"" + value + "\" is not one of BLOCK, LINE, NONE");
        }
    }
}
