package dev.log4jpool.buffer;

/**
 * A snapshot of a {@link BufferPool}'s counters (since the pool was built) and gauges (now).
 *
 * <p>Every {@code acquire()} is counted exactly once, in one of {@code threadLocalHits},
 * {@code ringHits} or {@code allocations}; a high {@code allocations} count after warm-up means the
 * ring is too small for the number of buffers in flight.
 *
 * @param threadLocalHits acquires served by the calling thread's cached buffer
 * @param ringHits acquires served by the shared ring
 * @param allocations acquires that found both tiers empty and made a new buffer
 * @param ringDrops releases that found the ring full and left the buffer to the GC
 * @param trims releases that shrank a buffer grown past {@code maxRetainedSize}
 * @param pooled free buffers in the ring now
 * @param capacity how many free buffers the ring can hold
 */
public record BufferPoolStats(
        long threadLocalHits, long ringHits, long allocations, long ringDrops, long trims, int pooled, int capacity) {

    /** Acquires of every tier together. */
    public long acquires() {
        return threadLocalHits + ringHits + allocations;
    }
}
