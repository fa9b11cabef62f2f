package dev.log4jpool.perf.latency;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.async.DefaultAsyncQueueFullPolicy;
import org.apache.logging.log4j.core.async.EventRoute;

/**
 * Log4j's default queue-full policy (the caller waits for a free slot), counting how often the async
 * loggers' ring was found full. Installed in the child JVM with
 * {@code -Dlog4j2.asyncQueueFullPolicy=}this class, so that a tail can be traced to the ring's size.
 */
public final class CountingQueueFullPolicy extends DefaultAsyncQueueFullPolicy {
    private static final AtomicLong RING_FULL = new AtomicLong();

    @Override
    public EventRoute getRoute(long backgroundThreadId, Level level) {
        RING_FULL.incrementAndGet();
        return super.getRoute(backgroundThreadId, level);
    }

    /** Times a logging call found the async loggers' ring full since the JVM started. */
    public static long ringFullCount() {
        return RING_FULL.get();
    }
}
