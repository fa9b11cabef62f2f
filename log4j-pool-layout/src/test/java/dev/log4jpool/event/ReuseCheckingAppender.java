package dev.log4jpool.event;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/**
 * Checks that an event is never in two callers' hands at once: it records the event object as in
 * use, reads its message and thread, yields (a virtual thread unmounts here, holding the event,
 * while others log), then checks that the event is unchanged and still its own. Any break is
 * counted and its first description kept.
 */
final class ReuseCheckingAppender extends AbstractAppender {
    private final Set<IdentityKey> inUse = ConcurrentHashMap.newKeySet();
    private final LongAdder checked = new LongAdder();
    private final LongAdder pooledEvents = new LongAdder();
    private final AtomicLong violations = new AtomicLong();
    private volatile String firstViolation;
    private final boolean sameThread;

    /** @param sameThread whether events are appended on the thread that logged them (no async logger in between) */
    ReuseCheckingAppender(boolean sameThread) {
        super("reuse-check", null, null, true, Property.EMPTY_ARRAY);
        this.sameThread = sameThread;
    }

    @Override
    public void append(LogEvent event) {
        IdentityKey key = new IdentityKey(event);
        if (!inUse.add(key)) {
            violation("event " + key + " appended by two callers at once: " + event.getMessage().getFormattedMessage());
            return;
        }
        try {
            if (event instanceof PooledLogEvent) {
                pooledEvents.increment();
                if (!((PooledLogEvent) event).isLeased()) {
                    violation("an appender got a pooled event that is not leased");
                }
            }
            String before = event.getMessage().getFormattedMessage();
            long threadId = event.getThreadId();
            if (sameThread && threadId != Thread.currentThread().getId()) {
                violation("event carries thread " + threadId + " but was logged by " + Thread.currentThread().getId());
            }
            Thread.yield();
            String after = event.getMessage().getFormattedMessage();
            if (!before.equals(after) || event.getThreadId() != threadId) {
                violation("event changed while its caller held it: '" + before + "' became '" + after + "'");
            }
            checked.increment();
        } finally {
            inUse.remove(key);
        }
    }

    private void violation(String description) {
        if (violations.getAndIncrement() == 0) {
            firstViolation = description;
        }
    }

    String summary() {
        return "checked=" + checked.sum() + " pooledEvents=" + pooledEvents.sum() + " violations=" + violations.get()
                + (firstViolation == null ? "" : " first=" + firstViolation);
    }

    private static final class IdentityKey {
        private final Object target;

        IdentityKey(Object target) {
            this.target = target;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof IdentityKey && ((IdentityKey) other).target == target;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(target);
        }

        @Override
        public String toString() {
            return target.getClass().getSimpleName() + "@" + Integer.toHexString(hashCode());
        }
    }
}
