package dev.log4jpool.internal;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Decides when an error that may repeat on every event is reported: the first occurrence at once
 * (the caller logs it with its stack trace), then a count of the occurrences since the previous
 * report, at most once per interval. Every occurrence is counted; only the reports are thinned.
 * A failing member of the layout was reported 1,320 times in one run before this (issue 14): a
 * status log that floods hides the one message that explains the flood.
 *
 * <p>Not API: shared by the layout and the appender modules (Log4j's {@code …internal} convention).
 * Thread-safe and allocation-free: one compare-and-set decides which thread reports; the others
 * only count.
 */
public final class ReportThrottle {
    /** {@link #record} result: say nothing now. */
    public static final long SILENT = 0;
    /** {@link #record} result: the first occurrence ever; report it with its stack trace. */
    public static final long FIRST = -1;

    private final long intervalNanos;
    private final AtomicLong occurrences = new AtomicLong();
    /** Occurrences counted by the previous report; written only by the thread that won {@link #nextReportAt}. */
    private volatile long reported;
    /** {@code nanoTime} from which the next report may be made. */
    private final AtomicLong nextReportAt = new AtomicLong();
    private volatile boolean started;

    /** Reports at most once per {@code interval} after the first. */
    public ReportThrottle(long interval, TimeUnit unit) {
        this.intervalNanos = unit.toNanos(interval);
    }

    /** Counts one occurrence now; see {@link #record(long)}. */
    public long record() {
        return record(System.nanoTime());
    }

    /**
     * Counts one occurrence at {@code nanoTime}. Returns {@link #FIRST} for the very first
     * occurrence, {@link #SILENT} while the interval since the last report has not passed, else the
     * number of occurrences since the previous report, this one included (a positive count to report).
     */
    public long record(long nanoTime) {
        occurrences.incrementAndGet();
        if (!started) {
            synchronized (this) {
                if (!started) {
                    nextReportAt.set(nanoTime + intervalNanos);
                    reported = 1; // the first report covers one occurrence; any racing ones go in the next count
                    started = true;
                    return FIRST;
                }
            }
        }
        long due = nextReportAt.get();
        if (nanoTime - due < 0 || !nextReportAt.compareAndSet(due, nanoTime + intervalNanos)) {
            return SILENT;
        }
        long now = occurrences.get();
        long since = now - reported;
        reported = now;
        return since;
    }

    /** Occurrences counted so far, reported or not. */
    public long total() {
        return occurrences.get();
    }

    /** Occurrences not yet covered by a report (for a final word when the owner stops). */
    public long unreported() {
        return occurrences.get() - reported;
    }
}
