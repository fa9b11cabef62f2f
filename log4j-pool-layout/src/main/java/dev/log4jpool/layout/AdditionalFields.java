package dev.log4jpool.layout;

import org.apache.logging.log4j.core.LogEvent;

/**
 * The configured {@code <KeyValuePair>} members, rendered once at configuration into one run of
 * JSON text ({@code "k1":"v1","k2":"v2"}) that every event copies.
 */
final class AdditionalFields implements FieldWriter {
    private final char[] members;

    AdditionalFields(char[] members) {
        this.members = members;
    }

    @Override
    public void write(LogEvent event, JsonWriter out, EventScratch scratch) {
        out.comma();
        out.raw(members);
    }
}
