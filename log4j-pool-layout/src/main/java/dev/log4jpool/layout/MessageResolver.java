package dev.log4jpool.layout;

import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.message.MapMessage;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.MultiformatMessage;
import org.apache.logging.log4j.message.ObjectMessage;
import org.apache.logging.log4j.message.ReusableSimpleMessage;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.message.StringMapMessage;
import org.apache.logging.log4j.util.IndexedReadOnlyStringMap;
import org.apache.logging.log4j.util.StringBuilderFormattable;

/**
 * The {@code message} resolver, with JsonTemplateLayout's options and meanings.
 * <ul>
 * <li>{@code "stringified": true}: the message's text as a string.</li>
 * <li>Otherwise (the default) a message that has JSON of its own keeps its JSON type: a
 *     {@code MultiformatMessage} that lists the {@code JSON} format (a {@code MapMessage}: its entries as
 *     an object, values typed), an {@code ObjectMessage} (its parameter as {@link TypedValues} writes
 *     it: a list as an array, a number as a number). Any other message is its text, as a string, or with
 *     {@code "fallbackKey": "k"} as {@code {"k": "text"}} (so that the member is an object for every
 *     event). {@code fallbackKey} and {@code stringified} exclude each other.</li>
 * </ul>
 *
 * <p><b>A {@link dev.log4jpool.message.StructuredMessage}</b> is written as JsonTemplateLayout writes
 * it: its whole readable text, the JSON object of its fields included ({@code order placed
 * {"orderId":42}}), so that a template written for JsonTemplateLayout loses nothing. A template that
 * wants the fields typed writes them with the {@code structured} resolver, and the text without them
 * with {@code {"$resolver": "structured", "field": "message"}} (see {@link StructuredResolver}).
 *
 * <p><b>Differences from JsonTemplateLayout, all stricter</b>: the JSON of a {@code MultiformatMessage}
 * other than {@code MapMessage}/{@code StringMapMessage} is parsed and written again (JsonTemplateLayout
 * copies it unread, so invalid JSON from a message made its line invalid; here the member fails, with a
 * marker); a {@code MapMessage}'s string values are cut at {@code maxStringLength} and its NaN and
 * infinite numbers are strings (Log4j 2.25's map formatter writes them bare, which is not JSON); a message
 * whose formatting throws is written as its text so far and a marker (JsonTemplateLayout loses the event).
 *
 * <p><b>Allocation</b>: none per event for text messages (read in place when they are
 * {@code CharSequence}s, formatted into the scratch builder when {@code StringBuilderFormattable}),
 * structured messages, {@code MapMessage}/{@code StringMapMessage} (written from their indexed map, not
 * through their JSON text) and an {@code ObjectMessage} whose parameter {@link TypedValues} writes without
 * allocating (a string, a boxed number or boolean, a {@code RandomAccess} list or a {@code HashMap} of them,
 * …). Other {@code MultiformatMessage}s allocate their JSON text and its parse.
 */
final class MessageResolver {
    /** What a {@code MultiformatMessage} is asked for; shared, as JsonTemplateLayout shares its own. */
    private static final String[] JSON_FORMAT = {"JSON"};

    private MessageResolver() {}

    static TemplateNode<LogEvent> create(ResolverOptions options, TemplateContext context) {
        boolean stringified = options.bool("stringified", false);
        String fallbackKey = options.string("fallbackKey", null);
        if (stringified && fallbackKey != null) {
            throw options.error("fallbackKey", "cannot be combined with \"stringified\": true (the text is a string already)");
        }
        if (stringified) {
            return new Text();
        }
        char[] fallbackName = null;
        if (fallbackKey != null) {
            char[] quoted = context.quoted(fallbackKey);
            fallbackName = java.util.Arrays.copyOf(quoted, quoted.length + 1);
            fallbackName[quoted.length] = ':';
        }
        return new Json(fallbackName);
    }

