package dev.log4jpool.appender;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
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
 * <p>A bounded multi-producer multi-consumer queue (Dmitry Vyukov's algorithm): every slot carries a
 * sequence saying whose turn it is, a taker or a giver claims a position with one compare-and-set on
 * its index, and both are O(1) whatever the fill level. (A first version scanned an array of slots
 * from the front; with the ring full the free buffers sat at the back and every event paid a scan of
 * thousands of slots.) Positions are 64-bit and never wrap, so there is no ABA.
 *
 * <p><b>Memory bound.</b> The pool is filled when it is made with ring size + {@value #SLACK}
 * buffers (the ring can hold that many, plus one per thread blocked on a full ring), so a burst that
 * fills the ring is served without allocating: {@code (ringSize + 64) × 512} bytes up front, about
 * 4.2 MB for the default ring of 8192. Its capacity is the next power of two, so giving back never
 * finds it full in practice. A free buffer holds at most {@code maxRetained} bytes, so the pool keeps
 * at most {@code capacity × maxRetained} bytes; buffers stay at the size of a typical event.
 * Should {@link #acquire} find the queue empty, or its next slot half-written by a giver, it makes a
 * new buffer (counted), and a full queue lets a returned one go to the garbage collector (counted).
 */
final class EncodedEventPool {
    /** Room beyond the ring for buffers held by producers that wait on a full ring. */
    static final int SLACK = 64;

    private static final VarHandle SEQUENCE = MethodHandles.arrayElementVarHandle(long[].class);

    private final EncodedEvent[] elements;
    private final long[] sequences;
    private final int mask;
    /** Next position to give back to; CAS by givers. */
    private final AtomicLong tail = new AtomicLong();
    /** Next position to take from; CAS by takers. A separate object, so not on the tail's line. */
    private final AtomicLong head = new AtomicLong();

    private final int initialCapacity;
    private final int maxRetained;
    private final LongAdder created = new LongAdder();
    private final LongAdder discarded = new LongAdder();

    EncodedEventPool(int ringSize, int initialCapacity, int maxRetained) {
        int buffers = ringSize + SLACK;
        int capacity = Integer.highestOneBit(buffers - 1) << 1;
        this.elements = new EncodedEvent[capacity];
        this.sequences = new long[capacity];
        this.mask = capacity - 1;
        this.initialCapacity = initialCapacity;
        this.maxRetained = maxRetained;
        for (int i = 0; i < capacity; i++) {
            sequences[i] = i;
        }
        // Filled up front, as the Disruptor fills its ring: a lazily grown pool would allocate every
        // time the ring reached a new depth, long after what anyone would call warm-up.
        for (int i = 0; i < buffers; i++) {
            offer(new EncodedEvent(initialCapacity));
        }
    }

    /** An empty buffer no one else holds. */
    EncodedEvent acquire() {
        long position = head.get();
        while (true) {
            int index = (int) position & mask;
            long turn = (long) SEQUENCE.getAcquire(sequences, index) - (position + 1);
            if (turn == 0) {
                if (head.compareAndSet(position, position + 1)) {
                    EncodedEvent event = elements[index];
                    elements[index] = null;
                    // Hands the slot to the giver of the next lap.
                    SEQUENCE.setRelease(sequences, index, position + mask + 1);
                    return event;
                }
                position = head.get();
            } else if (turn < 0) {
                // Empty, or the giver of this position is half-way: do not wait for it.
                created.increment();
                return new EncodedEvent(initialCapacity);
            } else {
                position = head.get(); // another taker was faster
            }
        }
    }

    /** Takes a buffer back, emptied; drops it when the pool is full. */
    void release(EncodedEvent event) {
        event.clear(maxRetained);
        if (!offer(event)) {
            discarded.increment();
        }
    }

    private boolean offer(EncodedEvent event) {
        long position = tail.get();
        while (true) {
            int index = (int) position & mask;
            long turn = (long) SEQUENCE.getAcquire(sequences, index) - position;
            if (turn == 0) {
                if (tail.compareAndSet(position, position + 1)) {
                    elements[index] = event;
                    // Publishes the element to its taker.
                    SEQUENCE.setRelease(sequences, index, position + 1);
                    return true;
                }
                position = tail.get();
            } else if (turn < 0) {
                return false; // full
            } else {
                position = tail.get(); // another giver was faster
            }
        }
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
        return (int) Math.max(0, tail.get() - head.get());
    }
}
