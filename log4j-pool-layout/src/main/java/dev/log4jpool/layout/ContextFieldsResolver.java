package dev.log4jpool.layout;

import java.util.List;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.util.IndexedReadOnlyStringMap;
import org.apache.logging.log4j.util.ReadOnlyStringMap;
import org.apache.logging.log4j.util.TriConsumer;

/**
 * Ours: {@code {"$resolver": "contextFields"}}, the thread context (MDC) as the {@code mdc} resolver
 * writes it (an object; {@code "flatten": true} or {@code {"prefix": "p"}} for members of the
 * enclosing object; {@code "stringified": true} for string values), but without the entries a schema
 * writes elsewhere: the trace context's entries (under the layout's {@code traceIdKey},
 * {@code spanIdKey}, {@code traceFlagsKey}) whose values {@code traceContext} writes, see
 * {@link TraceKeys} ({@code "excludeTraceContext": false} keeps them), and the keys listed in
 * {@code "excludes"}. So a schema that writes the trace id in its own field ({@code trace.id},
 * {@code logging.googleapis.com/trace}) does not write it twice. A context with nothing left leaves
 * the member out.
 *
 * <p>Allocation: none for a context map that is indexed (Log4j's own {@code SortedArrayStringMap},
 * the default), whose entries are read by index; another map implementation is walked with a small
 * visitor made per event.
 */
final class ContextFieldsResolver {
    private ContextFieldsResolver() {
    }

    static TemplateNode<LogEvent> create(ResolverOptions options, TemplateContext context) {
        StringMapResolvers.Flatten flatten = StringMapResolvers.Flatten.read(options);
        boolean stringified = options.bool("stringified", false);
        TraceKeys traceKeys = options.bool("excludeTraceContext", true) ? new TraceKeys(context) : null;
        List<String> listed = options.strings("excludes");
        String[] excluded = listed == null ? new String[0] : listed.toArray(new String[0]);
        Entries entries = new Entries(excluded, traceKeys, stringified);
        return flatten.enabled ? new Flat(entries, flatten.prefix) : new Nested(entries);
    }

    /** The entries to write and how: shared by both forms. */
    static final class Entries {
        private final String[] excluded;
        /** {@code null}: the trace context's entries are written like any other. */
        private final TraceKeys traceKeys;
        private final boolean stringified;

        Entries(String[] excluded, TraceKeys traceKeys, boolean stringified) {
            this.excluded = excluded;
            this.traceKeys = traceKeys;
            this.stringified = stringified;
        }

        boolean isExcluded(String key, Object value) {
            for (String candidate : excluded) {
                if (candidate.equals(key)) {
                    return true;
                }
            }
            return traceKeys != null && traceKeys.isTraceField(key, value);
        }

        /** Whether the context has an entry that is not excluded (each excluded key is one lookup). */
        boolean any(LogEvent event) {
            ReadOnlyStringMap map = event.getContextData();
            if (map == null || map.isEmpty()) {
                return false;
            }
            int hidden = traceKeys == null ? 0 : traceKeys.countIn(map);
            for (String key : excluded) {
                if (map.containsKey(key)) {
                    hidden++;
                }
            }
            return map.size() > hidden;
        }

        void write(LogEvent event, JsonWriter out, EventScratch scratch, String prefix) {
            ReadOnlyStringMap map = event.getContextData();
            if (map instanceof IndexedReadOnlyStringMap) {
                IndexedReadOnlyStringMap indexed = (IndexedReadOnlyStringMap) map;
                for (int i = 0, size = indexed.size(); i < size; i++) {
                    entry(indexed.getKeyAt(i), indexed.getValueAt(i), out, scratch, prefix);
                }
            } else if (map != null) {
                map.forEach(Visit.ENTRY, new Visit(this, out, scratch, prefix));
            }
        }

        void entry(String key, Object value, JsonWriter out, EventScratch scratch, String prefix) {
            if (isExcluded(key, value)) {
                return;
            }
            if (prefix == null) {
                out.dynamicName(key);
            } else {
                out.dynamicName(prefix, key);
            }
            Throwable failure = scratch.typedValues.writeContained(value, stringified);
            if (failure != null) {
                out.settings().failures.report("the value of " + key, scratch.event, failure);
            }
        }
    }

    /** The walk over a map that cannot be read by index. */
    static final class Visit {
        static final TriConsumer<String, Object, Visit> ENTRY = (key, value, visit) ->
                visit.entries.entry(key, value, visit.out, visit.scratch, visit.prefix);

        private final Entries entries;
        private final JsonWriter out;
        private final EventScratch scratch;
        private final String prefix;

        Visit(Entries entries, JsonWriter out, EventScratch scratch, String prefix) {
            this.entries = entries;
            this.out = out;
            this.scratch = scratch;
            this.prefix = prefix;
        }
    }

    /** The entries as an object of their own ({@code "labels": {…}}). */
    static final class Nested implements TemplateNode<LogEvent> {
        private final Entries entries;

        Nested(Entries entries) {
            this.entries = entries;
        }

        @Override
        public boolean isPresent(LogEvent event) {
            return entries.any(event);
        }

        @Override
        public void write(LogEvent event, JsonWriter out, EventScratch scratch) {
            if (!entries.any(event)) {
                out.nullValue(); // only reached in an array, which writes every element
                return;
            }
            out.openObject(ReservedKeys.NONE);
            entries.write(event, out, scratch, null);
            out.closeObject();
        }
    }

    /** The entries as members of the enclosing object. */
    static final class Flat implements TemplateNode<LogEvent> {
        private final Entries entries;
        /** {@code null}: keys as they are. */
        private final String prefix;

        Flat(Entries entries, String prefix) {
            this.entries = entries;
            this.prefix = prefix;
        }

        @Override
        public boolean isFlattening() {
            return true;
        }

        @Override
        public boolean isPresent(LogEvent event) {
            return entries.any(event);
        }

        @Override
        public void write(LogEvent event, JsonWriter out, EventScratch scratch) {
            entries.write(event, out, scratch, prefix);
        }
    }
}
