package dev.log4jpool.appender;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * BLOCK mode's writes at the end of a batch (under async loggers), at most about one per millisecond.
 *
 * <p>Why: Log4j's background thread is usually faster than the callers, so its batches hold one or
 * two events, and a write per batch made the file write the thread's largest cost: at 300k events/s,
 * 2,985,737 writes and 7.26 s in {@code write} in a 20 s window
 * (perf/results/profile-all-async-pooled-300k-1t-2026-12-01), the thread on a CPU 19.0 s of 20 on a
 * 2-core machine. A busy thread there takes the core the callers need, and their calls wait. With
 * this class: 11.9 s (perf/results/latency-2026-12-01.md).
 *
 * <p>So a batch that ends within {@link #INTERVAL_NANOS} of the last such write is not written at
 * once: this class's thread writes it when the millisecond is over, unless the block filled and went
 * out before. A batch that ends later than that is written by the caller as before, so a quiet
 * appender's events reach the file as soon as their batch ends; a busy one's within about a
 * millisecond. The thread parks without a deadline while nothing waits; it is made at the first
 * batch that waits, so an appender that never sees a batch never has one.
 *
 * <p>No wake-up is lost: the caller sets {@link #pending} and then reads {@link #idle}; the thread
 * sets {@code idle} and then reads {@code pending} before it parks. Both are volatile, so at least
 * one sees the other's write (and an unpark before the park is kept as the thread's permit).
 */
final class BatchFlusher {
    /** Shortest time between two end-of-batch writes. */
    static final long INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final String threadName;
    /** Takes the file's monitor and writes the block if {@link #takePending} says so. */
    private final Runnable writePending;
    /** Set by a batch that waits, cleared by the write that covers it; both under the file's monitor. */
    private volatile boolean pending;
    /** Whether the thread is parked without a deadline. */
    private volatile boolean idle;
    private volatile boolean stopped;
    private volatile Thread thread;
    /** When the last end-of-batch write happened; under the file's monitor. */
    private long lastWriteNanos = System.nanoTime() - INTERVAL_NANOS;

    BatchFlusher(String threadName, Runnable writePending) {
        this.threadName = threadName;
        this.writePending = writePending;
    }

    /**
     * A batch ended; the file's monitor is held. True: write the block now. False: this class's thread
     * will, within about a millisecond.
     */
    boolean batchEnded() {
        long now = System.nanoTime();
        if (stopped || now - lastWriteNanos >= INTERVAL_NANOS) {
            lastWriteNanos = now;
            pending = false;
            return true;
        }
        if (!pending) {
            pending = true;
            Thread flusher = thread;
            if (flusher == null) {
                startThread();
            } else if (idle) {
                LockSupport.unpark(flusher);
            }
        }
        return false;
    }

    /** On this class's thread, under the file's monitor: whether a batch still waits for its write. */
    boolean takePending() {
        if (!pending) {
            return false;
        }
        pending = false;
        lastWriteNanos = System.nanoTime();
        return true;
    }

    private void startThread() {
        Thread flusher = new Thread(this::run, threadName);
        flusher.setDaemon(true);
        thread = flusher;
        flusher.start();
    }

    private void run() {
        while (!stopped) {
            if (!pending) {
                idle = true;
                if (!pending && !stopped) {
                    LockSupport.park(this);
                }
                idle = false;
                continue;
            }
            LockSupport.parkNanos(this, INTERVAL_NANOS);
            if (!stopped) {
                writePending.run();
            }
        }
    }

    /**
     * Stops the thread and waits for it at most {@code timeoutMillis} (0: as long as it takes); the
     * appender then writes the block itself, as it always does at stop. Later batches are written by
     * their callers at once.
     */
    void stop(long timeoutMillis) {
        stopped = true;
        Thread flusher = thread;
        if (flusher != null) {
            LockSupport.unpark(flusher);
            try {
                flusher.join(timeoutMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
