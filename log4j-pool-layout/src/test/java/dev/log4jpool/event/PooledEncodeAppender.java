package dev.log4jpool.event;

import dev.log4jpool.buffer.BoundedRing;
import dev.log4jpool.layout.PooledJsonLayout;
import java.nio.ByteBuffer;
import java.util.concurrent.atomic.LongAdder;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.layout.ByteBufferDestination;

/**
 * Encodes every event with PooledJsonLayout into a destination that counts the bytes and forgets
 * them. The destinations come from a ring, not a lock, so that virtual threads never park in this
 * appender: what an allocation test measures is Log4j's front end, the factories and the layout.
 */
final class PooledEncodeAppender extends AbstractAppender {
    private final PooledJsonLayout layout = PooledJsonLayout.newBuilder().build();
    private final BoundedRing<CountingDestination> destinations = new BoundedRing<>(64);
    private final LongAdder bytes = new LongAdder();

    PooledEncodeAppender() {
        super("encode", null, null, true, Property.EMPTY_ARRAY);
    }

    @Override
    public void append(LogEvent event) {
        CountingDestination destination = destinations.poll();
        if (destination == null) {
            destination = new CountingDestination();
        }
        layout.encode(event, destination);
        bytes.add(destination.take());
        destinations.offer(destination);
    }

    long bytes() {
        return bytes.sum();
    }

    private static final class CountingDestination implements ByteBufferDestination {
        private final ByteBuffer buffer = ByteBuffer.allocate(4096);
        private long bytes;

        long take() {
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
}
