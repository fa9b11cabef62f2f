package dev.log4jpool.layout;

import org.apache.logging.log4j.core.LogEvent;

/**
 * One part of the JSON object: a member or a group of members taken from the event. A layout's
 * configuration is compiled once into an array of these, which each event runs in order; none of
 * them looks at the configuration again. Implementations are immutable and thread-safe.
 */
interface FieldWriter {
    /**
     * Writes this part's members into {@code out}, each preceded by {@link JsonWriter#name} or
     * {@link JsonWriter#dynamicName}; {@code scratch} holds the event's caches and parse state.
     */
    void write(LogEvent event, JsonWriter out, EventScratch scratch);
}
