package dev.log4jpool.buffer;

/**
 * A {@link BufferPool} as JMX sees it: {@code dev.log4jpool:type=BufferPool,name=<name>}. Counters
 * count since the pool was built; see {@link BufferPoolStats} for what each one means.
 */
public interface BufferPoolMXBean {
    String getName();

    long getThreadLocalHits();

    long getRingHits();

    long getAllocations();

    long getRingDrops();

    long getTrims();

    int getPooled();

    int getCapacity();

    int getBufferSize();

    int getMaxRetainedSize();

    boolean isThreadLocalEnabled();
}
