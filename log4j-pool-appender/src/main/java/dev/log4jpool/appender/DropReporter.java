package dev.log4jpool.appender;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * Counts dropped events and says so through the StatusLogger, at most once a second: a full ring
 * drops thousands of events a second, and a warning for each would be a second flood.
 *
 * <p>The first drop is reported at once; the totals follow at the next drop or the next time the
 * writer empties the ring ({@link #reportIfDue}), a second or more after the last warning, and
 * always at stop ({@link #reportFinal}). Warning only at drops would leave a burst that ends within
 * its first second reported as "1 event dropped" (measured: a burst of 344,760 drops was).
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
        reportIfDue();
    }

    /** Warns with the totals if events were dropped since the last warning and that is a second old. */
    void reportIfDue() {
        long due = nextWarningAt.get();
        long now = System.nanoTime();
        if (now - due < 0 || dropped.sum() == reportedTotal) {
            return;
        }
        if (nextWarningAt.compareAndSet(due, now + INTERVAL_NANOS)) {
            long total = dropped.sum();
            long since = total - reportedTotal;
            reportedTotal = total;
            StatusLogger.getLogger().warn(
                    "PooledFile '{}': the async ring is full; {} events dropped since the last warning, {} in all",
                    appenderName, since, total);
        }
    }

    /** At stop: the final total, if anything was dropped. */
    void reportFinal() {
        long total = dropped.sum();
        if (total > 0) {
            reportedTotal = total;
            StatusLogger.getLogger().warn("PooledFile '{}' stopped; {} events were dropped in all (a full async ring, "
                    + "or an event that failed to encode)", appenderName, total);
        }
    }

    long total() {
        return dropped.sum();
    }
}
