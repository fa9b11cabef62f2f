package dev.log4jpool.layout;

import java.nio.ByteBuffer;
import org.apache.logging.log4j.core.layout.ByteBufferDestination;

/**
 * Counts bytes and forgets them, allocating nothing: the destination of allocation tests (public for
 * the tests of {@code dev.log4jpool.event}).
 */
public final class DiscardingDestination implements ByteBufferDestination {
    private final ByteBuffer buffer;
    long bytes;
    /** The last byte written, so that the JIT cannot prove the bytes unused. */
    byte last;

    public DiscardingDestination(int size) {
        this.buffer = ByteBuffer.allocate(size);
    }

    /** The bytes counted since the last call, including those still in the buffer, which is emptied. */
    public long take() {
        long taken = bytes + buffer.position();
        buffer.clear();
        bytes = 0;
        return taken;
    }

    @Override
    public ByteBuffer getByteBuffer() {
        return buffer;
    }

    @Override
    public ByteBuffer drain(ByteBuffer full) {
        bytes += full.position();
        if (full.position() > 0) {
            last = full.get(full.position() - 1);
        }
        full.clear();
        return full;
    }

    @Override
    public void writeBytes(ByteBuffer data) {
        bytes += data.remaining();
        data.position(data.limit());
    }

    @Override
    public void writeBytes(byte[] data, int offset, int length) {
        bytes += length;
    }
}
