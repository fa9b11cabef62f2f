package dev.log4jpool.layout;

import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.message.MapMessage;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.util.TriConsumer;

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
final class MessageFields implements FieldWriter {
    /** A constant: passing the writer as the state keeps iteration allocation-free. */
    private static final TriConsumer<String, Object, JsonWriter> MAP_ENTRY = (key, value, out) -> {
        out.dynamicName(key);
        out.memberValue(value);
    };

    @Override
    public void write(LogEvent event, JsonWriter out) {
        StructuredText structured = out.structured;
        if (structured.active()) {
            writeStructured(structured, out);
            return;
        }
        Message message = event.getMessage();
        if (message instanceof MapMessage) {
            ((MapMessage<?, ?>) message).forEach(MAP_ENTRY, out);
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
