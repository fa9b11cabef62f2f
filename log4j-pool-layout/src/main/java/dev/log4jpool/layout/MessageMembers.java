package dev.log4jpool.layout;

import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.message.MapMessage;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.util.TriConsumer;

/**
 * What the layout writes of the event's message, as two writers that stand next to each other in
 * the member order: {@link Text}, the {@code message} member (left out with an empty
 * {@code messageKey}), then {@link Fields}, the message's own typed fields. Two writers, so that a
 * failure in one costs only its members.
 */
final class MessageMembers {
    private MessageMembers() {}

    /**
     * The message text. A structured message contributes the text before its fields (the fields follow
     * as members, see {@link Fields} and {@link StructuredText}); a {@link MapMessage} has no text apart from its entries, so it writes
     * no member here. {@code StringBuilderFormattable} messages (parameterized messages, Log4j's
     * reusable events) format into the writer's scratch builder; anything else through
     * {@code getFormattedMessage()}. A message whose formatting throws is written as a marker.
     *
     * <p>A null message is the text Log4j formats for it, {@code "null"}: {@code logger.info((String) null)},
     * {@code new SimpleMessage(null)} and {@code StructuredMessage.of(null)} alike (the async path only
     * ever sees that text, so no other rule could hold on every path). Only an event without a
     * {@code Message} object at all, which Log4j's loggers never make, has {@code "message":null}.
     */
    static final class Text extends TemplateNode<LogEvent> {
        /** A {@code MapMessage} is all entries: no text member (a structured message is never one). */
        @Override
        public boolean isPresent(LogEvent event) {
            return !(event.getMessage() instanceof MapMessage);
        }

        @Override
        public void write(LogEvent event, JsonWriter out, EventScratch scratch) {
            Message message = event.getMessage();
            StructuredText structured = scratch.structured;
            if (structured.active()) {
                int end = structured.messageEnd();
                if (end < 0) {
                    out.stringValue("null"); // StructuredMessage.of(null): Log4j's text for a null message
                } else {
                    out.stringValue(structured.chars(), 0, end);
                }
                return;
            }
            if (message == null) {
                out.nullValue();
            } else if (message.getClass() == SimpleMessage.class) {
                out.stringValue(message.getFormattedMessage()); // the String it was made with: no copy
            } else {
                MessageResolver.writeFormatted(message, out, scratch);
            }
        }
    }

    /**
     * The message's own fields as members of the root object: the members of the JSON object that ends
     * a {@link dev.log4jpool.message.StructuredMessage}'s text (see {@link StructuredText}; strings are
     * escaped again with this layout's settings, numbers and literals copied), or the entries of a
     * {@link MapMessage}
     * ({@code StringMapMessage} values are strings; other map values keep their JSON type: numbers,
     * booleans, text). Keys go through {@link JsonWriter#dynamicName}, so a key that is already taken
     * (as written: sanitised and cut) is renamed, never duplicated. A map value whose reading throws
     * is written as a marker; the other entries are written as usual.
     */
    static final class Fields extends TemplateNode<LogEvent> {
        @Override
        public boolean isFlattening() {
            return true;
        }

        /** A constant: passing the scratch as the state keeps iteration allocation-free. */
        private static final TriConsumer<String, Object, EventScratch> MAP_ENTRY = (key, value, scratch) -> {
            JsonWriter out = scratch.writer;
            out.dynamicName(key);
            Throwable failure = out.memberValue(value);
            if (failure != null) {
                out.settings().failures.report("a value of " + value.getClass().getName(), scratch.event, failure);
            }
        };

        @Override
        public void write(LogEvent event, JsonWriter out, EventScratch scratch) {
            StructuredText structured = scratch.structured;
            if (structured.active()) {
                writeStructured(structured, out);
                return;
            }
            Message message = event.getMessage();
            if (message instanceof MapMessage) {
                ((MapMessage<?, ?>) message).forEach(MAP_ENTRY, scratch);
            }
        }

        private static void writeStructured(StructuredText structured, JsonWriter out) {
            char[] chars = structured.chars();
            for (int i = 0, count = structured.memberCount(); i < count; i++) {
                out.dynamicName(structured.key(i));
                if (structured.isString(i)) {
                    out.stringValue(chars, structured.valueStart(i), structured.valueLength(i));
                } else {
                    out.raw(chars, structured.valueStart(i), structured.valueLength(i));
                }
            }
        }
    }
}
