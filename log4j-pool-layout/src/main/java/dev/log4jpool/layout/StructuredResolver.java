package dev.log4jpool.layout;

import org.apache.logging.log4j.core.LogEvent;

/**
 * Our {@code structured} resolver: the typed fields of a {@link dev.log4jpool.message.StructuredMessage}
 * (carried in its readable text and taken apart once per event by {@link StructuredText}), as an
 * object ({@code {"$resolver": "structured"}} writes {@code {"orderId":42,"express":true}}: numbers
 * and booleans keep their JSON type, strings are escaped and cut with the layout's settings) or, with
 * {@code "flatten": true} or {@code {"prefix": "p."}}, as members of the enclosing object. With
 * {@code "field": "message"} it writes the message's readable text <em>without</em> the fields
 * ({@code "order placed"}; {@code "blank": "-"} writes {@code "-"} instead of a text that is empty or
 * white space), and for any other message the message's text as the {@code message}
 * resolver writes it, so a template can write the human text and the typed fields side by side
 * (JsonTemplateLayout's {@code message} resolver writes the whole text, fields included).
 *
 * <p>An event whose message is not structured, or is structured without fields, has nothing here:
 * the member is left out (in an array, {@code null}), as the {@code map} resolver leaves out an event
 * without map entries. Flattened keys equal to a configured member's name are renamed with {@code _}
 * ({@link JsonWriter#dynamicName}). Allocation-free in every mode.
 */
final class StructuredResolver {
    private StructuredResolver() {}

    static TemplateNode<LogEvent> create(ResolverOptions options, TemplateContext context) {
        if (options.choice("field", "fields", "fields", "message").equals("message")) {
            if (options.has("flatten")) {
                throw options.error("flatten", "does not apply to \"field\": \"message\" (the text is one string)");
            }
            String blank = options.string("blank", null);
            return new Text(blank == null ? null : context.quoted(blank));
        }
        StringMapResolvers.Flatten flatten = StringMapResolvers.Flatten.read(options);
        return flatten.enabled ? new FlatFields(flatten.prefix) : new Fields();
    }

    /** Whether this event's message was taken apart into at least one field. */
    static boolean hasFields(EventScratch scratch) {
        StructuredText structured = scratch.structured;
        return structured.active() && structured.memberCount() > 0;
    }

    /** The fields as members of the object being written, each key after {@code prefix} when there is one. */
    static void writeMembers(StructuredText structured, JsonWriter out, String prefix) {
        char[] chars = structured.chars();
        for (int i = 0, count = structured.memberCount(); i < count; i++) {
            if (prefix == null) {
                out.dynamicName(structured.key(i));
            } else {
                out.dynamicName(prefix, structured.key(i));
            }
            if (structured.isString(i)) {
                out.stringValue(chars, structured.valueStart(i), structured.valueLength(i));
            } else {
                out.raw(chars, structured.valueStart(i), structured.valueLength(i)); // a number or a literal, as the message wrote it
            }
        }
    }

    /** {@code "field": "message"}: the readable text before the fields; another message's text. */
    static final class Text extends TemplateNode<LogEvent> {
        /**
         * {@code "blank"}: the JSON string written instead of a text that is empty or only white space
         * ({@code null}: the text as it is). GELF's {@code short_message} must not be blank: Graylog
         * refuses such a message whole.
         */
        private final char[] blank;

        Text(char[] blank) {
            this.blank = blank;
        }

        @Override
        public void write(LogEvent event, JsonWriter out, EventScratch scratch) {
            long start = out.checkpoint();
            writeText(event, out, scratch);
            if (blank != null && out.isBlankStringSince(start)) {
                out.rollback(start);
                out.raw(blank);
            }
        }

        private static void writeText(LogEvent event, JsonWriter out, EventScratch scratch) {
            StructuredText structured = scratch.structured;
            if (!structured.active()) {
                MessageResolver.writeText(event, out, scratch);
                return;
            }
            int end = structured.messageEnd();
            if (end < 0) {
                out.stringValue("null"); // StructuredMessage.of(null): Log4j's text for a null message
            } else {
                out.stringValue(structured.chars(), 0, end);
            }
        }
    }

    /** The fields as an object of their own. */
    static final class Fields extends TemplateNode<LogEvent> {
        @Override
        public boolean isPresent(LogEvent event, EventScratch scratch) {
            return hasFields(scratch);
        }

        @Override
        public void write(LogEvent event, JsonWriter out, EventScratch scratch) {
            if (!hasFields(scratch)) {
                out.nullValue(); // only reached in an array, which writes every element
                return;
            }
            out.openObject(ReservedKeys.NONE);
            writeMembers(scratch.structured, out, null);
            out.closeObject();
        }
    }

    /** The fields as members of the enclosing object. */
    static final class FlatFields extends TemplateNode<LogEvent> {
        /** {@code null}: keys as they are. */
        private final String prefix;

        FlatFields(String prefix) {
            this.prefix = prefix;
        }

        @Override
        public boolean isFlattening() {
            return true;
        }

        @Override
        public boolean isPresent(LogEvent event, EventScratch scratch) {
            return hasFields(scratch);
        }

        @Override
        public void write(LogEvent event, JsonWriter out, EventScratch scratch) {
            if (hasFields(scratch)) {
                writeMembers(scratch.structured, out, prefix);
            }
        }
    }
}
