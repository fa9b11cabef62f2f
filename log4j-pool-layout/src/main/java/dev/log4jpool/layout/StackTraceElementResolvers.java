package dev.log4jpool.layout;

import java.util.Map;

/**
 * The resolvers of stack-trace element templates ({@code stackTraceElementTemplate},
 * {@code elementTemplate}): {@code stackTraceElement} with {@code field} {@code className},
 * {@code methodName}, {@code fileName} or {@code lineNumber}, as JsonTemplateLayout defines it.
 */
final class StackTraceElementResolvers {
    static final Map<String, ResolverFactory<StackTraceElement>> FACTORIES =
            Map.of("stackTraceElement", StackTraceElementResolvers::create);

    private StackTraceElementResolvers() {
    }

    private static TemplateNode<StackTraceElement> create(ResolverOptions options, TemplateContext context) {
        switch (options.requiredChoice("field", "className", "methodName", "fileName", "lineNumber")) {
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

    static final class ClassName extends TemplateNode<StackTraceElement> {
        @Override
        void write(StackTraceElement element, JsonWriter out, EventScratch scratch) {
            out.stringValue(element.getClassName());
        }
    }

    static final class MethodName extends TemplateNode<StackTraceElement> {
        @Override
        void write(StackTraceElement element, JsonWriter out, EventScratch scratch) {
            out.stringValue(element.getMethodName());
        }
    }

    static final class FileName extends TemplateNode<StackTraceElement> {
        @Override
        void write(StackTraceElement element, JsonWriter out, EventScratch scratch) {
            out.stringValue(element.getFileName());
        }
    }

    static final class LineNumber extends TemplateNode<StackTraceElement> {
        @Override
        void write(StackTraceElement element, JsonWriter out, EventScratch scratch) {
            out.longValue(element.getLineNumber());
        }
    }
}
