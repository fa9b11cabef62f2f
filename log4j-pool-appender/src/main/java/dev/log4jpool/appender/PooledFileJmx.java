package dev.log4jpool.appender;

import dev.log4jpool.internal.MXBeanRegistry;
import javax.management.ObjectName;

/**
 * Registers appenders as {@code dev.log4jpool:type=PooledFile,name=<appender>} MXBeans.
 *
 * <p>A reconfiguration starts the new appender before it stops the old one of the same name: the
 * newer replaces the older in JMX (see {@link MXBeanRegistry}).
 */
final class PooledFileJmx {
    private static final MXBeanRegistry BEANS = new MXBeanRegistry("PooledFile");

    private PooledFileJmx() {}

    static ObjectName objectName(String appenderName) {
        return BEANS.objectName(appenderName);
    }

    static void register(PooledFileAppender appender) {
        BEANS.register(appender.getName(), appender, new Monitor(appender));
    }

    static void unregister(PooledFileAppender appender) {
        BEANS.unregister(appender.getName(), appender);
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

        @Override
        public long getEventsLost() {
            return appender.stats().eventsLost();
        }

        @Override
        public long getRollovers() {
            return appender.stats().rollovers();
        }

        @Override
        public long getFileSize() {
            return appender.stats().fileSize();
        }
    }
}
