package dev.log4jpool.layout;

import org.apache.logging.log4j.core.LogEvent;

/**
 * A group of members taken from the event, written into the enclosing object: the parts of the
 * default schema (timestamp, level, context, error, ...). A flattening {@link TemplateNode}, so the
 * default schema and user templates run through the same object node. Immutable and thread-safe.
 */
interface FieldWriter extends TemplateNode<LogEvent> {
    /**
     * Writes this part's members into {@code out}, each preceded by {@link JsonWriter#name} or
     * {@link JsonWriter#dynamicName}; {@code scratch} holds the event's caches and parse state.
     */
    @Override
    void write(LogEvent event, JsonWriter out, EventScratch scratch);

    @Override
    default boolean isFlattening() {
        return true;
    }
}
