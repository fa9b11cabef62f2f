package dev.log4jpool.layout;

import java.util.Set;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.util.ReadOnlyStringMap;
import org.apache.logging.log4j.util.TriConsumer;

/**
 * The thread context (MDC) entries: flattened into the root object (keys go through
 * {@link JsonWriter#dynamicName}, so one that collides with a base field, an additional field or a
 * message field is renamed) or nested in an object of their own (where keys written the same, after
 * sanitising and cutting, are renamed among themselves), which is left out when no entry passes the
 * filter. A value whose reading throws is written as a marker; its neighbours are not affected. An include list, when given, keeps only its keys; the exclude list then drops
 * its keys. Values keep their JSON type (Log4j's context holds strings unless a custom injector puts
 * other objects there).
 */
final class ContextDataFields extends TemplateNode<LogEvent> {
    /** Constants taking the loop as state, so that iteration allocates nothing. */
    private static final TriConsumer<String, Object, Loop> FLAT = (key, value, loop) -> {
        if (loop.fields.accepts(key)) {
            loop.out.dynamicName(key);
            loop.value(value);
        }
    };

    /** The state of one iteration over an event's context; one per {@link EventScratch}. */
    static final class Loop {
        private ContextDataFields fields;
        private JsonWriter out;
        private LogEvent event;
        private void start(ContextDataFields owner, JsonWriter writer, LogEvent logEvent) {
            fields = owner;
            out = writer;
            event = logEvent;
        }

        private void value(Object value) {
            Throwable failure = out.memberValue(value);
            if (failure != null) {
                out.settings().failures.report("a context value of " + value.getClass().getName(), event, failure);
            }
        }

        private void finish() {
            fields = null;
            out = null;
            event = null;
        }
    }

    /** An object of its own (the member's value), else entries flattened into the enclosing object. */
    private final boolean nested;
    /** {@code null}: every key. */
    private final Set<String> includes;
    private final Set<String> excludes;
    /** The same keys as arrays, to loop over without an iterator. */
    private final String[] includeKeys;
    private final String[] excludeKeys;
    /** Whether either list is given: without them every key is accepted without a set lookup. */
    private final boolean filtered;

    ContextDataFields(boolean nested, Set<String> includes, Set<String> excludes) {
        this.nested = nested;
        this.includes = includes == null || includes.isEmpty() ? null : Set.copyOf(includes);
        this.excludes = Set.copyOf(excludes);
        this.includeKeys = this.includes == null ? new String[0] : this.includes.toArray(new String[0]);
        this.excludeKeys = this.excludes.toArray(new String[0]);
        this.filtered = this.includes != null || !this.excludes.isEmpty();
    }

    @Override
    public boolean isFlattening() {
        return !nested;
    }

    /**
     * Nested: whether any entry is accepted, so that an event without one has no empty object. Asked
     * of the map by key, not by iterating it, so it allocates nothing.
     */
    @Override
    public boolean isPresent(LogEvent event) {
        ReadOnlyStringMap data = event.getContextData();
        if (data == null || data.isEmpty()) {
            return false;
        }
        if (!nested) {
            return true;
        }
        if (includes != null) {
            for (String key : includeKeys) {
                if (data.containsKey(key) && !excludes.contains(key)) {
                    return true;
                }
            }
            return false;
        }
        int excluded = 0;
        for (String key : excludeKeys) {
            if (data.containsKey(key)) {
                excluded++;
            }
        }
        return data.size() > excluded;
    }

    @Override
    PresenceGuard<LogEvent> presenceGuard() {
        return PresenceGuard.HAS_CONTEXT;
    }

    @Override
    public void write(LogEvent event, JsonWriter out, EventScratch scratch) {
        ReadOnlyStringMap data = event.getContextData();
        if (nested) {
            out.openObject(ReservedKeys.NONE);
        }
        if (data != null) {
            Loop loop = scratch.contextLoop;
            loop.start(this, out, event);
            try {
                data.forEach(FLAT, loop);
            } finally {
                loop.finish();
            }
        }
        if (nested) {
            out.closeObject();
        }
    }

    boolean accepts(String key) {
        return !filtered || (includes == null || includes.contains(key)) && !excludes.contains(key);
    }
}
