package dev.log4jpool.layout;

import dev.log4jpool.buffer.BufferPool;
import dev.log4jpool.buffer.TextBuffer;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.layout.ByteBufferDestination;

/**
 * A layout whose work splits in two: {@link #render} formats an event's text (and delimiter) into a
 * buffer from a pool, with no lock held; {@link #writeTo} encodes that text into a destination,
 * under the destination's lock. An appender that knows this interface formats outside its file's
 * lock and holds the lock only for the byte copy ({@code PooledFile} does); to any other appender
 * the layout is an ordinary {@code encode}.
 */
public interface PooledTextLayout {
    /** The charset {@link #writeTo} encodes in. */
    java.nio.charset.Charset getCharset();

    /** The pool {@link #encode} takes its buffers from when the caller gives none. */
    BufferPool getBufferPool();

    /**
     * The event's text and delimiter in a buffer taken from {@code pool}. Hand it to
     * {@link #writeTo}, then release it to {@code pool}, on any thread.
     */
    TextBuffer render(LogEvent event, BufferPool pool);

    /** Encodes text from {@link #render} into {@code destination} in the layout's charset. */
    void writeTo(TextBuffer rendered, ByteBufferDestination destination);

    /** The whole sequence with a pool of the caller's: acquire and render, encode, release. */
    default void encode(LogEvent event, BufferPool pool, ByteBufferDestination destination) {
        TextBuffer text = render(event, pool);
        try {
            writeTo(text, destination);
        } finally {
            pool.release(text);
        }
    }
}
