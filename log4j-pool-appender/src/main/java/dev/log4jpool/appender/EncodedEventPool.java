package dev.log4jpool.appender;

import dev.log4jpool.internal.BoundedRing;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The free {@link EncodedEvent}s of one async appender: taken by the threads that log, given back by
 * the writer thread once the bytes are in the file.
 *
 * <p>Why not the {@code BufferPool}: it holds {@code TextBuffer}s, characters, while a Log4j layout's
 * {@code encode} produces bytes; and its shared ring is sized for a few buffers in flight, where an
 * async appender can have a whole ring of them.
 *
 * <p>The free buffers sit in the project's one lock-free ring ({@link BoundedRing}, also the buffer
 * pool's shared tier): taking and giving back are O(1) whatever the fill level. (A first version
 * scanned an array of slots from the front; with the ring full the free buffers sat at the back and
 * every event paid a scan of thousands of slots.)
 *
 * <p><b>Memory bound: {@code (ringSize + 64) × 512 B + maxGrownBytes}</b>, about 4.2 MB + 4 MiB
 * at the defaults. The pool is filled when it is made with ring size + {@value #SLACK} buffers of
 * {@code initialCapacity} (512) bytes (the ring can hold that many, plus one per thread blocked on a
 * full ring), so a burst that fills the ring is served without allocating. A buffer grows for a
 * larger event; given back, it keeps its size (so the next large event allocates nothing) while the
 * growth of all free buffers stays within {@code maxGrownBytes} (PooledFile's
 * {@code asyncPoolMaxGrownBytes}), else it is shrunk back to its initial size, and a buffer past
 * {@code maxRetained} (16 KiB) always is. Without that cap the free buffers could keep 16 KiB each,
 * about 129 MiB at the default ring size, for the appender's lifetime.
 *
 * <p>The queue's capacity is the next power of two, so giving back never finds it full in practice.
 * Should {@link #acquire} find the queue empty, or its next slot half-written by a giver, it makes a
 * new buffer (counted), and a full queue lets a returned one go to the garbage collector (counted).
 */
final class EncodedEventPool {
    /** Room beyond the ring for buffers held by producers that wait on a full ring. */
    static final int SLACK = 64;

    private final BoundedRing<EncodedEvent> free;
    private final int initialCapacity;
    private final int maxRetained;
    private final long maxGrownBytes;
    /** Bytes the free buffers hold beyond their initial capacity; only grown buffers touch it. */
    private final AtomicLong grownBytes = new AtomicLong();
    private final LongAdder created = new LongAdder();
    private final LongAdder discarded = new LongAdder();

    EncodedEventPool(int ringSize, int initialCapacity, int maxRetained, long maxGrownBytes) {
        int buffers = ringSize + SLACK;
        this.free = new BoundedRing<>(buffers);
        this.initialCapacity = initialCapacity;
        this.maxRetained = maxRetained;
        this.maxGrownBytes = maxGrownBytes;
        // Filled up front, as the Disruptor fills its ring: a lazily grown pool would allocate every
        // time the ring reached a new depth, long after what anyone would call warm-up.
        for (int i = 0; i < buffers; i++) {
            free.offer(new EncodedEvent(initialCapacity));
        }
    }

    /** An empty buffer no one else holds: a free one, else a new one (counted). */
    EncodedEvent acquire() {
        EncodedEvent event = free.poll();
        if (event == null) {
            created.increment();
            return new EncodedEvent(initialCapacity);
        }
        int grown = event.capacity() - initialCapacity;
        if (grown > 0) {
            grownBytes.addAndGet(-grown);
        }
        return event;
    }

    /** Takes a buffer back, emptied, shrunk when the pool's growth budget is spent; drops it when the pool is full. */
    void release(EncodedEvent event) {
        event.clear(maxRetained);
        int grown = event.capacity() - initialCapacity;
        if (grown > 0 && grownBytes.addAndGet(grown) > maxGrownBytes) {
            grownBytes.addAndGet(-grown);
            event.shrink();
            grown = 0;
        }
        if (!free.offer(event)) {
            discarded.increment();
            if (grown > 0) {
                grownBytes.addAndGet(-grown);
            }
        }
    }

    /** Bytes the free buffers hold beyond their initial capacity now; a snapshot, at most {@code maxGrownBytes}. */
    long grownBytes() {
        return grownBytes.get();
    }

    /** Buffers made because the pool was empty. */
    long created() {
        return created.sum();
    }

    /** Buffers let go because the pool was full. */
    long discarded() {
        return discarded.sum();
    }

    /** Free buffers now; a snapshot. */
    int size() {
        return free.size();
    }
}
