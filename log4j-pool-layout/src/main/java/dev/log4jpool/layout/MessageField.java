package dev.log4jpool.layout;

import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.message.MapMessage;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.util.StringBuilderFormattable;

/**
 * The message text. A structured message contributes the text before its fields (the fields follow
 * as members, see {@link MessageFields} and {@link StructuredText}); a {@link MapMessage} has no text apart from its entries, so it writes
 * no member here. {@code StringBuilderFormattable} messages (parameterized messages, Log4j's
 * reusable events) format into the writer's scratch builder; anything else through
 * {@code getFormattedMessage()}. A message whose formatting throws is written as a marker.
 *
 * <p>A null message is the text Log4j formats for it, {@code "null"}: {@code logger.info((String) null)},
 * {@code new SimpleMessage(null)} and {@code StructuredMessage.of(null)} alike (the async path only
 * ever sees that text, so no other rule could hold on every path). Only an event without a
 * {@code Message} object at all, which Log4j's loggers never make, has {@code "message":null}.
 */
final class MessageField implements FieldWriter {
    private final char[] name;

    MessageField(char[] name) {
        this.name = name;
    }

    @Override
    public void write(LogEvent event, JsonWriter out) {
        Message message = event.getMessage();
        StructuredText structured = out.structured;
        if (structured.active()) {
            out.name(name);
            int end = structured.messageEnd();
            if (end < 0) {
                out.stringValue("null"); // StructuredMessage.of(null): Log4j's text for a null message
            } else {
                out.stringValue(structured.chars(), 0, end);
            }
            return;
        }
        if (message instanceof MapMessage) {
            return;
        }
        out.name(name);
        if (message == null) {
            out.nullValue();
        } else if (message.getClass() == SimpleMessage.class) {
            out.stringValue(message.getFormattedMessage()); // the String it was made with: no copy
        } else if (message instanceof StringBuilderFormattable) {
            StringBuilder text = out.scratch;
            text.setLength(0);
            try {
                ((StringBuilderFormattable) message).formatTo(text);
            } catch (Throwable failure) { // NOPMD: a broken message must not lose the event
                text.append(" [message formatting threw ").append(failure.getClass().getName()).append(']');
            }
            out.stringValue(text);
        } else {
            String text;
            try {
                text = message.getFormattedMessage();
            } catch (Throwable failure) { // NOPMD: see above
                text = "[message formatting threw " + failure.getClass().getName() + "]";
            }
            out.stringValue(text);
        }
    }
}
