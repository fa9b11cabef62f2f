/**
 * Log4j's reusable log events and messages, drawn from shared bounded rings instead of
 * {@code ThreadLocal}s, so that one virtual thread per request does not mean one new event and one
 * new set of messages per request: {@link dev.log4jpool.event.PooledLogEventFactory}
 * ({@code log4j2.logEventFactory}) and {@link dev.log4jpool.event.PooledMessageFactory}
 * ({@code log4j2.messageFactory}). On platform threads with thread locals on, both behave exactly as
 * Log4j's own factories.
 */
package dev.log4jpool.event;
