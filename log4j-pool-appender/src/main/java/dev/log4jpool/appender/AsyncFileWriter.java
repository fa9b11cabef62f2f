package dev.log4jpool.appender;

import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.InsufficientCapacityException;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.TimeoutException;
import com.lmax.disruptor.dsl.Disruptor;
import com.lmax.disruptor.dsl.ProducerType;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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

    /** One slot of the ring: a reference to the buffer in flight, null once written. */
    static final class Slot {
        EncodedEvent event;
    }

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
        }, ProducerType.MULTI, waitStrategy.create());
        this.disruptor.handleEventsWith(new WriteHandler(sink, pool));
        this.disruptor.setDefaultExceptionHandler(new ReportingExceptionHandler(appenderName));
        this.ring = disruptor.getRingBuffer();
    }

    void start() {
        disruptor.start();
        accepting = true;
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
        recordOccupancy();
    }

    /** Whether a {@code Drop} appender should skip encoding: the ring has no free slot right now. */
    boolean isFullForDrop() {
        return queueFullPolicy == QueueFullPolicy.DROP && !ring.hasAvailableCapacity(1);
    }

    private void recordOccupancy() {
        // Clamped: Disruptor 4's remainingCapacity() can briefly read below zero while a producer
        // is between claim and publish.
        long waiting = Math.min(ringSize, ringSize - ring.remainingCapacity());
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
     * @return {@code true} when the ring was drained, {@code false} when the time ran out first
     */
    boolean stop(long timeoutMillis) {
        accepting = false;
        try {
            if (timeoutMillis > 0) {
                disruptor.shutdown(timeoutMillis, TimeUnit.MILLISECONDS);
            } else {
                disruptor.shutdown();
            }
            return true;
        } catch (TimeoutException e) {
            long left = ring.getCursor() - ring.getMinimumGatingSequence();
            StatusLogger.getLogger().error(
                    "PooledFile '{}': stop timed out after {} ms with about {} events still in the ring; they are lost",
                    appenderName, timeoutMillis, left);
            disruptor.halt();
            return false;
        }
    }

    /** Runs on the writer thread: hands each buffer to the sink, then back to the pool. */
    private static final class WriteHandler implements EventHandler<Slot> {
        private final EventSink sink;
        private final EncodedEventPool pool;

        WriteHandler(EventSink sink, EncodedEventPool pool) {
            this.sink = sink;
            this.pool = pool;
        }

        @Override
        public void onEvent(Slot slot, long sequence, boolean endOfBatch) {
            EncodedEvent event = slot.event;
            slot.event = null;
            try {
                sink.write(event, endOfBatch);
            } finally {
                pool.release(event);
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
