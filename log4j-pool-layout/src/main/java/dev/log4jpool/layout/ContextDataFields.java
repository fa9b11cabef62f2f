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
    /** Constants taking the writer as state, so that iteration allocates nothing. */
    private static final TriConsumer<String, Object, JsonWriter> FLAT = (key, value, out) -> {
        if (out.contextFilter.accepts(key)) {
            out.dynamicName(key);
            out.memberValue(value);
        }
    };

    private static final TriConsumer<String, Object, JsonWriter> NESTED = (key, value, out) -> {
        ContextDataFields self = out.contextFilter;
        if (self.accepts(key)) {
            if (!out.contextOpened) {
                out.name(self.nestedName);
                out.openNestedObject();
                out.contextOpened = true;
            }
            out.dynamicName(key);
            out.memberValue(value);
        }
    };

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
    public void write(LogEvent event, JsonWriter out) {
        ReadOnlyStringMap data = event.getContextData();
        if (data == null || data.isEmpty()) {
            return;
        }
        out.contextFilter = this;
        try {
            if (nestedName == null) {
                data.forEach(FLAT, out);
            } else {
                out.contextOpened = false;
                data.forEach(NESTED, out);
                if (out.contextOpened) {
                    out.closeNestedObject();
                }
            }
        } finally {
            out.contextFilter = null;
            out.contextOpened = false;
        }
    }

    boolean accepts(String key) {
        return (includes == null || includes.contains(key)) && !excludes.contains(key);
    }
}
