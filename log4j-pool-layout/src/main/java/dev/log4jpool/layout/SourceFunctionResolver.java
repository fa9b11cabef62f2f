package dev.log4jpool.layout;

import org.apache.logging.log4j.core.LogEvent;

/**
 * Ours: {@code {"$resolver": "sourceFunction"}}: where the event was logged as
 * {@code <class>.<method>} ({@code shop.Orders.place}): GCP's {@code sourceLocation.function}.
 * Like {@code source}: only with {@code locationInfoEnabled} (else the member is removed), and present
 * when the event has a location. GcpLayout builds this with a {@code %replace{%C.%M}} pattern, which
 * allocates per event; here it is written from its two parts.
 */
final class SourceFunctionResolver {
    private SourceFunctionResolver() {
    }

    static TemplateNode<LogEvent> create(ResolverOptions options, TemplateContext context) {
        return context.locationInfoEnabled() ? new Function() : null;
    }

    static final class Function implements TemplateNode<LogEvent> {
        @Override
        public boolean isPresent(LogEvent event) {
            return event.getSource() != null;
        }

        @Override
        public void write(LogEvent event, JsonWriter out, EventScratch scratch) {
            StackTraceElement source = event.getSource();
            if (source == null) {
                out.nullValue();
                return;
            }
            out.beginString();
            out.part(source.getClassName());
            out.part('.');
            out.part(source.getMethodName());
            out.endString();
        }
    }
}
