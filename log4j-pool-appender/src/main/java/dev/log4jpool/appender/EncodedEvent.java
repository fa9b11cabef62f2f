package dev.log4jpool.appender;

import java.nio.ByteBuffer;
import org.apache.logging.log4j.core.layout.ByteBufferDestination;

/**
 * The bytes of one encoded event on their way from the caller's thread to the async writer: a
 * growable heap buffer that any Log4j layout can encode into, because it is a
 * {@link ByteBufferDestination}.
 *
 * <p>The layout fills {@link #getByteBuffer()}; when it is full the layout calls {@link #drain},
 * which here means "grow" (nothing is written yet), so an event of any size ends up whole in one
 * buffer. Buffers come from and go back to an {@link EncodedEventPool}; one that grew past the pool's
 * retained size is shrunk on release.
 *
 * <p>Not thread-safe: one thread holds it at a time; the ring orders the hand-over.
 */
final class EncodedEvent implements ByteBufferDestination {
    private final int initialCapacity;
    private ByteBuffer bytes;
    /** The event's time, for a time-based rollover policy on the writer thread. */
    private long timeMillis;

    EncodedEvent(int initialCapacity) {
        this.initialCapacity = initialCapacity;
        this.bytes = ByteBuffer.allocate(initialCapacity);
    }

    @Override
    public ByteBuffer getByteBuffer() {
        return bytes;
    }

    /** The layout filled the buffer: give it a larger one holding the same bytes. */
    @Override
    public ByteBuffer drain(ByteBuffer full) {
        ensureRemaining(Math.max(1, full.capacity()));
        return bytes;
    }

    @Override
    public void writeBytes(ByteBuffer data) {
        ensureRemaining(data.remaining());
        bytes.put(data);
    }

    @Override
    public void writeBytes(byte[] data, int offset, int length) {
        ensureRemaining(length);
        bytes.put(data, offset, length);
    }

    void setTimeMillis(long timeMillis) {
        this.timeMillis = timeMillis;
    }

    long timeMillis() {
        return timeMillis;
    }

    /** How many bytes the event has. */
    int length() {
        return bytes.position();
    }

    /** The encoded bytes, {@code [0, length())}, for the writer to copy or write. */
    byte[] array() {
        return bytes.array();
    }

    /** A view from 0 to {@link #length()} for channel writes; call {@link #clear()} afterwards. */
    ByteBuffer flipForReading() {
        bytes.flip();
        return bytes;
    }

    /** Empties the buffer, shrinking it when it grew past {@code maxRetained} bytes. */
    void clear(int maxRetained) {
        if (bytes.capacity() > maxRetained) {
            bytes = ByteBuffer.allocate(initialCapacity);
        } else {
            bytes.clear();
        }
    }

    /** Empties the buffer and gives its grown array back for one of the initial size. */
    void shrink() {
        bytes = ByteBuffer.allocate(initialCapacity);
    }

    int capacity() {
        return bytes.capacity();
    }

    private void ensureRemaining(int needed) {
        if (needed <= bytes.remaining()) {
            return;
        }
        long wanted = Math.max((long) bytes.capacity() * 2, (long) bytes.position() + needed);
        if (wanted > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("An encoded event cannot exceed " + (Integer.MAX_VALUE - 8) + " bytes");
        }
        ByteBuffer larger = ByteBuffer.allocate((int) wanted);
        bytes.flip();
        larger.put(bytes);
        bytes = larger;
    }
}
