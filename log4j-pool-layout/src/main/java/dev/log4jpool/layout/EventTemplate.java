package dev.log4jpool.layout;

import java.nio.charset.Charset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.logging.log4j.core.LogEvent;

/**
 * A user's event template compiled with the layout's JsonTemplateLayout attributes: the
 * {@code EventTemplateAdditionalField}s merged into its root object, the whole wrapped in
 * {@code eventTemplateRootObjectKey}, stack-trace elements written by {@code stackTraceElementTemplate}
 * (or {@code stackTraceElementTemplateUri}, else Log4j's {@code class, method, file, line} object).
 */
final class EventTemplate {
    final TemplateNode<LogEvent> root;

    EventTemplate(PooledJsonLayout.Builder builder, TemplateSource source, String truncatedStringSuffix,
            boolean asciiOnly, Charset charset) {
        Object template = withAdditionalFields(source, builder.eventTemplateAdditionalFields());
        if (builder.ecsNested()) {
            template = DottedNames.nest(template, source.name);
        }
        String rootKey = builder.eventTemplateRootObjectKey();
        if (rootKey != null && !rootKey.isEmpty()) {
            template = Collections.singletonMap(rootKey, template);
        }
        TemplateSource elementSource = TemplateSource.of("stackTraceElementTemplate", builder.stackTraceElementTemplate(),
                "stackTraceElementTemplateUri", builder.stackTraceElementTemplateUri(), charset);
        Object elementTemplate = elementSource != null ? elementSource.template : defaultElementTemplate();
        TemplateContext context = new TemplateContext(source.name, builder.configuration(), builder.stackTraceEnabled(),
                builder.locationInfo(), builder.maxStringLength(), truncatedStringSuffix, asciiOnly, elementTemplate, true, charset,
                SchemaAttributes.of(builder));
        this.root = new TemplateCompiler<>(EventResolvers.FACTORIES, context).compileRoot(template);
    }

