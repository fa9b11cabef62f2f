package dev.log4jpool.buffer;

import dev.log4jpool.internal.MXBeanRegistry;

import javax.management.ObjectName;

/**
 * Registers pools as {@code dev.log4jpool:type=BufferPool,name=<name>} MXBeans.
 *
 * <p>A reconfiguration builds the new configuration's pools before the old configuration stops, so
 * a name may be registered again while its old owner is still registered: the newer pool replaces
 * the older (see {@link MXBeanRegistry}).
 */
public final class BufferPoolJmx {
    private static final MXBeanRegistry BEANS = new MXBeanRegistry("BufferPool");

    private BufferPoolJmx() {}

    /** The name a pool is registered under. */
    public static ObjectName objectName(String poolName) {
        return BEANS.objectName(poolName);
    }

    /** Makes the pool visible in JMX under its name, replacing an earlier pool of that name. */
    public static void register(BufferPool pool) {
        BEANS.register(pool.getName(), pool, new Monitor(pool));
    }

    /** Removes the pool's MXBean, unless a newer pool of the same name has taken its place. */
    public static void unregister(BufferPool pool) {
        BEANS.unregister(pool.getName(), pool);
    }

    /** Reads a pool's statistics on demand; costs nothing until someone looks. */
    private static final class Monitor implements BufferPoolMXBean {
        private final BufferPool pool;

        Monitor(BufferPool pool) {
            this.pool = pool;
        }

        @Override
        public String getName() {
            return pool.getName();
        }

        @Override
        public long getThreadLocalHits() {
            return pool.stats().threadLocalHits();
        }

        @Override
        public long getRingHits() {
            return pool.stats().ringHits();
        }

        @Override
        public long getAllocations() {
            return pool.stats().allocations();
        }

        @Override
        public long getRingDrops() {
            return pool.stats().ringDrops();
        }

        @Override
        public long getTrims() {
            return pool.stats().trims();
        }

        @Override
        public int getPooled() {
            return pool.stats().pooled();
        }

        @Override
        public int getCapacity() {
            return pool.stats().capacity();
        }

        @Override
        public int getBufferSize() {
            return pool.getBufferSize();
        }

        @Override
        public int getMaxRetainedSize() {
            return pool.getMaxRetainedSize();
        }

        @Override
        public boolean isThreadLocalEnabled() {
            return pool.isThreadLocalEnabled();
        }
    }
}
