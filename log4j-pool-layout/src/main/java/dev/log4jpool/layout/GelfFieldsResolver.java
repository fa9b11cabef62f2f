package dev.log4jpool.layout;

import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.util.IndexedReadOnlyStringMap;
import org.apache.logging.log4j.util.ReadOnlyStringMap;
import org.apache.logging.log4j.util.TriConsumer;

/**
 * Ours: {@code {"$resolver": "gelfFields"}}, a flattening resolver that writes a
 * {@code StructuredMessage}'s typed fields and then the thread context (without the trace context's
 * entries that the GELF schema writes as {@code _trace_id}, {@code _span_id}, {@code _trace_flags},
 * see {@link TraceKeys}) as
 * GELF 1.1 additional fields:
 * <ul>
 * <li>every name is prefixed with {@code _};</li>
 * <li>a char outside {@code [A-Za-z0-9_.-]} (GELF's {@code ^[\w\.\-]*$}) is replaced with {@code _}
 *     ({@code user name} becomes {@code _user_name}, {@code ключ} {@code _____});</li>
 * <li>the key {@code id} is written {@code _id_}: GELF reserves {@code _id} (Graylog would drop it);</li>
 * <li>values: strings and numbers as they are; booleans as the strings {@code "true"} and
 *     {@code "false"} (GELF knows strings and numbers only, and Graylog's GELF input drops any other
 *     JSON type without a word); a {@code null} value is left out (Graylog drops it too); another
 *     object from the context is written as its text.</li>
 * </ul>
 * A name that is already taken (a fixed member such as {@code _logger}, or a field and a context entry
 * of one name) gets another {@code _} in front, as everywhere in the layout ({@link JsonWriter#dynamicName}).
 *
 * <p>Allocation: none, for an indexed context map (Log4j's default); the renamed name is a reusable
 * view kept in the {@link EventScratch}.
 */
final class GelfFieldsResolver {
    private GelfFieldsResolver() {
    }

    static TemplateNode<LogEvent> create(ResolverOptions options, TemplateContext context) {
        return new Fields(new TraceKeys(context));
    }

    /** Whether {@code c} may stand in a GELF field name as it is. */
    static boolean isNameChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '-';
    }

    /** {@code id}: GELF reserves {@code _id}, so it is written {@code _id_}. */
    static boolean isId(CharSequence key) {
        return key.length() == 2 && key.charAt(0) == 'i' && key.charAt(1) == 'd';
    }

    /**
     * {@code key} as GELF allows it after the {@code _} prefix: the key itself when it is one already
     * (most are; the writer then copies it in bulk), else {@code view} reading it renamed.
     */
    static CharSequence fieldName(CharSequence key, FieldName view) {
        int length = key.length();
        if (isId(key)) {
            return view.of(key);
        }
        for (int i = 0; i < length; i++) {
            if (!isNameChar(key.charAt(i))) {
                return view.of(key);
            }
        }
        return key;
    }

    /**
     * A key as GELF allows it after the {@code _} prefix: invalid chars read as {@code _}, and
     * {@code id} read as {@code id_}. A reusable view (one per scratch), valid until the next {@link #of}.
     */
    static final class FieldName implements CharSequence {
        private CharSequence key = "";
        private int length;

        FieldName of(CharSequence source) {
            key = source;
            length = source.length() + (isId(source) ? 1 : 0);
            return this;
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(int index) {
            if (index >= key.length()) {
                return '_';
            }
            char c = key.charAt(index);
            return isNameChar(c) ? c : '_';
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return toString().subSequence(start, end);
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder(length);
            for (int i = 0; i < length; i++) {
                text.append(charAt(i));
            }
            return text.toString();
        }

        void clear() {
            key = "";
            length = 0;
        }
    }

    static final class Fields extends TemplateNode<LogEvent> {
        private static final String PREFIX = "_";
        private final TraceKeys traceKeys;

        Fields(TraceKeys traceKeys) {
            this.traceKeys = traceKeys;
        }

        @Override
        public boolean isFlattening() {
            return true;
        }

        @Override
        public boolean isPresent(LogEvent event, EventScratch scratch) {
            return StructuredResolver.hasFields(scratch) || hasContext(event);
        }

        private boolean hasContext(LogEvent event) {
            ReadOnlyStringMap map = event.getContextData();
            if (map == null || map.isEmpty()) {
                return false;
            }
            return map.size() > traceKeys.countIn(map);
        }

        @Override
        public void write(LogEvent event, JsonWriter out, EventScratch scratch) {
            FieldName name = scratch.gelfFieldName;
            try {
                if (StructuredResolver.hasFields(scratch)) {
                    writeStructured(scratch.structured, out, name);
                }
                ReadOnlyStringMap map = event.getContextData();
                if (map instanceof IndexedReadOnlyStringMap) {
                    IndexedReadOnlyStringMap indexed = (IndexedReadOnlyStringMap) map;
                    for (int i = 0, size = indexed.size(); i < size; i++) {
                        entry(indexed.getKeyAt(i), indexed.getValueAt(i), out, scratch);
                    }
                } else if (map != null) {
                    map.forEach(Visit.ENTRY, new Visit(this, out, scratch));
                }
            } finally {
                name.clear();
            }
        }

        private static void writeStructured(StructuredText structured, JsonWriter out, FieldName name) {
            char[] chars = structured.chars();
            for (int i = 0, count = structured.memberCount(); i < count; i++) {
                int start = structured.valueStart(i);
                int length = structured.valueLength(i);
                if (structured.isString(i)) {
                    out.dynamicName(PREFIX, fieldName(structured.key(i), name));
                    out.stringValue(chars, start, length);
                    continue;
                }
                char first = chars[start];
                if (first == 'n') {
                    continue; // null: GELF has no null
                }
                out.dynamicName(PREFIX, fieldName(structured.key(i), name));
                if (first == 't') {
                    out.stringValue("true");
                } else if (first == 'f') {
                    out.stringValue("false");
                } else {
                    out.raw(chars, start, length); // a number, as the message wrote it
                }
            }
        }

        void entry(String key, Object value, JsonWriter out, EventScratch scratch) {
            if (value == null) {
                return;
            }
            if (traceKeys.isTraceField(key, value)) {
                return;
            }
            out.dynamicName(PREFIX, fieldName(key == null ? "null" : key, scratch.gelfFieldName));
            if (value instanceof Boolean) {
                out.stringValue(((Boolean) value) ? "true" : "false");
                return;
            }
            Throwable failure = scratch.typedValues.writeContained(value, !(value instanceof Number));
            if (failure != null) {
                out.settings().failures.report("the value of " + key, scratch.event, failure);
            }
        }
    }

    /** The walk over a map that cannot be read by index. */
    static final class Visit {
        static final TriConsumer<String, Object, Visit> ENTRY = (key, value, visit) ->
                visit.fields.entry(key, value, visit.out, visit.scratch);

        private final Fields fields;
        private final JsonWriter out;
        private final EventScratch scratch;

        Visit(Fields fields, JsonWriter out, EventScratch scratch) {
            this.fields = fields;
            this.out = out;
            this.scratch = scratch;
        }
    }
}
