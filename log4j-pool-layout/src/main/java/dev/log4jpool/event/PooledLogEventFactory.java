package dev.log4jpool.event;

import dev.log4jpool.buffer.BufferPool;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.ContextDataInjector;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.impl.ContextDataInjectorFactory;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.core.impl.ReusableLogEventFactory;
import org.apache.logging.log4j.core.time.Instant;
import org.apache.logging.log4j.core.time.MutableInstant;
import org.apache.logging.log4j.core.util.Clock;
import org.apache.logging.log4j.core.util.ClockFactory;
import org.apache.logging.log4j.core.util.Constants;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.ReusableMessage;
import org.apache.logging.log4j.message.TimestampMessage;
import org.apache.logging.log4j.util.StringMap;

/**
 * Log4j's event factory for virtual threads: reusable events from a shared bounded ring instead of
 * one per thread. Select it with {@code -Dlog4j2.logEventFactory=dev.log4jpool.event.PooledLogEventFactory}.
 *
 * <p><b>Why.</b> Log4j's {@link ReusableLogEventFactory} keeps one event per thread in a
 * {@code ThreadLocal}. With one virtual thread per request, that is one new event (its text buffer,
 * parameter array, context map: several hundred bytes) per request, garbage a few events later.
 *
 * <p><b>Where events come from.</b> On a platform thread with Log4j's thread locals on (the
 * default outside web applications) this factory does exactly what Log4j's does, through
 * {@code super}: the thread's own event, 0 bytes per event. On a virtual thread, or when
 * {@code log4j2.enableThreadlocals=false}, it takes a free {@link PooledLogEvent} from its ring
 * ({@code log4jpool.maxEvents}, default 256), or makes one when the ring is empty; Log4j's release
 * gives it back (see {@link PooledLogEvent} for when: after the last appender). An event is held
 * from {@code createEvent} to that release, so a virtual thread that unmounts inside an appender
 * keeps its event to itself, and the next caller takes another.
 *
 * <p><b>Why it extends {@code ReusableLogEventFactory}.</b> Log4j 2.25.3's
 * {@code AsyncLoggerConfigDisruptor.setLogEventFactory} fills its ring with mutable events, and
 * copies each event into one, only when the factory is an instance of
 * {@code ReusableLogEventFactory}. With any other factory it stores the caller's event itself in its
 * ring when the message is not reusable (a {@code printf}, an {@code ObjectMessage} made by the
 * caller), and both the caller's release and the background thread's would then clear a pooled
 * event that another thread may already hold. Measured with the same pooled events served through a
 * factory that only delegates (so is not a {@code ReusableLogEventFactory}), {@code <AsyncLogger>},
 * 20,000 virtual threads x 8 events: 41,985 of 200,000 messages missing from the file, 28,319
 * written twice, 204 with another call's text; with this class, none. On JDK 17, 16 platform
 * threads with {@code log4j2.enableThreadlocals=false}: 20,000 of 100,000 missing. The tests
 * {@code PooledFactoriesTest.virtualThreadsMixedAsyncLoggerEveryEventRight} and
 * {@code platformThreadsMixedAsyncLoggerWithoutThreadLocalsEveryEventRight} check this case.
 *
 * <p>Memory: at most {@code maxEvents} free events are kept; each is a {@code MutableLogEvent}, whose
 * text buffer Log4j trims back to {@code log4j.maxReusableMsgSize} (518 chars by default) when it is
 * cleared, so about 1.5 KB at most each, 384 KB for the default ring.
 */
public class PooledLogEventFactory extends ReusableLogEventFactory {
    private static final Clock CLOCK = ClockFactory.getClock();

    private final ContextDataInjector injector = ContextDataInjectorFactory.createInjector();
    private final FreeList<PooledLogEvent> events;
    private final boolean platformThreadLocals;

    /** The factory Log4j makes from {@code log4j2.logEventFactory}: settings from Log4j's property sources. */
    public PooledLogEventFactory() {
        this(EventPoolProperties.maxEvents(), Constants.ENABLE_THREADLOCALS);
    }

    /**
     * @param maxEvents free events kept in the ring (rounded up to a power of two, at least 2)
     * @param platformThreadLocals whether platform threads use Log4j's thread-local event
     */
    public PooledLogEventFactory(int maxEvents, boolean platformThreadLocals) {
        this.events = new FreeList<>(maxEvents);
        this.platformThreadLocals = platformThreadLocals;
    }

    @Override
    public LogEvent createEvent(
            String loggerName,
            Marker marker,
            String fqcn,
            Level level,
            Message message,
            List<Property> properties,
            Throwable t) {
        return createEvent(loggerName, marker, fqcn, null, level, message, properties, t);
    }

    @Override
    public LogEvent createEvent(
            String loggerName,
            Marker marker,
            String fqcn,
            StackTraceElement location,
            Level level,
            Message message,
            List<Property> properties,
            Throwable t) {
        Thread current = Thread.currentThread();
        if (platformThreadLocals && !BufferPool.isVirtual(current)) {
            return super.createEvent(loggerName, marker, fqcn, location, level, message, properties, t);
        }
        PooledLogEvent event = events.take(PooledLogEvent::new);
        event.lease();
        event.setLoggerName(loggerName);
        event.setMarker(marker);
        event.setLoggerFqcn(fqcn);
        event.setLevel(level == null ? Level.OFF : level);
        event.setMessage(message);
        setTime(event, message);
        event.setThrown(t);
        event.setSource(location);
        event.setContextData(injector.injectContextData(properties, (StringMap) event.getContextData()));
        event.setContextStack(ThreadContext.getDepth() == 0 ? ThreadContext.EMPTY_STACK : ThreadContext.cloneStack());
        // A pooled event serves any thread, so the thread fields are set every time (getName() allocates
        // nothing since JDK 8u102; a virtual thread's name is "" unless the application named it).
        event.setThreadId(current.getId());
        event.setThreadName(current.getName());
        event.setThreadPriority(current.getPriority());
        return event;
    }

    /** As Log4j's package-private {@code MutableLogEvent.initTime}: a non-reusable {@code TimestampMessage} sets the time. */
    private static void setTime(PooledLogEvent event, Message message) {
        Instant instant = event.getInstant();
        if (!(message instanceof ReusableMessage) && message instanceof TimestampMessage) {
            event.setTimeMillis(((TimestampMessage) message).getTimestamp());
        } else if (instant instanceof MutableInstant) {
            ((MutableInstant) instant).initFrom(CLOCK);
        } else {
            event.setTimeMillis(CLOCK.currentTimeMillis());
        }
        event.setNanoTime(Log4jLogEvent.getNanoClock().nanoTime());
    }

    /** Events made because the ring was empty (the first ones, and those for callers beyond the ring's stock). */
    public long eventsCreated() {
        return events.created();
    }

    /** Events given back to a full ring and left to the garbage collector. */
    public long eventsDropped() {
        return events.dropped();
    }

    /** Free events in the ring now; a snapshot. */
    public int eventsFree() {
        return events.free();
    }

    @Override
    public String toString() {
        return "PooledLogEventFactory[maxEvents=" + events.capacity() + ", platformThreadLocals="
                + platformThreadLocals + "]";
    }
}
