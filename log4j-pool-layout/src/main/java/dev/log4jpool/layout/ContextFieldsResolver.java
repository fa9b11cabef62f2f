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
 * {@link TraceKeys} ({@code "excludeTraceContext": false} keeps them; a list of {@code "traceId"},
 * {@code "spanId"}, {@code "traceFlags"} leaves out only those, for a schema without a field for the
 * others, as ECS has none for the flags), and the keys listed in
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
        TraceKeys traceKeys = traceKeys(options, context);
        List<String> listed = options.strings("excludes");
        // Each key once: any() counts the excluded entries present.
        String[] excluded = listed == null ? new String[0] : new java.util.LinkedHashSet<>(listed).toArray(new String[0]);
        Entries entries = new Entries(excluded, traceKeys, stringified);
        return flatten.enabled ? new Flat(entries, flatten.prefix) : new Nested(entries);
    }

    /** {@code excludeTraceContext}: {@code true} (the default), {@code false}, or a list of fields. */
    private static TraceKeys traceKeys(ResolverOptions options, TemplateContext context) {
        Object value = options.raw("excludeTraceContext");
        if (value == null || Boolean.TRUE.equals(value)) {
            return new TraceKeys(context);
        }
        if (Boolean.FALSE.equals(value)) {
            return null;
        }
        if (value instanceof List && !((List<?>) value).isEmpty() && TraceKeys.FIELDS.containsAll((List<?>) value)) {
            List<String> fields = new java.util.ArrayList<>();
            for (Object field : (List<?>) value) {
                fields.add((String) field);
            }
            return new TraceKeys(context, fields);
        }
        throw options.error("excludeTraceContext", "must be true, false or a list of " + TraceKeys.FIELDS + ", was " + value);
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
            if (map instanceof IndexedReadOnlyStringMap) {
                IndexedReadOnlyStringMap indexed = (IndexedReadOnlyStringMap) map;
                for (int i = 0, size = indexed.size(); i < size; i++) {
                    if (!isExcluded(indexed.getKeyAt(i), indexed.getValueAt(i))) {
                        return true;
                    }
                }
                return false;
            }
            // Another map: count what is left out, each entry once (an excluded key that is also a
            // trace entry is counted as the latter).
            int hidden = traceKeys == null ? 0 : traceKeys.countIn(map);
            for (String key : excluded) {
                if (map.containsKey(key) && (traceKeys == null || !traceKeys.isTraceField(key, map.getValue(key)))) {
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
    static final class Nested extends TemplateNode<LogEvent> {
        private final Entries entries;

        Nested(Entries entries) {
            this.entries = entries;
        }

        @Override
        public boolean isPresent(LogEvent event) {
            return entries.any(event);
        }

        @Override
        PresenceGuard<LogEvent> presenceGuard() {
            return PresenceGuard.HAS_CONTEXT;
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
    static final class Flat extends TemplateNode<LogEvent> {
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
        PresenceGuard<LogEvent> presenceGuard() {
            return PresenceGuard.HAS_CONTEXT;
        }

        @Override
        public void write(LogEvent event, JsonWriter out, EventScratch scratch) {
            entries.write(event, out, scratch, prefix);
        }
    }
}
