package dev.log4jpool.appender;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * The async half of a {@link PooledFileAppender}: a Disruptor ring of encoded events and the one
 * thread that writes them.
 *
 * <p>Callers publish an {@link EncodedEvent} — bytes, never the {@code LogEvent} — so nothing about
 * the event has to be copied or kept alive after {@code append} returns. The writer thread passes
 * each to an {@link EventSink} with the Disruptor's end-of-batch flag (true when the ring has run
 * empty), then gives the buffer back to the pool.
 *
 * <p>Works with Disruptor 3 and 4: only the DSL, {@link EventHandler#onEvent} and the
 * {@link ExceptionHandler}, whose shapes did not change, are used; the writer thread is learnt from
 * the thread factory rather than from a lifecycle callback, whose interface moved between them.
 */
final class AsyncFileWriter {
    /** Receives the events in order, on the writer thread. */
    interface EventSink {
        /** Writes one event; must not throw (the writer reports its own errors). */
        void write(EncodedEvent event, boolean endOfBatch);
    }

    /**
     * One slot of the ring: a reference to the buffer in flight, null once written; or a task to run
     * on the writer thread between two events (a scheduled rollover).
     */
    static final class Slot {
        EncodedEvent event;
        Runnable task;
    }

    /** How long {@link #start} waits for the writer thread to run. */
    static final long STARTUP_TIMEOUT_MILLIS = 10_000;

    private final String appenderName;
    private final QueueFullPolicy queueFullPolicy;
    private final EncodedEventPool pool;
    private final DropReporter drops;
    private final Disruptor<Slot> disruptor;
    private final RingBuffer<Slot> ring;
    private final int ringSize;
    private final AtomicLong highWaterMark = new AtomicLong();
    private volatile Thread writerThread;
    /** False once stop began: later events take the synchronous path instead of the ring. */
    private volatile boolean accepting;
    /** Set when a stop timed out: the writer then returns the rest of its batch unwritten. */
    private volatile boolean abandoned;
    /** Events the writer took from the ring after {@link #abandoned} and did not write; writer thread only. */
    private volatile long skipped;
    /** Events a stop that timed out left unwritten: skipped, or never taken from the ring. */
    private volatile long eventsAbandoned;

    AsyncFileWriter(String appenderName, int ringSize, WaitStrategyKind waitStrategy,
            QueueFullPolicy queueFullPolicy, EncodedEventPool pool, DropReporter drops, EventSink sink) {
        this.appenderName = appenderName;
        this.queueFullPolicy = queueFullPolicy;
        this.pool = pool;
        this.drops = drops;
        this.ringSize = ringSize;
        this.disruptor = new Disruptor<>(Slot::new, ringSize, runnable -> {
            Thread thread = new Thread(runnable, "log4jpool-PooledFile-" + appenderName);
            thread.setDaemon(true);
            writerThread = thread;
            return thread;
        }, ProducerType.MULTI, waitStrategy.create(ringSize));
        this.disruptor.handleEventsWith(new WriteHandler(this, sink, pool));
        this.disruptor.setDefaultExceptionHandler(new ReportingExceptionHandler(appenderName));
        this.ring = disruptor.getRingBuffer();
    }

    /**
     * Starts the writer thread and returns once it runs.
     *
     * <p>Why wait: {@code Disruptor.start()} returns before the writer thread has begun, and
     * Disruptor 3.4's {@code shutdown()} counts only running processors as backlog, so a stop in that
     * window halted a processor that had never run and its events were silently lost (seen here in
     * half of 300 start-log-stop rounds). A first, empty event that the writer must consume proves it
     * runs; {@link #stop} then drains by sequence, not by the Disruptor's notion of backlog.
     */
    void start() {
        disruptor.start();
        long marker = ring.next();
        ring.get(marker).event = null;
        ring.publish(marker);
        if (!awaitConsumed(marker, STARTUP_TIMEOUT_MILLIS)) {
            StatusLogger.getLogger().error("PooledFile '{}': the writer thread did not start within {} ms",
                    appenderName, STARTUP_TIMEOUT_MILLIS);
        }
        accepting = true;
    }

    /**
     * Waits until the writer has consumed {@code sequence}.
     *
     * @param timeoutMillis 0 or less: as long as it takes
     */
    private boolean awaitConsumed(long sequence, long timeoutMillis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        int spins = 0;
        while (ring.getMinimumGatingSequence() < sequence) {
            if (timeoutMillis > 0 && System.nanoTime() - deadline > 0) {
                return false;
            }
            if (++spins < 100) {
                Thread.onSpinWait();
            } else {
                LockSupport.parkNanos(50_000);
            }
        }
        return true;
    }

    /** Whether events go through the ring: started and not stopping. */
    boolean isAccepting() {
        return accepting;
    }

    /** Whether the calling thread is the writer, which must never wait for its own ring. */
    boolean isWriterThread() {
        return Thread.currentThread() == writerThread;
    }

    /**
     * Puts the event on the ring, or, with {@code Drop} and a full ring, gives it back to the pool and
     * counts it. With {@code Block} a full ring makes the caller wait for the writer.
     */
    void publish(EncodedEvent event) {
        long sequence;
        if (queueFullPolicy == QueueFullPolicy.DROP) {
            try {
                sequence = ring.tryNext();
            } catch (InsufficientCapacityException full) { // a shared instance: no allocation
                pool.release(event);
                drops.dropped();
                return;
            }
        } else {
            sequence = ring.next();
        }
        ring.get(sequence).event = event;
        ring.publish(sequence);
        recordOccupancy(sequence);
    }

    /**
     * Puts a task on the ring, to run on the writer thread after the events published before it.
     * Waits for a free slot whatever the queue-full policy says (a task is not an event to drop).
     *
     * @return false when the writer no longer takes work (stopping): run the task elsewhere
     */
    boolean publishTask(Runnable task) {
        if (!accepting) {
            return false;
        }
        long sequence = ring.next();
        Slot slot = ring.get(sequence);
        slot.event = null;
        slot.task = task;
        ring.publish(sequence);
        return true;
    }

    /** Whether a {@code Drop} appender should skip encoding: the ring has no free slot right now. */
    boolean isFullForDrop() {
        return queueFullPolicy == QueueFullPolicy.DROP && !ring.hasAvailableCapacity(1);
    }

    /**
     * Events waiting when {@code sequence} was published, ours included: at that instant it was in
     * the ring, so the count is at least 1 even if the writer has taken it by the time we look.
     */
    private void recordOccupancy(long sequence) {
        long waiting = Math.max(1, Math.min(ringSize, sequence - ring.getMinimumGatingSequence()));
        // Read first, write rarely: the mark only moves when a new peak is reached.
        long mark = highWaterMark.get();
        while (waiting > mark && !highWaterMark.compareAndSet(mark, waiting)) {
            mark = highWaterMark.get();
        }
    }

    long highWaterMark() {
        return highWaterMark.get();
    }

    /**
     * Stops taking events and waits until the writer has written every published one.
     *
     * @param timeoutMillis how long to wait; 0 or less waits as long as it takes
     * @param cutHungWrite run when the time ran out, to make a write that hangs fail (so that the
     *     writer can leave); then the rest is abandoned and counted ({@link #eventsAbandoned})
     * @return {@code true} when the ring was drained, {@code false} when the time ran out first
     */
    boolean stop(long timeoutMillis, Runnable cutHungWrite) {
        accepting = false;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        boolean drained;
        long target;
        do {
            // A producer that saw isAccepting() just before it turned false may still publish: look
            // again after each drain until the cursor stands still.
            target = ring.getCursor();
            long left = timeoutMillis > 0 ? Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())) : 0;
            drained = awaitConsumed(target, left);
        } while (drained && ring.getCursor() != target);
        if (!drained) {
            // Whatever the writer still holds in this batch must not start another hanging write.
            abandoned = true;
            cutHungWrite.run();
        }
        disruptor.halt();
        if (drained) {
            drops.reportFinal();
            return true;
        }
        // The processor publishes its sequence only at the end of a batch: the count is right once the
        // thread has left (the hung write was cut, so it leaves at once; a second bounds the wait).
        awaitWriterExit(ABANDON_COUNT_WAIT_MILLIS);
        eventsAbandoned = skipped + Math.max(0, ring.getCursor() - ring.getMinimumGatingSequence());
        drops.reportFinal();
        return false;
    }

    /** How long a stop that timed out waits for the writer thread to leave before it counts what was not written. */
    private static final long ABANDON_COUNT_WAIT_MILLIS = 1000;

    private void awaitWriterExit(long millis) {
        Thread thread = writerThread;
        if (thread == null) {
            return;
        }
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Events a stop that timed out did not write: taken from the ring after the time ran out, or never
     * taken. A write cut short is counted by the file manager, as lost events.
     */
    long eventsAbandoned() {
        return eventsAbandoned;
    }

    /** Runs on the writer thread: hands each buffer to the sink, then back to the pool. */
    private static final class WriteHandler implements EventHandler<Slot> {
        private final AsyncFileWriter owner;
        private final EventSink sink;
        private final EncodedEventPool pool;

        WriteHandler(AsyncFileWriter owner, EventSink sink, EncodedEventPool pool) {
            this.owner = owner;
            this.sink = sink;
            this.pool = pool;
        }

        @Override
        public void onEvent(Slot slot, long sequence, boolean endOfBatch) {
            Runnable task = slot.task;
            if (task != null) {
                slot.task = null;
                if (!owner.abandoned) {
                    task.run();
                }
                return;
            }
            EncodedEvent event = slot.event;
            if (event == null) {
                return; // the start marker
            }
            slot.event = null;
            try {
                if (!owner.abandoned) {
                    sink.write(event, endOfBatch);
                } else {
                    owner.skipped++; // only this thread writes it
                }
            } finally {
                pool.release(event);
            }
            if (endOfBatch) {
                owner.drops.reportIfDue();
            }
        }
    }

    /**
     * The sink reports its own errors, so anything arriving here is a bug; the default handler would
     * stop the writer thread, and a silent appender is worse than a reported bug.
     */
    private static final class ReportingExceptionHandler implements ExceptionHandler<Object> {
        private final String appenderName;

        ReportingExceptionHandler(String appenderName) {
            this.appenderName = appenderName;
        }

        @Override
        public void handleEventException(Throwable error, long sequence, Object slot) {
            StatusLogger.getLogger().error("PooledFile '{}': the writer failed on event {}", appenderName, sequence, error);
        }

        @Override
        public void handleOnStartException(Throwable error) {
            StatusLogger.getLogger().error("PooledFile '{}': the writer thread failed to start", appenderName, error);
        }

        @Override
        public void handleOnShutdownException(Throwable error) {
            StatusLogger.getLogger().error("PooledFile '{}': the writer thread failed to stop", appenderName, error);
        }
    }
}
