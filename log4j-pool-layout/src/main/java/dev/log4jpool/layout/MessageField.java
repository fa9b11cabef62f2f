package dev.log4jpool.layout;

import dev.log4jpool.message.StructuredFields;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.message.MapMessage;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.util.StringBuilderFormattable;

/**
 * The message text. A structured message contributes its own text (its fields follow as members,
 * see {@link MessageFields}); a {@link MapMessage} has no text apart from its entries, so it writes
 * no member here. {@code StringBuilderFormattable} messages (parameterized messages, Log4j's
 * reusable events) format into the writer's scratch builder; anything else through
 * {@code getFormattedMessage()}. A message whose formatting throws is written as a marker.
 */
final class MessageField implements FieldWriter {
    private final char[] name;

    MessageField(char[] name) {
        this.name = name;
    }

    @Override
    public void write(LogEvent event, JsonWriter out) {
        Message message = event.getMessage();
        StructuredFields fields = out.fields;
        if (fields != null) {
            out.name(name);
            out.stringValue(fields.message());
            return;
        }
        // (A structured message whose fields were lost, see StructuredFields.isCurrentFor, falls
        // through to its readable text.)
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
