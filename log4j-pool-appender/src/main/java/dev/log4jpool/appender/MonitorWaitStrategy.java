package dev.log4jpool.appender;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.WaitStrategy;

/**
 * A blocking wait strategy built on a Java monitor, optionally with a timeout.
 *
 * <p>Why not Disruptor 3.4.4's {@code BlockingWaitStrategy}: it signals through a
 * {@code ReentrantLock}, and a producer that finds the lock held by the waking consumer queues a new
 * AQS node, so logging allocates whenever the two meet. A contended monitor allocates nothing on the
 * Java heap. (Disruptor 4 switched to a monitor for the same reason; Log4j carries its own copy for
 * its async loggers.) Works with Disruptor 3 and 4: the {@link WaitStrategy} interface is the same.
 */
final class MonitorWaitStrategy implements WaitStrategy {
    private final Object mutex = new Object();
    /** 0 = wait until signalled. */
    private final long timeoutMillis;

    MonitorWaitStrategy(long timeoutMillis) {
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public long waitFor(long sequence, Sequence cursor, Sequence dependentSequence, SequenceBarrier barrier)
            throws AlertException, InterruptedException, TimeoutException {
        if (cursor.get() < sequence) {
            synchronized (mutex) {
                // The cursor is re-read under the monitor: a producer publishes before it signals,
                // and signals under the same monitor, so no wake-up is lost between check and wait.
                long deadline = timeoutMillis > 0 ? System.nanoTime() + timeoutMillis * 1_000_000L : 0;
                while (cursor.get() < sequence) {
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
        synchronized (mutex) {
            mutex.notifyAll();
        }
    }
}
