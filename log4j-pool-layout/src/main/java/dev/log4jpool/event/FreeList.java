package dev.log4jpool.event;

import dev.log4jpool.internal.BoundedRing;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

/**
 * A bounded stock of free reusable objects of one kind, on two of the buffer pool's lock-free rings
 * ({@link BoundedRing}): {@link #poll} never waits (when no ring has one it answers {@code null} and
 * the caller makes a new object), {@link #giveBack} never waits (when both rings are full the object
 * is left to the garbage collector). Objects taken out are owned by the caller until it gives them
 * back.
 *
 * <p><b>Why two rings.</b> A ring's consumers cannot pass a slot whose producer has claimed it and
 * not yet published it; if that producer's thread is descheduled by the operating system in its
 * two-store window, every poll gives up after its bounded spin until the thread runs again (a time
 * slice). With one ring, measured on this project's 2-core machine under load, 20,000 virtual
 * threads on two carriers: bursts of several thousand pool misses in some rounds, 340 to 450 B/event
 * instead of 51. A thread starts at the ring its id selects and falls over to the other, so a stalled
 * producer holds up one ring, not the stock.
 *
 * <p>Counts what the rings could not serve, on those paths only, so that counting adds no shared
 * write to a hit.
 *
 * @param <T> the kind of object
 */
final class FreeList<T> {
    private final BoundedRing<T> even;
    private final BoundedRing<T> odd;
    private final LongAdder created = new LongAdder();
    private final LongAdder dropped = new LongAdder();
    private final LongAdder overflowed = new LongAdder();

    /** @param capacity free objects kept at most, split between the two rings (each rounded up to a power of two) */
    FreeList(int capacity) {
        int half = Math.max(1, (capacity + 1) / 2);
        this.even = new BoundedRing<>(half);
        this.odd = new BoundedRing<>(half);
    }

    private BoundedRing<T> home() {
        return (Thread.currentThread().getId() & 1) == 0 ? even : odd;
    }

    /** A free object, or {@code null} when none is free; then make one and call {@link #countCreated} (or use {@link #take}). */
    T poll() {
        BoundedRing<T> home = home();
        T free = home.poll();
        if (free == null) {
            free = (home == even ? odd : even).poll();
        }
        return free;
    }

    void countCreated() {
        created.increment();
    }

    /**
     * A free object, or a new one from {@code maker} (counted) when none is free. Pass a constructor
     * reference: it captures nothing, so the call allocates only when it makes an object.
     */
    T take(Function<FreeList<T>, T> maker) {
        T free = poll();
        if (free == null) {
            free = maker.apply(this);
            created.increment();
        }
        return free;
    }

    /** Counts a caller that found no free object and was served something else instead. */
    void countOverflow() {
        overflowed.increment();
    }

    long overflowed() {
        return overflowed.sum();
    }

    /** Makes {@code free} available to the next {@link #poll}, or drops it when both rings are full. */
    void giveBack(T free) {
        BoundedRing<T> home = home();
        if (!home.offer(free) && !(home == even ? odd : even).offer(free)) {
            dropped.increment();
        }
    }

    /** Objects made because the rings had none. */
    long created() {
        return created.sum();
    }

    /** Objects given back to full rings and left to the garbage collector. */
    long dropped() {
        return dropped.sum();
    }

    /** Free objects in the rings now; a snapshot. */
    int free() {
        return even.size() + odd.size();
    }

    /** Free objects kept at most. */
    int capacity() {
        return even.capacity() + odd.capacity();
    }
}
