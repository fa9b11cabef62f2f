package dev.log4jpool.perf.latency;

import java.util.concurrent.locks.LockSupport;

/**
 * The schedule of one logging thread: call {@code i} is intended to start at
 * {@code start + i × interval}, whatever happened to the calls before it. A call that starts late
 * because an earlier one stalled is charged from its intended start, so a stall counts against
 * every call queued behind it (no coordinated omission). When the thread falls behind it does not
 * catch up faster than the schedule and does not restart the schedule: it issues the late calls back
 * to back, and their response times grow for as long as the setup cannot keep up.
 *
 * <p>Waiting: parks while the next call is more than {@link #PARK_THRESHOLD_NANOS} away (Linux wakes
 * a parked thread 50–100 µs late), then yields until it is due. Yielding rather than spinning leaves
 * the core to an async writer or Log4j's background thread on a 2-core machine, as Log4j's own
 * response-time test does when cores are short.
 */
final class Pacer {
    /** Park only when the next call is this far away; a park overshoots by up to ~100 µs. */
    static final long PARK_THRESHOLD_NANOS = 250_000;

    private final long start;
    private final double intervalNanos;
    private long issued;

    /**
     * @param start the intended start of the first call ({@link System#nanoTime()} scale)
     * @param callsPerSecond this thread's rate
     */
    Pacer(long start, double callsPerSecond) {
        this.start = start;
        this.intervalNanos = 1e9 / callsPerSecond;
    }

    /** The intended start of the next call. */
    long nextIntendedStart() {
        return start + (long) (issued * intervalNanos);
    }

    /** Waits until the next call is due and returns its intended start; the call counts as issued. */
    long awaitNext() {
        long intended = nextIntendedStart();
        long now;
        while ((now = System.nanoTime()) < intended) {
            long wait = intended - now;
            if (wait > PARK_THRESHOLD_NANOS) {
                LockSupport.parkNanos(wait - PARK_THRESHOLD_NANOS / 2);
            } else {
                Thread.yield();
            }
        }
        issued++;
        return intended;
    }

    /** Calls issued so far. */
    long issued() {
        return issued;
    }

    /** How many calls were due before {@code time}: the ones issued plus those still owed. */
    long dueBefore(long time) {
        if (time <= start) {
            return 0;
        }
        return (long) Math.ceil((time - start) / intervalNanos);
    }

    /** The intended start of call number {@code index} (0-based). */
    long intendedStart(long index) {
        return start + (long) (index * intervalNanos);
    }
}
