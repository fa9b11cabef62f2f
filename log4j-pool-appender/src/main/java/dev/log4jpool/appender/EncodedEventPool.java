package dev.log4jpool.appender;

import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The free {@link EncodedEvent}s of one async appender: taken by the threads that log, given back by
 * the writer thread once the bytes are in the file.
 *
 * <p>Why not the {@code BufferPool}: it holds {@code TextBuffer}s, characters, while a Log4j layout's
 * {@code encode} produces bytes; and its shared ring is sized for a few buffers in flight, where an
 * async appender can have a whole ring of them.
 *
 * <p>The pool is an array of slots, each empty or holding one free buffer. {@link #acquire} takes the
 * first occupied slot it can win with a compare-and-set, {@link #release} fills the first empty one.
 * Both scan from slot 0, so the free buffers gather at the front and the usual scan is a slot or
 * two long. A compare-and-set on a reference cannot suffer from ABA here: whichever buffer a slot
 * holds, taking it is correct. Nothing allocates on either path; should the pool ever be empty (a
 * scan that raced past the one buffer being released) it makes a new buffer, and a full pool lets
 * the extra one go to the garbage collector.
 *
 * <p><b>Memory bound.</b> Capacity = ring size + {@value #SLACK} (the ring can hold that many, plus
 * one per thread blocked on a full ring), so a burst that fills the ring is served again without
 * allocating. The pool is filled when it is made, so it costs {@code capacity × initialCapacity}
 * bytes from the start (about 4.2 MB for the default ring of 8192 and 512-byte buffers). A free
 * buffer holds at most {@code maxRetained} bytes, so the pool keeps at most
 * {@code capacity × maxRetained} bytes; in practice buffers stay at the size of a typical event.
 */
final class EncodedEventPool {
    /** Room beyond the ring for buffers held by producers that wait on a full ring. */
    static final int SLACK = 64;

    private final AtomicReferenceArray<EncodedEvent> slots;
    private final int initialCapacity;
    private final int maxRetained;
    /** Buffers made because the pool was empty, and buffers let go because it was full. */
    private final java.util.concurrent.atomic.LongAdder created = new java.util.concurrent.atomic.LongAdder();
    private final java.util.concurrent.atomic.LongAdder discarded = new java.util.concurrent.atomic.LongAdder();

    EncodedEventPool(int ringSize, int initialCapacity, int maxRetained) {
        this.slots = new AtomicReferenceArray<>(ringSize + SLACK);
        this.initialCapacity = initialCapacity;
        this.maxRetained = maxRetained;
        // Filled up front, as the Disruptor fills its ring: a lazily grown pool would allocate
        // every time the ring reached a new depth, long after what anyone would call warm-up.
        for (int i = 0; i < slots.length(); i++) {
            slots.set(i, new EncodedEvent(initialCapacity));
        }
    }

    /** An empty buffer no one else holds. */
    EncodedEvent acquire() {
        int length = slots.length();
        for (int i = 0; i < length; i++) {
            EncodedEvent candidate = slots.get(i);
            // A lost race means another thread took this one: look further rather than spin.
            if (candidate != null && slots.compareAndSet(i, candidate, null)) {
                return candidate;
            }
        }
        created.increment();
        return new EncodedEvent(initialCapacity);
    }

    /** Takes a buffer back, emptied; drops it when every slot is taken. */
    void release(EncodedEvent event) {
        event.clear(maxRetained);
        int length = slots.length();
        for (int i = 0; i < length; i++) {
            if (slots.get(i) == null && slots.compareAndSet(i, null, event)) {
                return;
            }
        }
        discarded.increment();
    }

    long created() {
        return created.sum();
    }

    long discarded() {
        return discarded.sum();
    }

    /** Free buffers now; for tests and statistics, racy by nature. */
    int size() {
        int free = 0;
        for (int i = 0; i < slots.length(); i++) {
            if (slots.get(i) != null) {
                free++;
            }
        }
        return free;
    }
}
