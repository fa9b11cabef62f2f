package dev.log4jpool.appender;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * Counts dropped events and says so through the StatusLogger, at most once a second: a full ring
 * drops thousands of events a second, and a warning for each would be a second flood.
 */
final class DropReporter {
    private static final long INTERVAL_NANOS = 1_000_000_000L;

    private final String appenderName;
    private final LongAdder dropped = new LongAdder();
    /** Total at the last warning; only the thread that wins {@link #nextWarningAt} touches it. */
    private volatile long reportedTotal;
    private final AtomicLong nextWarningAt;

    DropReporter(String appenderName) {
        this.appenderName = appenderName;
        this.nextWarningAt = new AtomicLong(System.nanoTime());
    }

    /** Counts one dropped event; warns when the last warning is a second old. */
    void dropped() {
        dropped.increment();
        long now = System.nanoTime();
        long due = nextWarningAt.get();
        if (now - due >= 0 && nextWarningAt.compareAndSet(due, now + INTERVAL_NANOS)) {
            long total = dropped.sum();
            long since = total - reportedTotal;
            reportedTotal = total;
            StatusLogger.getLogger().warn(
                    "PooledFile '{}': the async ring is full; {} events dropped since the last warning, {} in all",
                    appenderName, since, total);
        }
    }

    long total() {
        return dropped.sum();
    }
}
