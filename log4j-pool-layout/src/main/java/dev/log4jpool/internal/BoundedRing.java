package dev.log4jpool.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * A bounded, lock-free, multi-producer multi-consumer ring of references: the pool's shared tier.
 *
 * <p>The algorithm is Dmitry Vyukov's bounded MPMC queue, as in the Disruptor and JCTools'
 * {@code MpmcArrayQueue}: every slot carries a sequence number that says whose turn it is. A slot
 * whose sequence equals position {@code p} is free for the producer of {@code p}; one whose
 * sequence is {@code p + 1} holds the element of {@code p} for its consumer; after the consumer
 * takes it, the sequence becomes {@code p + capacity}, the producer position one lap later.
 * Positions and sequences are 64-bit, so they never wrap and a stale reader cannot mistake one lap
 * for another (no ABA).
 *
 * <p>{@link #offer} and {@link #poll} never wait on the ring's state: a full ring makes
 * {@code offer} return {@code false} at once, an empty ring makes {@code poll} return {@code null}
 * at once, and the pool above turns those into "drop" and "allocate". The one case they do not give
 * up on at once is a slot that a peer has claimed and not yet published (a window of two stores):
 * there they spin up to {@link #MAX_SPINS} times before giving up. Giving up at once there was
 * measured to be ruinous: with two threads cycling buffers through a ring of 32, 40 % of polls
 * failed, each failure allocated a fresh 16 KiB buffer, and the ring's population collapsed to one
 * or two buffers; with the bounded spin, failures only happen when the peer's thread is descheduled
 * inside its window. A lost race for an index means another thread progressed, and is retried at the
 * next position.
 *
 * <p>Memory ordering: a producer claims a position with a CAS on the producer index, writes the
 * element with a plain store, then publishes it with a store-release of the slot sequence; the
 * consumer's load-acquire of that sequence makes the element visible. The consumer's clearing of
 * the slot is published to the next lap's producer in the same way. The jcstress tests in
 * {@code BoundedRingJcstressTests} check these orderings.
 *
 * <p>Not API: public, in this internal package, so that every pool of this project shares one ring
 * (the buffer pool's shared tier, the pooled events' free lists, the async appender's encoded
 * events); it may change in any release.
 *
 * @param <E> the element type
 */
public final class BoundedRing<E> extends BoundedRingPadAfterConsumer {
    private static final VarHandle SEQUENCE = MethodHandles.arrayElementVarHandle(long[].class);

    /** Largest capacity: a power of two that an {@code int} array index can hold. */
    public static final int MAX_CAPACITY = 1 << 30;

    /**
     * Spins spent on a slot a peer is half-way through before giving up: enough for a peer that is
     * running (its window is a couple of stores), far less than a scheduler time slice.
     */
    static final int MAX_SPINS = 64;

    private final Object[] elements;
    private final long[] sequences;
    private final int mask;

    /**
     * @param requestedCapacity how many elements the ring holds at most; rounded up to a power of
     *     two (so that a position maps to its slot with a mask) and to at least 2: with one slot, the
     *     sequence a producer publishes ({@code p + 1}) would equal the one that frees the slot for
     *     the next lap's producer, and two producers could fill the same slot
     */
    public BoundedRing(int requestedCapacity) {
        if (requestedCapacity < 1 || requestedCapacity > MAX_CAPACITY) {
            throw new IllegalArgumentException(
                    "ring capacity must be between 1 and " + MAX_CAPACITY + ", was " + requestedCapacity);
        }
        int capacity = roundUpToPowerOfTwo(requestedCapacity);
        this.elements = new Object[capacity];
        this.sequences = new long[capacity];
        this.mask = capacity - 1;
        for (int i = 0; i < capacity; i++) {
            sequences[i] = i;
        }
        // The arrays are reached through final fields, so their initial contents are visible to
        // every thread that sees this ring (JLS 17.5).
    }

    static int roundUpToPowerOfTwo(int value) {
        return value <= 2 ? 2 : Integer.highestOneBit(value - 1) << 1;
    }

    /**
     * Adds an element unless the ring is full or the slot is still being emptied.
     *
     * @return {@code true} when the element is in the ring
     */
    public boolean offer(E element) {
        int spins = 0;
        long position = lvProducerIndex();
        while (true) {
            int index = (int) position & mask;
            long sequence = (long) SEQUENCE.getAcquire(sequences, index);
            long turn = sequence - position;
            if (turn == 0) {
                if (casProducerIndex(position, position + 1)) {
                    elements[index] = element;
                    SEQUENCE.setRelease(sequences, index, position + 1);
                    return true;
                }
                // Another producer took this position: it progressed, so we try the next one.
                position = lvProducerIndex();
            } else if (turn < 0) {
                // The slot still holds last lap's element. If the ring is full, give up at once.
                // Otherwise its consumer has claimed it and is half-way: wait a few spins for it.
                if (position - lvConsumerIndex() >= elements.length || !spinOnce(spins++)) {
                    return false;
                }
            } else {
                // Our index was stale: other producers have filled this slot already.
                position = lvProducerIndex();
            }
        }
    }

    /**
     * Takes an element unless the ring is empty or the next slot is still being filled.
     *
     * @return the element, or {@code null}
     */
    @SuppressWarnings("unchecked")
    public E poll() {
        int spins = 0;
        long position = lvConsumerIndex();
        while (true) {
            int index = (int) position & mask;
            long sequence = (long) SEQUENCE.getAcquire(sequences, index);
            long turn = sequence - (position + 1);
            if (turn == 0) {
                if (casConsumerIndex(position, position + 1)) {
                    E element = (E) elements[index];
                    elements[index] = null;
                    SEQUENCE.setRelease(sequences, index, position + mask + 1);
                    return element;
                }
                position = lvConsumerIndex();
            } else if (turn < 0) {
                // Nothing published here. If the ring is empty, give up at once. Otherwise a producer
                // has claimed this slot and is half-way: wait a few spins for it.
                if (lvProducerIndex() <= position || !spinOnce(spins++)) {
                    return null;
                }
            } else {
                position = lvConsumerIndex();
            }
        }
    }

    /**
     * Called when a peer has claimed the slot and not yet published it. The window is a store and a
     * store-release long, unless the peer's thread was descheduled in it; so spin briefly, then let
     * the caller give up (allocate or drop) rather than wait out a time slice.
     *
     * @return {@code true} to look at the slot again
     */
    private static boolean spinOnce(int spinsSoFar) {
        if (spinsSoFar >= MAX_SPINS) {
            return false;
        }
        Thread.onSpinWait();
        return true;
    }

    /** How many elements are in the ring now; a snapshot, exact only when no one is using it. */
    public int size() {
        // Read the consumer first: the producer index can only be larger by the time we read it.
        long consumer = lvConsumerIndex();
        long producer = lvProducerIndex();
        long size = producer - consumer;
        return (int) Math.max(0, Math.min(size, capacity()));
    }

    /** How many elements {@link #poll} has ever returned: the consumer index, so counting is free. */
    public long polledCount() {
        return lvConsumerIndex();
    }

    public int capacity() {
        return mask + 1;
    }
}