    /**
     * The message's text as a JSON string: a {@code CharSequence} message read in place; a {@code StringBuilderFormattable} formatted into the
     * scratch builder; any other through {@code getFormattedMessage()}. No {@code Message} at all
     * (which Log4j's loggers never make) is {@code null}.
     */
    static void writeText(LogEvent event, JsonWriter out, EventScratch scratch) {
        Message message = event.getMessage();
        if (message == null) {
            out.nullValue();
        } else if (writeFormattedText(message, out, scratch)) {
            return;
        } else if (message instanceof CharSequence) {
            // SimpleMessage, Log4j's reusable simple message, the async ring's event: their chars, no String.
            // As in JsonTemplateLayout, a SimpleMessage of a null String reads as "" here; the default
            // schema (MessageMembers.Text) writes Log4j's "null" for it instead, which is why the two stay apart.
            out.stringValue((CharSequence) message);
        } else {
            writeFormatted(message, out, scratch);
        }
    }

    /**
     * The text Log4j formats for {@code message}: a {@code StringBuilderFormattable} formatted into
     * the scratch builder, any other through {@code getFormattedMessage()}; a message whose
     * formatting throws is written with a marker naming the failure, and the event goes on.
     */
    static void writeFormatted(Message message, JsonWriter out, EventScratch scratch) {
        if (message instanceof StringBuilderFormattable) {
            StringBuilder text = scratch.messageText();
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

    /**
     * Writes the text Log4j's {@code %m} formats for {@code message} when it can be written without
     * formatting it into a builder first (a simple message's String, a plain map message of Strings,
     * as {@link #writeText} does); {@code false}, with nothing written, for any other message.
     */
    static boolean writeFormattedText(Message message, JsonWriter out, EventScratch scratch) {
        if (message == null) {
            return false;
        }
        if (isSimple(message) && message.getFormat() != null) {
            // Their text as a String, read in place: faster than through CharSequence.charAt.
            out.stringValue(message.getFormat());
            return true;
        }
        return isPlainMap(message) && writeMapText((MapMessage<?, ?>) message, out, scratch);
    }

    /**
     * Log4j's simple messages, whose {@code getFormat()} is their whole text when it is a String
     * (and {@code null} otherwise: a message made from another {@code CharSequence}).
     */
    private static boolean isSimple(Message message) {
        Class<?> type = message.getClass();
        return type == SimpleMessage.class || type == ReusableSimpleMessage.class;
    }

    /** A {@code MapMessage} or {@code StringMapMessage} itself: subclasses may format their text otherwise. */
    private static boolean isPlainMap(Message message) {
        Class<?> type = message.getClass();
        return type == StringMapMessage.class || type == MapMessage.class;
    }

    /** {@code ="} and {@code "} around a map value, as they are escaped inside a JSON string. */
    private static final char[] VALUE_OPEN = "=\\\"".toCharArray();
    private static final char[] VALUE_CLOSE = "\\\"".toCharArray();

    /**
     * A map message's text as {@code MapMessage.formatTo} makes it ({@code key="value"} pairs in key
     * order, joined by spaces; a null value reads "null", as Log4j writes it); {@code false}, with
     * nothing written, when a value is not a String (its text follows Log4j's rules for arrays, maps
     * and dates: the caller formats it as Log4j does). Text within {@code maxStringLength} (the usual
     * case) is escaped straight into the output, each key and value in one run, the quotes written as
     * their escapes; this measured 4 % of a GcpLayout map event faster than putting the text together
     * in a builder and escaping it whole, which longer text still does, so that it is cut as one.
     */
    private static boolean writeMapText(MapMessage<?, ?> message, JsonWriter out, EventScratch scratch) {
        IndexedReadOnlyStringMap data = message.getIndexedReadOnlyStringMap();
        int size = data.size();
        long textLength = size - 1L; // the spaces
        for (int i = 0; i < size; i++) {
            Object value = data.getValueAt(i);
            if (value != null && !(value instanceof String)) {
                return false;
            }
            textLength += data.getKeyAt(i).length() + 3L + (value == null ? 4 : ((String) value).length());
        }
        if (textLength <= out.settings().maxStringLength) {
            out.beginString();
            for (int i = 0; i < size; i++) {
                if (i > 0) {
                    out.raw(' ');
                }
                out.wholePart(data.getKeyAt(i));
                out.raw(VALUE_OPEN);
                Object value = data.getValueAt(i);
                out.wholePart(value == null ? "null" : (String) value);
                out.raw(VALUE_CLOSE);
            }
            out.endString();
            return true;
        }
        StringBuilder text = scratch.messageText();
        for (int i = 0; i < size; i++) {
            if (i > 0) {
                text.append(' ');
            }
            text.append(data.getKeyAt(i)).append('=').append('"').append((String) data.getValueAt(i)).append('"');
        }
        out.stringValue(text);
        return true;
    }

    /** {@code "stringified": true}: always the text. */
    static final class Text extends TemplateNode<LogEvent> {
        @Override
        public void write(LogEvent event, JsonWriter out, EventScratch scratch) {
            writeText(event, out, scratch);
        }
    }

    /** The default: the message's own JSON when it has some, else its text (in an object when {@code fallbackKey} is set). */
    static final class Json extends TemplateNode<LogEvent> {
        /** {@code "fallbackKey":}, escaped; {@code null} when not set. */
        private final char[] fallbackName;

        Json(char[] fallbackName) {
            this.fallbackName = fallbackName;
        }

        @Override
        public void write(LogEvent event, JsonWriter out, EventScratch scratch) {
            Message message = event.getMessage();
            if (message != null && !(message instanceof SimpleMessage) && writeJson(message, out, scratch)) {
                return;
            }
            if (fallbackName == null) {
                writeText(event, out, scratch);
            } else {
                out.open('{');
                out.name(fallbackName);
                writeText(event, out, scratch);
                out.close('}');
            }
        }

        /** Writes the message's own JSON and returns {@code true}, or returns {@code false} when it has none. */
        private static boolean writeJson(Message message, JsonWriter out, EventScratch scratch) {
            Class<?> type = message.getClass();
            if (type == MapMessage.class || type == StringMapMessage.class) {
                // Their JSON format is their entries as an object: written from the map itself, no text made.
                writeEntries(((MapMessage<?, ?>) message).getIndexedReadOnlyStringMap(), out, scratch);
                return true;
            }
            if (message instanceof MultiformatMessage && listsJson((MultiformatMessage) message)) {
                String json = ((MultiformatMessage) message).getFormattedMessage(JSON_FORMAT);
                if (json == null) {
                    out.nullValue();
                } else {
                    writeParsed(TemplateJson.read(json), out);
                }
                return true;
            }
            if (message instanceof ObjectMessage) {
                scratch.typedValues.write(((ObjectMessage) message).getParameter());
                return true;
            }
            return false;
        }

        private static boolean listsJson(MultiformatMessage message) {
            String[] formats = message.getFormats();
            if (formats != null) {
                for (String format : formats) {
                    if (JSON_FORMAT[0].equalsIgnoreCase(format)) {
                        return true;
                    }
                }
            }
            return false;
        }

        /** A map message's entries as an object; a value that throws costs only itself. */
        private static void writeEntries(IndexedReadOnlyStringMap entries, JsonWriter out, EventScratch scratch) {
            out.openObject(ReservedKeys.NONE);
            for (int i = 0, size = entries.size(); i < size; i++) {
                out.dynamicName(entries.getKeyAt(i));
                Object value = entries.getValueAt(i);
                Throwable failure = scratch.typedValues.writeContained(value, false);
                if (failure != null) {
                    out.settings().failures.report("a value of " + value.getClass().getName(), scratch.event, failure);
                }
            }
            out.closeObject();
        }

        /** A value read by {@link TemplateJson}, written back with this layout's escaping and cut. */
        private static void writeParsed(Object value, JsonWriter out) {
            if (value instanceof Map) {
                out.openObject(ReservedKeys.NONE);
                for (Map.Entry<?, ?> member : ((Map<?, ?>) value).entrySet()) {
                    out.dynamicName((String) member.getKey());
                    writeParsed(member.getValue(), out);
                }
                out.closeObject();
            } else if (value instanceof List) {
                out.open('[');
                for (Object element : (List<?>) value) {
                    out.comma();
                    writeParsed(element, out);
                }
                out.close(']');
            } else if (value instanceof String) {
                out.stringValue((String) value);
            } else if (value instanceof Boolean) {
                out.booleanValue((Boolean) value);
            } else if (value instanceof TemplateJson.Number) {
                out.raw(value.toString());
            } else {
                out.nullValue(); // TemplateJson.NULL
            }
        }
    }
}
