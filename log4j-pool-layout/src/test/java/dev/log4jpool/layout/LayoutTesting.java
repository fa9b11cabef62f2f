package dev.log4jpool.layout;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.apache.logging.log4j.core.LogEvent;

/** Encodes events through {@code encode} into a draining destination and parses every line. */
final class LayoutTesting {
    private LayoutTesting() {}

    static PooledJsonLayout.Builder builder() {
        return PooledJsonLayout.newBuilder();
    }

    /** The one line {@code encode} writes for {@code event}, parsed. */
    static JsonNode encode(PooledJsonLayout layout, LogEvent event) {
        CapturingDestination destination = new CapturingDestination();
        layout.encode(event, destination);
        List<String> lines = destination.lines();
        if (lines.size() != 1) {
            throw new AssertionError("expected one line, got " + lines);
        }
        String line = lines.get(0);
        // toSerializable and toByteArray must say the same thing.
        String serialized = layout.toSerializable(event);
        if (!serialized.equals(line + "\n")) {
            throw new AssertionError("toSerializable differs from encode:\n" + serialized + "\n" + line);
        }
        return Json.parse(line);
    }

    static String encodeToText(PooledJsonLayout layout, LogEvent event) {
        CapturingDestination destination = new CapturingDestination();
        layout.encode(event, destination);
        return destination.text();
    }
}
