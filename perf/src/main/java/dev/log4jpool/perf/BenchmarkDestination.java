package dev.log4jpool.perf;

import java.nio.ByteBuffer;
import org.apache.logging.log4j.core.layout.ByteBufferDestination;

/**
 * A reusable {@link ByteBufferDestination} that counts what it is given and forgets it, like a file
 * appender whose disk is infinitely fast: what remains to measure is the layout.
 */
final class BenchmarkDestination implements ByteBufferDestination {
    private final ByteBuffer buffer;
    private long drained;

    /** A heap buffer, as Log4j's own file managers use. */
    BenchmarkDestination() {
        this(false);
    }

    /** {@code direct}: a direct buffer, as PooledFile's blocks are (encoders may take another path into one). */
    BenchmarkDestination(boolean direct) {
        buffer = direct ? ByteBuffer.allocateDirect(64 * 1024) : ByteBuffer.allocate(64 * 1024);
    }

    @Override
    public ByteBuffer getByteBuffer() {
        return buffer;
    }

    @Override
    public ByteBuffer drain(ByteBuffer full) {
        drained += full.position();
        full.clear();
        return full;
    }

    @Override
    public void writeBytes(ByteBuffer data) {
        drained += data.remaining();
        data.position(data.limit());
    }

    @Override
    public void writeBytes(byte[] data, int offset, int length) {
        drained += length;
    }

    /** Bytes received so far: the benchmarks return it, so the encoding cannot be optimised away. */
    long total() {
        return drained + buffer.position();
    }
}
