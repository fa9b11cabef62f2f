package dev.log4jpool.layout;

import org.apache.logging.log4j.core.LogEvent;

/**
 * Where the event was logged: {@code {"class":…,"method":…,"file":…,"line":…}}. Only configured with
 * {@code locationInfo="true"}; computing the location is up to Log4j and costs a stack walk (and
 * allocation) per event, which is why it is off by default.
 */
final class SourceField extends TemplateNode<LogEvent> {
    @Override
    public boolean isPresent(LogEvent event) {
        return event.getSource() != null;
    }

    @Override
    public void write(LogEvent event, JsonWriter out, EventScratch scratch) {
        StackTraceElement source = event.getSource();
        out.open('{');
        out.plainName("class");
        out.stringValue(source.getClassName());
        out.plainName("method");
        out.stringValue(source.getMethodName());
        out.plainName("file");
        out.stringValue(source.getFileName());
        out.plainName("line");
        out.longValue(source.getLineNumber());
        out.close('}');
    }
}
