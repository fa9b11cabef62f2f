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
                return (element, out, scratch) -> out.stringValue(element.getClassName());
            case "methodName":
                return (element, out, scratch) -> out.stringValue(element.getMethodName());
            case "fileName":
                return (element, out, scratch) -> out.stringValue(element.getFileName());
            default:
                return (element, out, scratch) -> out.longValue(element.getLineNumber());
        }
    }
}
