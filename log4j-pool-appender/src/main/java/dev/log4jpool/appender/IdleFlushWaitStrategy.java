package dev.log4jpool.appender;

import com.lmax.disruptor.AlertException;
import com.lmax.disruptor.Sequence;
import com.lmax.disruptor.SequenceBarrier;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.WaitStrategy;

/**
 * The async writer's wait, around the configured strategy: when the ring runs empty the writer first
 * spins a little for the next event, and only when none comes writes its block out ({@code onIdle})
 * and waits as the configured strategy does.
 *
 * <p>Why: a writer that keeps up with its callers finds the ring empty after almost every event. Had
 * it written its block at each end of batch, and slept until signalled, a busy caller would pay a
 * wake-up signal per event and the file a {@code write} per event: the async mode was measured slower
 * than the synchronous one (profile: a third of the time in {@code pthread_cond_signal} and the wait).
 * Spinning for a few microseconds keeps the writer awake between the events of a busy caller, so that
 * its events share blocks; the block still reaches the file as soon as the caller pauses.
 */
final class IdleFlushWaitStrategy implements WaitStrategy {
    /** Checks with {@link Thread#onSpinWait} before yielding: a few microseconds. */
    static final int SPINS = 200;
    /** Then {@link Thread#yield}s before the writer goes idle: tens of microseconds on a busy machine. */
    static final int YIELDS = 20;

    private final WaitStrategy waiting;
    private final Runnable onIdle;

    IdleFlushWaitStrategy(WaitStrategy waiting, Runnable onIdle) {
        this.waiting = waiting;
        this.onIdle = onIdle;
    }

    @Override
    public long waitFor(long sequence, Sequence cursor, Sequence dependentSequence, SequenceBarrier barrier)
            throws AlertException, InterruptedException, TimeoutException {
        if (cursor.get() < sequence && !arrivesSoon(sequence, cursor, barrier)) {
            onIdle.run();
        }
        return waiting.waitFor(sequence, cursor, dependentSequence, barrier);
    }

    /** Whether the event is claimed within the spins and yields; a stop (alert) ends them early. */
    private static boolean arrivesSoon(long sequence, Sequence cursor, SequenceBarrier barrier) throws AlertException {
        for (int i = 0; i < SPINS + YIELDS; i++) {
            if (cursor.get() >= sequence) {
                return true;
            }
            barrier.checkAlert();
            if (i < SPINS) {
                Thread.onSpinWait();
            } else {
                Thread.yield();
            }
        }
        return cursor.get() >= sequence;
    }

    @Override
    public void signalAllWhenBlocking() {
        waiting.signalAllWhenBlocking();
    }
}
