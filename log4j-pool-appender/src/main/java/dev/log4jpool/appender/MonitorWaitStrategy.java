package dev.log4jpool.appender;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.WaitStrategy;

/**
 * A blocking wait strategy built on a Java monitor, optionally with a timeout, that signals only
 * when the writer is actually waiting.
 *
 * <p>Why not Disruptor 3.4.4's {@code BlockingWaitStrategy}: it signals through a
 * {@code ReentrantLock}, and a producer that finds the lock held queues a new AQS node, so logging
 * allocates whenever two threads meet there. A contended monitor allocates nothing on the Java heap.
 * Why not signal on every publish (as Disruptor 4's does): with several producers every event would
 * contend for the monitor, although a busy writer needs no signal. Works with Disruptor 3 and 4: the
 * {@link WaitStrategy} interface is the same.
 *
 * <p>No wake-up is lost: the writer raises {@link #writerWaiting} and then reads the cursor again
 * before it waits; a producer moves the cursor (at claim) before it reads the flag. Both are
 * volatile, so at least one of them sees the other's write: either the writer finds the new event
 * and does not wait, or the producer finds the flag and notifies, under the monitor the writer holds
 * until {@code wait()} releases it.
 */
final class MonitorWaitStrategy implements WaitStrategy {
    private final Object mutex = new Object();
    /** 0 = wait until signalled. */
    private final long timeoutMillis;
    /** Set by the writer before it waits; cleared by the producer that signals. */
    private volatile boolean writerWaiting;

    MonitorWaitStrategy(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public long waitFor(long sequence, Sequence cursor, Sequence dependentSequence, SequenceBarrier barrier)
            throws AlertException, InterruptedException, TimeoutException {
        if (cursor.get() < sequence) {
            synchronized (mutex) {
                long deadline = timeoutMillis > 0 ? System.nanoTime() + timeoutMillis * 1_000_000L : 0;
                while (true) {
                    writerWaiting = true;
                    if (cursor.get() >= sequence) {
                        break;
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

    @Override
    public void signalAllWhenBlocking() {
        // A volatile read per publish while the writer is busy; the monitor only when it waits.
        if (writerWaiting) {
            synchronized (mutex) {
                writerWaiting = false;
                mutex.notifyAll();
            }
        }
    }
}
