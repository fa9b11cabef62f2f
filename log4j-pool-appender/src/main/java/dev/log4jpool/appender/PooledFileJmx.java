package dev.log4jpool.appender;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.logging.log4j.status.StatusLogger;
import org.apache.logging.log4j.util.PropertiesUtil;

/**
 * Registers appenders as {@code dev.log4jpool:type=PooledFile,name=<appender>} MXBeans.
 *
 * <p>A reconfiguration starts the new appender before it stops the old one of the same name: the
 * newer replaces the older in JMX, and the older's unregistration then leaves the newer alone.
 * Follows Log4j's {@code log4j2.disableJmx}.
 */
final class PooledFileJmx {
    private static final Map<String, PooledFileAppender> REGISTERED = new HashMap<>(); // guarded by the class

    private PooledFileJmx() {}

    static ObjectName objectName(String appenderName) {
        try {
            return new ObjectName("dev.log4jpool:type=PooledFile,name=" + quoteIfNeeded(appenderName));
        } catch (JMException e) {
            throw new IllegalArgumentException("Appender name '" + appenderName + "' cannot be a JMX name", e);
        }
    }

    static synchronized void register(PooledFileAppender appender) {
        if (PropertiesUtil.getProperties().getBooleanProperty("log4j2.disableJmx", false)) {
            return;
        }
        ObjectName name = objectName(appender.getName());
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
            server.registerMBean(new Monitor(appender), name);
            REGISTERED.put(appender.getName(), appender);
        } catch (JMException | SecurityException e) {
            StatusLogger.getLogger().warn("Could not register PooledFile '{}' in JMX as {}", appender.getName(), name, e);
        }
    }

    static synchronized void unregister(PooledFileAppender appender) {
        if (REGISTERED.get(appender.getName()) != appender) {
            return;
        }
        REGISTERED.remove(appender.getName());
        ObjectName name = objectName(appender.getName());
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            if (server.isRegistered(name)) {
                server.unregisterMBean(name);
            }
        } catch (JMException | SecurityException e) {
            StatusLogger.getLogger().warn("Could not unregister PooledFile '{}' from JMX", appender.getName(), e);
        }
    }

    private static String quoteIfNeeded(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (",=:\"*?\n\\".indexOf(value.charAt(i)) >= 0) {
                return ObjectName.quote(value);
            }
        }
        return value;
    }

    /** Reads the appender's counters when JMX asks; costs nothing otherwise. */
    private static final class Monitor implements PooledFileMXBean {
        private final PooledFileAppender appender;

        Monitor(PooledFileAppender appender) {
            this.appender = appender;
        }

        @Override
        public String getName() {
            return appender.getName();
        }

        @Override
        public String getFileName() {
            return appender.getFileName();
        }

        @Override
        public String getBufferMode() {
            return appender.getBufferMode().name();
        }

        @Override
        public boolean isAsync() {
            return appender.isAsync();
        }

        @Override
        public long getEventsWritten() {
            return appender.stats().eventsWritten();
        }

        @Override
        public long getBytesWritten() {
            return appender.stats().bytesWritten();
        }

        @Override
        public long getFlushes() {
            return appender.stats().flushes();
        }

        @Override
        public long getEventsDropped() {
            return appender.stats().eventsDropped();
        }

        @Override
        public long getRingHighWaterMark() {
            return appender.stats().ringHighWaterMark();
        }

        @Override
        public long getWriteErrors() {
            return appender.stats().writeErrors();
        }
    }
}
