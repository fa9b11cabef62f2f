package dev.log4jpool.layout;

import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.core.LogEvent;

/**
 * {@code {"$resolver": "marker", "field": "name" | "parents"}}: the event's marker's name, or the
 * names of its direct parents as an array ({@code null} when it has none). The member is present
 * when the event has a marker; written regardless (an array element), it is {@code null} without one.
 *
 * <p><b>Allocation</b>: {@code parents} allocates the copy of the parents array that
 * {@code Marker.getParents()} hands out (16 + 4 × parents bytes with compressed oops); the marker
 * API has no other way to read them. {@code name} allocates nothing.
 */
final class MarkerResolver {
    private MarkerResolver() {
    }

    static TemplateNode<LogEvent> create(ResolverOptions options, TemplateContext context) {
        return "name".equals(options.requiredChoice("field", "name", "parents")) ? new Name() : new Parents();
    }

    private abstract static class MarkerPart extends TemplateNode<LogEvent> {
        @Override
        public final boolean isPresent(LogEvent event) {
            return event.getMarker() != null;
        }
    }

    static final class Name extends MarkerPart {
        @Override
        public void write(LogEvent event, JsonWriter out, EventScratch scratch) {
            Marker marker = event.getMarker();
            out.stringValue(marker == null ? null : marker.getName());
        }
    }

    /** The direct parents' names, in the marker's order (not its ancestors further up). */
    static final class Parents extends MarkerPart {
        @Override
        public void write(LogEvent event, JsonWriter out, EventScratch scratch) {
            Marker marker = event.getMarker();
            Marker[] parents = marker == null || !marker.hasParents() ? null : marker.getParents();
            if (parents == null) {
                out.nullValue();
                return;
            }
            out.open('[');
            for (Marker parent : parents) {
                out.comma();
                out.stringValue(parent.getName());
            }
            out.close(']');
        }
    }
}