    private static Object withAdditionalFields(TemplateSource source, Object[] fields) {
        if (fields == null || fields.length == 0) {
            return source.template;
        }
        if (!(source.template instanceof Map)) {
            throw new IllegalArgumentException("PooledJsonLayout: EventTemplateAdditionalField needs a template whose root is"
                    + " an object; template " + source.name + " is not one");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> root = new LinkedHashMap<>((Map<String, Object>) source.template);
        for (Object field : fields) {
            AdditionalField additional = AdditionalField.of(field);
            root.put(additional.key, additional.value);
        }
        return root;
    }

    /** Log4j's default stack-trace element template, as an object of four {@code stackTraceElement} resolvers. */
    private static Object defaultElementTemplate() {
        Map<String, Object> template = new LinkedHashMap<>();
        template.put("class", Map.of("$resolver", "stackTraceElement", "field", "className"));
        template.put("method", Map.of("$resolver", "stackTraceElement", "field", "methodName"));
        template.put("file", Map.of("$resolver", "stackTraceElement", "field", "fileName"));
        template.put("line", Map.of("$resolver", "stackTraceElement", "field", "lineNumber"));
        return template;
    }

    /**
     * The default schema's attributes have no meaning with a template: a configuration giving both
     * would silently lose one, so it fails, naming the attribute.
     */
    static void rejectDefaultSchemaAttributes(PooledJsonLayout.Builder builder, String templateName) {
        PooledJsonLayout.Builder defaults = PooledJsonLayout.newBuilder();
        check("timestampFormat", builder.timestampFormat(), defaults.timestampFormat(), templateName);
        check("timeZone", builder.timeZone(), defaults.timeZone(), templateName);
        check("timestampKey", builder.timestampKey(), defaults.timestampKey(), templateName);
        check("levelKey", builder.levelKey(), defaults.levelKey(), templateName);
        check("loggerKey", builder.loggerKey(), defaults.loggerKey(), templateName);
        check("threadKey", builder.threadKey(), defaults.threadKey(), templateName);
        check("messageKey", builder.messageKey(), defaults.messageKey(), templateName);
        check("errorKey", builder.errorKey(), defaults.errorKey(), templateName);
        check("sourceKey", builder.sourceKey(), defaults.sourceKey(), templateName);
        check("includeContextData", builder.includeContextData(), defaults.includeContextData(), templateName);
        check("contextDataKey", builder.contextDataKey(), defaults.contextDataKey(), templateName);
        check("contextDataIncludes", builder.contextDataIncludes(), defaults.contextDataIncludes(), templateName);
        check("contextDataExcludes", builder.contextDataExcludes(), defaults.contextDataExcludes(), templateName);
        check("stackTraceFormat", builder.stackTraceFormat(), defaults.stackTraceFormat(), templateName);
        check("maxStackTraceLines", builder.maxStackTraceLines(), defaults.maxStackTraceLines(), templateName);
        check("includeRootCause", builder.includeRootCause(), defaults.includeRootCause(), templateName);
        if (builder.additionalFields() != null && builder.additionalFields().length > 0) {
            throw new IllegalArgumentException("PooledJsonLayout: <KeyValuePair> belongs to the default schema; with template "
                    + templateName + " use <EventTemplateAdditionalField key=\"…\" value=\"…\"/>");
        }
    }

    private static void check(String attribute, Object value, Object defaultValue, String templateName) {
        if (!java.util.Objects.equals(value, defaultValue)) {
            throw new IllegalArgumentException("PooledJsonLayout: " + attribute + "=\"" + value + "\" belongs to the default"
                    + " schema and has no effect with template " + templateName + "; write that member into the template");
        }
    }

    /** An additional field from our element or from JsonTemplateLayout's (when Log4j mapped the name to it). */
    private static final class AdditionalField {
        final String key;
        final Object value;

        private AdditionalField(String key, Object value) {
            this.key = key;
            this.value = value;
        }

        static AdditionalField of(Object element) {
            String key;
            String value;
            String format;
            if (element instanceof EventTemplateAdditionalField) {
                EventTemplateAdditionalField ours = (EventTemplateAdditionalField) element;
                key = ours.getKey();
                value = ours.getValue();
                format = ours.getFormat();
            } else if (element != null && element.getClass().getSimpleName().equals("EventTemplateAdditionalField")) {
                key = (String) call(element, "getKey");
                value = (String) call(element, "getValue");
                format = String.valueOf(call(element, "getFormat"));
            } else {
                throw new IllegalArgumentException("PooledJsonLayout: unexpected element " + element
                        + " inside the layout; expected <EventTemplateAdditionalField>, <BufferPool> or <KeyValuePair>");
            }
            if (key == null || key.isEmpty()) {
                throw new IllegalArgumentException("PooledJsonLayout: EventTemplateAdditionalField needs a key");
            }
            if (value == null) {
                throw new IllegalArgumentException("PooledJsonLayout: EventTemplateAdditionalField key=\"" + key + "\" needs a value");
            }
            String upper = format == null ? "STRING" : format.trim().toUpperCase(java.util.Locale.ROOT);
            if (upper.equals("STRING")) {
                return new AdditionalField(key, value);
            }
            if (!upper.equals("JSON")) {
                throw new IllegalArgumentException("PooledJsonLayout: EventTemplateAdditionalField key=\"" + key + "\" format=\""
                        + format + "\": expected STRING or JSON");
            }
            try {
                return new AdditionalField(key, TemplateJson.read(value));
            } catch (IllegalArgumentException invalid) {
                throw new IllegalArgumentException("PooledJsonLayout: EventTemplateAdditionalField key=\"" + key
                        + "\" format=\"JSON\": the value is not valid JSON: " + invalid.getMessage(), invalid);
            }
        }

        private static Object call(Object target, String method) {
            try {
                return target.getClass().getMethod(method).invoke(target);
            } catch (ReflectiveOperationException failure) {
                throw new IllegalArgumentException("PooledJsonLayout: cannot read " + target + ": " + failure, failure);
            }
        }
    }
}
