package dev.log4jpool.layout;

import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.util.ReadOnlyStringMap;

/**
 * A condition without which a node is never present, shared by the nodes of one kind: every
 * exception member needs a throwable, every context member a non-empty context. An object asks each
 * guard its members name once per event and skips the members whose guard fails, instead of asking
 * each member in turn (an ECS event without a throwable or context asked nine members for nothing).
 * A guard only ever rules a member out; a member whose guard holds is still asked
 * {@link TemplateNode#isPresent}.
 */
interface PresenceGuard<V> {
    boolean holds(V source);

    /** The event has a throwable. */
    PresenceGuard<LogEvent> HAS_THROWABLE = event -> event.getThrown() != null;

    /** The event's context (MDC) has an entry. */
    PresenceGuard<LogEvent> HAS_CONTEXT = event -> {
        ReadOnlyStringMap data = event.getContextData();
        return data != null && !data.isEmpty();
    };
}
