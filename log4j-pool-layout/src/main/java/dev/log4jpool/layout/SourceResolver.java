package dev.log4jpool.layout;

import org.apache.logging.log4j.core.LogEvent;

/**
 * {@code {"$resolver": "source", "field": "className" | "methodName" | "fileName" | "lineNumber"}}:
 * one part of where the event was logged. Only with the layout's {@code locationInfoEnabled}: without
 * it the resolver can never write anything and its member is left out of the template (JsonTemplateLayout
 * does the same). With it, the member is present when the event has a location; a node written
 * regardless (an array element, a {@code caseConverter} replacement) writes {@code null} for an event
 * without one.
 *
 * <p>{@code field} is checked even when location is off (JsonTemplateLayout then accepts any value):
 * a template that is wrong should fail before someone turns location on.
 */
final class SourceResolver {
    private SourceResolver() {
    }

    static TemplateNode<LogEvent> create(ResolverOptions options, TemplateContext context) {
        String field = options.requiredChoice("field", "className", "methodName", "fileName", "lineNumber");
        if (!context.locationInfoEnabled()) {
            return null;
        }
        switch (field) {
            case "className":
                return new ClassName();
            case "methodName":
                return new MethodName();
            case "fileName":
                return new FileName();
            default:
                return new LineNumber();
        }
    }

    /** Present when the event has a location; the location itself is computed by Log4j, not here. */
    private abstract static class Part extends TemplateNode<LogEvent> {
        @Override
        public final boolean isPresent(LogEvent event) {
            return event.getSource() != null;
        }

        @Override
        public final void write(LogEvent event, JsonWriter out, EventScratch scratch) {
            StackTraceElement source = event.getSource();
            if (source == null) {
                out.nullValue();
            } else {
                write(source, out);
            }
        }

        abstract void write(StackTraceElement source, JsonWriter out);
    }

    static final class ClassName extends Part {
        @Override
        void write(StackTraceElement source, JsonWriter out) {
            out.stringValue(source.getClassName());
        }
    }

    static final class MethodName extends Part {
        @Override
        void write(StackTraceElement source, JsonWriter out) {
            out.stringValue(source.getMethodName());
        }
    }

    static final class FileName extends Part {
        @Override
        void write(StackTraceElement source, JsonWriter out) {
            out.stringValue(source.getFileName());
        }
    }

    static final class LineNumber extends Part {
        @Override
        void write(StackTraceElement source, JsonWriter out) {
            out.longValue(source.getLineNumber());
        }
    }
}
