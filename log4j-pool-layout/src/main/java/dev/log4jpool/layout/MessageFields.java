package dev.log4jpool.layout;

import dev.log4jpool.message.FieldKind;
import dev.log4jpool.message.StructuredFields;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.message.MapMessage;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.util.TriConsumer;

/**
 * The message's own fields as members of the root object: the typed slots of a
 * {@link dev.log4jpool.message.StructuredMessage}, or the entries of a {@link MapMessage}
 * ({@code StringMapMessage} values are strings; other map values keep their JSON type: numbers,
 * booleans, text). Keys go through {@link JsonWriter#dynamicName}, so a key that is already taken
 * is renamed, never duplicated.
 */
final class MessageFields implements FieldWriter {
    /** A constant: passing the writer as the state keeps iteration allocation-free. */
    private static final TriConsumer<String, Object, JsonWriter> MAP_ENTRY = (key, value, out) -> {
        out.dynamicName(key);
        out.objectValue(value);
    };

    @Override
    public void write(LogEvent event, JsonWriter out) {
        StructuredFields fields = out.fields;
        if (fields != null) {
            writeStructured(fields, out);
            return;
        }
        Message message = event.getMessage();
        if (message instanceof MapMessage) {
            ((MapMessage<?, ?>) message).forEach(MAP_ENTRY, out);
        }
    }

    private static void writeStructured(StructuredFields fields, JsonWriter out) {
        for (int i = 0, size = fields.size(); i < size; i++) {
            out.dynamicName(fields.key(i));
            switch (fields.kind(i)) {
                case FieldKind.LONG:
                    out.longValue(fields.longValue(i));
                    break;
                case FieldKind.DOUBLE:
                    out.doubleValue(fields.doubleValue(i));
                    break;
                case FieldKind.BOOLEAN:
                    out.booleanValue(fields.booleanValue(i));
                    break;
                case FieldKind.STRING:
                    out.stringValue(fields.stringValue(i));
                    break;
                case FieldKind.TEXT:
                    out.stringValue(fields.textArray(), fields.textStart(i), fields.textLength(i));
                    break;
                default:
                    out.nullValue();
            }
        }
    }
}
