package dev.log4jpool.buffer;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.logging.log4j.status.StatusLogger;
import org.apache.logging.log4j.util.PropertiesUtil;

/**
 * Registers pools as {@code dev.log4jpool:type=BufferPool,name=<name>} MXBeans.
 *
 * <p>A reconfiguration builds the new configuration's pools before the old configuration stops, so
 * a name may be registered again while its old owner is still registered: the newer pool replaces
 * the older, and the older's unregistration then leaves the newer alone. Follows Log4j's
 * {@code log4j2.disableJmx}.
 */
public final class BufferPoolJmx {
    private static final Map<String, BufferPool> REGISTERED = new HashMap<>(); // guarded by the class

    private BufferPoolJmx() {}

    /** The name a pool is registered under. */
    public static ObjectName objectName(String poolName) {
        try {
            return new ObjectName("dev.log4jpool:type=BufferPool,name=" + quoteIfNeeded(poolName));
        } catch (JMException e) {
            throw new IllegalArgumentException("BufferPool name '" + poolName + "' cannot be a JMX name", e);
        }
    }

    /** Makes the pool visible in JMX under its name, replacing an earlier pool of that name. */
    public static synchronized void register(BufferPool pool) {
        if (isDisabled()) {
            return;
        }
        ObjectName name = objectName(pool.getName());
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            server.registerMBean(new Monitor(pool), name);
            REGISTERED.put(pool.getName(), pool);
        } catch (JMException | SecurityException e) {
            StatusLogger.getLogger().warn("Could not register BufferPool '{}' in JMX as {}", pool.getName(), name, e);
        }
    }

    /** Removes the pool's MXBean, unless a newer pool of the same name has taken its place. */
    public static synchronized void unregister(BufferPool pool) {
        if (REGISTERED.get(pool.getName()) != pool) {
            return;
        }
        REGISTERED.remove(pool.getName());
        ObjectName name = objectName(pool.getName());
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
        } catch (JMException | SecurityException e) {
            StatusLogger.getLogger().warn("Could not unregister BufferPool '{}' from JMX", pool.getName(), e);
        }
    }

    private static boolean isDisabled() {
        return PropertiesUtil.getProperties().getBooleanProperty("log4j2.disableJmx", false);
    }

    private static String quoteIfNeeded(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (",=:\"*?\n\\".indexOf(value.charAt(i)) >= 0) {
                return ObjectName.quote(value);
            }
        }
        return value;
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
