package dev.log4jpool.appender;

/**
 * A {@link PooledFileAppender} as JMX sees it: {@code dev.log4jpool:type=PooledFile,name=<appender>}.
 * See {@link PooledFileStats} for what each counter means.
 */
public interface PooledFileMXBean {
    String getName();

    String getFileName();

    String getBufferMode();

    boolean isAsync();

    long getEventsWritten();

    long getBytesWritten();

    long getFlushes();

    long getEventsDropped();

    long getRingHighWaterMark();

    long getWriteErrors();

    long getEventsLost();
}
