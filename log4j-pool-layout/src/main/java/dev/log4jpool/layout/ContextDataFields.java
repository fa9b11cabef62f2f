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
final class ContextDataFields implements FieldWriter {
    /** Constants taking the loop as state, so that iteration allocates nothing. */
    private static final TriConsumer<String, Object, Loop> FLAT = (key, value, loop) -> {
        if (loop.fields.accepts(key)) {
            loop.out.dynamicName(key);
            loop.value(value);
        }
    };

    private static final TriConsumer<String, Object, Loop> NESTED = (key, value, loop) -> {
        if (loop.fields.accepts(key)) {
            if (!loop.opened) {
                loop.out.name(loop.fields.nestedName);
                loop.out.openObject(ReservedKeys.NONE);
                loop.opened = true;
            }
            loop.out.dynamicName(key);
            loop.value(value);
        }
    };

    /** The state of one iteration over an event's context; one per {@link EventScratch}. */
    static final class Loop {
        private ContextDataFields fields;
        private JsonWriter out;
        private LogEvent event;
        /** Whether the nested context object has been opened for this event. */
        private boolean opened;

        private void start(ContextDataFields owner, JsonWriter writer, LogEvent logEvent) {
            fields = owner;
            out = writer;
            event = logEvent;
            opened = false;
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
            opened = false;
        }
    }

    /** {@code null} when flattened. */
    private final char[] nestedName;
    /** {@code null}: every key. */
    private final Set<String> includes;
    private final Set<String> excludes;

    ContextDataFields(char[] nestedName, Set<String> includes, Set<String> excludes) {
        this.nestedName = nestedName;
        this.includes = includes == null || includes.isEmpty() ? null : Set.copyOf(includes);
        this.excludes = Set.copyOf(excludes);
    }

    @Override
    public void write(LogEvent event, JsonWriter out, EventScratch scratch) {
        ReadOnlyStringMap data = event.getContextData();
        if (data == null || data.isEmpty()) {
            return;
        }
        Loop loop = scratch.contextLoop;
        loop.start(this, out, event);
        try {
            if (nestedName == null) {
                data.forEach(FLAT, loop);
            } else {
                data.forEach(NESTED, loop);
                if (loop.opened) {
                    out.closeObject();
                }
            }
        } finally {
            loop.finish();
        }
    }

    boolean accepts(String key) {
        return (includes == null || includes.contains(key)) && !excludes.contains(key);
    }
}
