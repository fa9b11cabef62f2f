package dev.log4jpool.appender;

/**
 * A snapshot of one {@link PooledFileAppender}'s counters, since it started.
 *
 * @param eventsWritten events handed to the file: encoded into its block (synchronous) or copied
 *     there by the writer thread (async); an event lost to a later write error still counts here
 * @param bytesWritten the bytes of those events
 * @param flushes {@code write} calls that reached the file; with a file shared by several appenders,
 *     this and {@code writeErrors} count for the file, not for this appender alone
 * @param eventsDropped events refused by a full ring ({@code queueFullPolicy="Drop"}) or that failed
 *     to encode
 * @param ringHighWaterMark the most events ever waiting in the async ring (0 when synchronous)
 * @param writeErrors failed opens and writes of the file
 * @param eventsLost events that did not reach the file whole: in a write that failed (a partial
 *     write's events count unless they landed whole), or abandoned by a stop that timed out; like
 *     {@code writeErrors}, counted for the file
 */
public record PooledFileStats(
        long eventsWritten,
        long bytesWritten,
        long flushes,
        long eventsDropped,
        long ringHighWaterMark,
        long writeErrors,
        long eventsLost) {}
