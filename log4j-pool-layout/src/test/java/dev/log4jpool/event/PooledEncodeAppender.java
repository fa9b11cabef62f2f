package dev.log4jpool.event;

import dev.log4jpool.internal.BoundedRing;
import dev.log4jpool.layout.DiscardingDestination;
import dev.log4jpool.layout.PooledJsonLayout;
import java.util.concurrent.atomic.LongAdder;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/**
 * Encodes every event with PooledJsonLayout into a destination that counts the bytes and forgets
 * them. The destinations come from a ring, not a lock, so that virtual threads never park in this
 * appender: what an allocation test measures is Log4j's front end, the factories and the layout.
 */
final class PooledEncodeAppender extends AbstractAppender {
    private final PooledJsonLayout layout = PooledJsonLayout.newBuilder().build();
    private final BoundedRing<DiscardingDestination> destinations = new BoundedRing<>(64);
    private final LongAdder bytes = new LongAdder();

    PooledEncodeAppender() {
        super("encode", null, null, true, Property.EMPTY_ARRAY);
    }

    @Override
    public void append(LogEvent event) {
        DiscardingDestination destination = destinations.poll();
        if (destination == null) {
            destination = new DiscardingDestination(4096);
        }
        layout.encode(event, destination);
        bytes.add(destination.take());
        destinations.offer(destination);
    }

    long bytes() {
        return bytes.sum();
    }
}
