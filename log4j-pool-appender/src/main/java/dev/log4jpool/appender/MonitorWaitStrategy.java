package dev.log4jpool.appender;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.WaitStrategy;

/**
 * A blocking wait strategy on a Java monitor in which producers rarely pay for a wake-up.
 *
 * <p>Why: waking a sleeping thread (a futex call, on a VM an interrupt to another CPU) was measured
 * here at 5–8 µs on the caller's side: a logging call that woke the writer took 8.3 µs at the median
 * against 1.8 µs for the same event written synchronously
 * (perf/results/latency-before-nap-2026-12-01.txt; with the nap 1.9 µs, latency-nap-2026-12-01.md). A
 * writer faster than its callers runs dry after almost every event, so signalling "whenever the
 * writer waits" made every call pay it.
 *
 * <p>So the writer, once it has run dry, first <em>naps</em>: it waits on the monitor for at most
 * {@link #NAP_MILLIS} and producers do not signal it, unless {@link #wakeBacklog} events (a quarter
 * of the ring) are already waiting, so that a burst never fills the ring while it naps, or the ring
 * is being stopped. A nap that
 * ends with new events returns them; one that ends with none means the appender is idle, and the
 * writer then <em>sleeps</em> as before: until a producer signals (which the next publish does), or
 * for {@code Timeout}, at most {@code timeoutMillis}. Cost: an event published while the writer naps
 * reaches the file up to about a millisecond later; an idle appender uses no CPU.
 *
 * <p>Why not Disruptor 3.4.4's {@code BlockingWaitStrategy}: it signals through a
 * {@code ReentrantLock}, and a producer that finds the lock held queues a new AQS node, so logging
 * allocates whenever two threads meet there. A contended monitor allocates nothing on the Java heap.
 * Works with Disruptor 3 and 4: the {@link WaitStrategy} interface is the same.
 *
 * <p>No wake-up is lost from a sleep: the writer sets {@link #state} to {@link #SLEEPING} and then
 * reads the cursor again before it waits; a producer moves the cursor (at claim) before it reads the
 * state. Both are volatile, so at least one of them sees the other's write: either the writer finds
 * the new event and does not wait, or the producer finds the state and notifies, under the monitor
 * the writer holds until {@code wait()} releases it. A nap needs no such care: it ends by itself.
 */
final class MonitorWaitStrategy implements WaitStrategy {
    /** Longest nap: how late an event may reach the file when nobody wakes the writer. */
    static final long NAP_MILLIS = 1;

    private static final int RUNNING = 0;
    private static final int NAPPING = 1;
    private static final int SLEEPING = 2;

    private final Object mutex = new Object();
    /** 0 = sleep until signalled. */
    private final long timeoutMillis;
    /** Events waiting that make a producer wake a napping writer. */
    private final long wakeBacklog;
    private final long napNanos;
    /** RUNNING, NAPPING or SLEEPING; set by the writer, set back to RUNNING by the producer that signals. */
    private volatile int state = RUNNING;
    /** The sequence the napping writer waits for, the ring's cursor and the writer's barrier; set before a nap. */
    private volatile long napSequence;
    private volatile Sequence cursor;
    private volatile SequenceBarrier barrier;
    /** Producers' wake-ups so far, for tests; guarded by the mutex. */
    private long wakeUps;

    MonitorWaitStrategy(long timeoutMillis, int ringSize) {
        this(timeoutMillis, ringSize, NAP_MILLIS);
    }

    /** With another nap length: tests only. */
    MonitorWaitStrategy(long timeoutMillis, int ringSize, long napMillis) {
        this.timeoutMillis = timeoutMillis;
        this.wakeBacklog = Math.max(1, ringSize / 4);
        this.napNanos = napMillis * 1_000_000L;
    }

    @Override
    public long waitFor(long sequence, Sequence cursor, Sequence dependentSequence, SequenceBarrier barrier)
            throws AlertException, InterruptedException, TimeoutException {
        if (cursor.get() < sequence) {
            this.cursor = cursor;
            this.barrier = barrier;
            napSequence = sequence;
            synchronized (mutex) {
                try {
                    if (!nap(sequence, cursor, barrier)) {
                        sleep(sequence, cursor, barrier);
                    }
                } finally {
                    state = RUNNING;
                }
            }
        }
        long available;
        // Only one consumer stage here, so the dependent sequence is the cursor itself; the loop is
        // for the general contract.
        while ((available = dependentSequence.get()) < sequence) {
            barrier.checkAlert();
            Thread.onSpinWait();
        }
        return available;
    }

    /** Waits at most a nap without asking for a signal; whether the event came. Holds the mutex. */
    private boolean nap(long sequence, Sequence cursor, SequenceBarrier barrier)
            throws AlertException, InterruptedException {
        long deadline = System.nanoTime() + napNanos;
        state = NAPPING;
        while (cursor.get() < sequence) {
            barrier.checkAlert();
            long remainingNanos = deadline - System.nanoTime();
            if (remainingNanos <= 0) {
                return false;
            }
            mutex.wait(Math.max(1, remainingNanos / 1_000_000L));
        }
        return true;
    }

    /** Waits until signalled (or for {@code Timeout}, at most its timeout). Holds the mutex. */
    private void sleep(long sequence, Sequence cursor, SequenceBarrier barrier)
            throws AlertException, InterruptedException, TimeoutException {
        long deadline = timeoutMillis > 0 ? System.nanoTime() + timeoutMillis * 1_000_000L : 0;
        while (true) {
            state = SLEEPING;
            if (cursor.get() >= sequence) {
                return;
            }
            barrier.checkAlert();
            if (timeoutMillis > 0) {
                long remainingNanos = deadline - System.nanoTime();
                if (remainingNanos <= 0) {
                    throw TimeoutException.INSTANCE;
                }
                mutex.wait(Math.max(1, remainingNanos / 1_000_000L));
            } else {
                mutex.wait();
            }
        }
    }

    @Override
    public void signalAllWhenBlocking() {
        // A volatile read per publish while the writer runs or naps with little to do; the monitor
        // only when it sleeps, when a backlog builds up during its nap, or at an alert (a stop).
        int now = state;
        if (now == SLEEPING
                || now == NAPPING && (cursor.get() - napSequence + 1 >= wakeBacklog || barrier.isAlerted())) {
            synchronized (mutex) {
                state = RUNNING;
                wakeUps++;
                mutex.notifyAll();
            }
        }
    }

    long wakeUps() {
        synchronized (mutex) {
            return wakeUps;
        }
    }

    boolean isNapping() {
        return state == NAPPING;
    }

    boolean isSleeping() {
        return state == SLEEPING;
    }
}
