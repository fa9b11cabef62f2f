package dev.log4jpool.layout;

import dev.log4jpool.internal.JsonCodec;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.apache.logging.log4j.core.config.Configuration;

/**
 * What resolvers read at configuration besides their own options: the layout's attributes that
 * JsonTemplateLayout gives its resolvers ({@code stackTraceEnabled}, {@code locationInfoEnabled},
 * {@code maxStringLength}, {@code truncatedStringSuffix}, the charset's ASCII mode), the Log4j
 * configuration (lookups, pattern converters), and the stack-trace element template. Immutable.
 */
final class TemplateContext {
    private final String templateName;
    private final Configuration configuration;
    private final boolean stackTraceEnabled;
    private final boolean locationInfoEnabled;
    private final int maxStringLength;
    private final String truncatedStringSuffix;
    private final boolean asciiOnly;
    private final Object stackTraceElementTemplate;
    private final boolean userTemplate;
    /** The layout's charset: JsonTemplateLayout sizes its stack-trace text buffer by its bytes per char. */
    private final Charset charset;
    /** The attributes bundled schemas read ({@code serviceName}, {@code traceIdKey}, …). */
    private final SchemaAttributes schemaAttributes;
    private TemplateNode<java.lang.StackTraceElement> compiledElementTemplate;

    TemplateContext(String templateName, Configuration configuration, boolean stackTraceEnabled,
            boolean locationInfoEnabled, int maxStringLength, String truncatedStringSuffix, boolean asciiOnly,
            Object stackTraceElementTemplate, boolean userTemplate, Charset charset) {
        this(templateName, configuration, stackTraceEnabled, locationInfoEnabled, maxStringLength, truncatedStringSuffix,
                asciiOnly, stackTraceElementTemplate, userTemplate, charset, SchemaAttributes.DEFAULTS);
    }

    TemplateContext(String templateName, Configuration configuration, boolean stackTraceEnabled,
            boolean locationInfoEnabled, int maxStringLength, String truncatedStringSuffix, boolean asciiOnly,
            Object stackTraceElementTemplate, boolean userTemplate, Charset charset, SchemaAttributes schemaAttributes) {
        this.schemaAttributes = schemaAttributes;
        this.charset = charset;
        this.templateName = templateName;
        this.configuration = configuration;
        this.stackTraceEnabled = stackTraceEnabled;
        this.locationInfoEnabled = locationInfoEnabled;
        this.maxStringLength = maxStringLength;
        this.truncatedStringSuffix = truncatedStringSuffix;
        this.asciiOnly = asciiOnly;
        this.stackTraceElementTemplate = stackTraceElementTemplate;
        this.userTemplate = userTemplate;
    }

    /** Where the template came from, for error messages: {@code classpath:EcsLayout.json}, {@code eventTemplate}. */
    String templateName() {
        return templateName;
    }

    /** The Log4j configuration; {@code null} when the layout is built in code without one. */
    Configuration configuration() {
        return configuration;
    }

    boolean stackTraceEnabled() {
        return stackTraceEnabled;
    }

    boolean locationInfoEnabled() {
        return locationInfoEnabled;
    }

    int maxStringLength() {
        return maxStringLength;
    }

    String truncatedStringSuffix() {
        return truncatedStringSuffix;
    }

    boolean asciiOnly() {
        return asciiOnly;
    }

    /**
     * The value of the layout attribute {@code name} (one of {@link SchemaAttributes#NAMES}:
     * {@code serviceName}, {@code serviceVersion}, {@code serviceEnvironment}, {@code eventDataset},
     * {@code gcpProjectId}); {@code null} when it is unset or empty.
     */
    String layoutAttribute(String name) {
        return schemaAttributes.value(name);
    }

    /** {@code gcpProjectId}, {@code null} when unset. */
    String gcpProjectId() {
        return schemaAttributes.gcpProjectId();
    }

    /** The thread-context key of the trace id ({@code traceIdKey}, default {@code trace_id}). */
    String traceIdKey() {
        return schemaAttributes.traceIdKey;
    }

    /** The thread-context key of the span id ({@code spanIdKey}, default {@code span_id}). */
    String spanIdKey() {
        return schemaAttributes.spanIdKey;
    }

    /** The thread-context key of the W3C trace flags ({@code traceFlagsKey}, default {@code trace_flags}). */
    String traceFlagsKey() {
        return schemaAttributes.traceFlagsKey;
    }

    /** {@code ecsNested}: the template's dotted names were made nested objects before compiling. */
    boolean ecsNested() {
        return schemaAttributes.ecsNested;
    }

    /**
     * How many chars of a stack trace's text JsonTemplateLayout keeps before its point-matcher
     * truncation reads it: {@code maxStringLength} times the charset's most bytes per char (3 for
     * UTF-8), computed in {@code float} as it computes it. Text past this is never seen by the
     * matchers, so it matters to the output (a {@code Caused by:} block beyond it is not found).
     */
    int stackTraceTextCapacity() {
        float maxBytesPerChar = charset.newEncoder().maxBytesPerChar();
        long capacity = Math.round(Math.ceil(maxBytesPerChar * maxStringLength));
        return (int) Math.min(capacity, Integer.MAX_VALUE - 16);
    }

    /**
     * {@code text} with its {@code ${…}} lookups resolved by the configuration (once, here); may be
     * {@code null}. Only in a user's template: the default schema is made of attribute values that
     * Log4j has resolved already ({@code $${…}} must stay {@code ${…}}).
     */
    String substitute(String text) {
        if (!userTemplate || text == null || !text.contains("${")) {
            return text;
        }
        return configuration == null ? text : configuration.getStrSubstitutor().replace(text);
    }

    /**
     * {@code "text"}: escaped and, in a user's template, cut at {@code maxStringLength} with the
     * suffix, as JsonTemplateLayout cuts every string it writes (the default schema never cuts its
     * configured names and values).
     */
    char[] quoted(String text) {
        String cut = text;
        if (userTemplate && text.length() > maxStringLength) {
            cut = text.substring(0, JsonCodec.cut(text, 0, text.length(), maxStringLength)) + truncatedStringSuffix;
        }
        char[] escaped = JsonCodec.escapeConstant(cut, asciiOnly);
        char[] quoted = new char[escaped.length + 2];
        quoted[0] = '"';
        System.arraycopy(escaped, 0, quoted, 1, escaped.length);
        quoted[escaped.length + 1] = '"';
        return quoted;
    }

    /**
     * The layout's stack-trace element template ({@code stackTraceElementTemplate}, else Log4j's
     * {@code class, method, file, line} object), compiled on first use.
     */
    TemplateNode<java.lang.StackTraceElement> stackTraceElementTemplate() {
        if (compiledElementTemplate == null) {
            compiledElementTemplate = compileElementTemplate(stackTraceElementTemplate, "stackTraceElementTemplate");
        }
        return compiledElementTemplate;
    }

    /** Compiles an element template ({@code elementTemplate} of an exception resolver, or the layout's). */
    TemplateNode<java.lang.StackTraceElement> compileElementTemplate(Object template, String where) {
        TemplateContext elementContext = new TemplateContext(templateName + " (" + where + ")", configuration,
                stackTraceEnabled, locationInfoEnabled, maxStringLength, truncatedStringSuffix, asciiOnly, null,
                userTemplate, charset, schemaAttributes);
        return new TemplateCompiler<>(StackTraceElementResolvers.FACTORIES, elementContext).compileRoot(template);
    }
}
