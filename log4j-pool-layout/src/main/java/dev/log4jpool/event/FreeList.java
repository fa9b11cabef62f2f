package dev.log4jpool.event;

import dev.log4jpool.buffer.BoundedRing;
import java.util.concurrent.atomic.LongAdder;

/**
 * A bounded stock of free reusable objects of one kind, on the buffer pool's lock-free ring
 * ({@link BoundedRing}): {@link #poll} never waits (an empty ring answers {@code null} and the
 * caller makes a new object), {@link #giveBack} never waits (a full ring drops the object for the
 * garbage collector). Objects taken out are owned by the caller until it gives them back.
 *
 * <p>Counts what the ring could not serve, on those paths only, so that counting adds no shared
 * write to a hit.
 *
 * @param <T> the kind of object
 */
final class FreeList<T> {
    private final BoundedRing<T> ring;
    private final LongAdder created = new LongAdder();
    private final LongAdder dropped = new LongAdder();

    FreeList(int capacity) {
        this.ring = new BoundedRing<>(capacity);
    }

    /** A free object, or {@code null} when none is free; then make one and call {@link #countCreated}. */
    T poll() {
        return ring.poll();
    }

    void countCreated() {
        created.increment();
    }

    /** Makes {@code free} available to the next {@link #poll}, or drops it when the ring is full. */
    void giveBack(T free) {
        if (!ring.offer(free)) {
            dropped.increment();
        }
    }

    /** Objects made because the ring was empty. */
    long created() {
        return created.sum();
    }

    /** Objects given back to a full ring and left to the garbage collector. */
    long dropped() {
        return dropped.sum();
    }

    /** Free objects in the ring now; a snapshot. */
    int free() {
        return ring.size();
    }

    int capacity() {
        return ring.capacity();
    }
}
