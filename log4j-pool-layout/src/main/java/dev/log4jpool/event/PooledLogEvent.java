package dev.log4jpool.event;

import org.apache.logging.log4j.core.impl.MutableLogEvent;

/**
 * Log4j's {@link MutableLogEvent} that goes back to its {@link FreeList} when Log4j clears it.
 *
 * <p>Log4j 2.25.3 ends the life of the event its factory made in {@code LoggerConfig.log}: after
 * every appender of the logger and of its additive parents has returned, a {@code finally} block
 * calls the static {@code ReusableLogEventFactory.release(event)}, which calls {@link #clear()} on
 * any {@code MutableLogEvent}. That call, once per event and after the last reader, is the only
 * place where this event is given back. It then writes {@code reserved = false} on the event, a
 * package-private field of Log4j's that only Log4j's own thread-local factory reads, on its own
 * events; nothing reads it on ours.
 *
 * <p>A second {@code clear()} on the same lease (no Log4j path does it) gives nothing back twice.
 */
final class PooledLogEvent extends MutableLogEvent {
    private static final long serialVersionUID = 1L;

    /** Where this event goes back to. Not serialized: {@code MutableLogEvent} serializes as a memento. */
    private final transient FreeList<PooledLogEvent> home;
    /** Set by the factory's thread when it takes the event, cleared by the releasing thread: same thread. */
    private transient boolean leased;

    PooledLogEvent(FreeList<PooledLogEvent> home) {
        this.home = home;
    }

    PooledLogEvent lease() {
        leased = true;
        return this;
    }

    boolean isLeased() {
        return leased;
    }

    @Override
    public void clear() {
        super.clear();
        if (leased) {
            leased = false;
            home.giveBack(this);
        }
    }
}
