package dev.log4jpool.layout;

import dev.log4jpool.internal.JsonCodec;

import dev.log4jpool.buffer.BufferPool;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.logging.log4j.core.util.KeyValuePair;

/**
 * Turns a {@link PooledJsonLayout.Builder} into what the layout runs: the root {@link TemplateNode},
 * its {@link LayoutSettings}, the delimiter, the pool and the charset. A layout runs a template:
 * the user's ({@code eventTemplate}, {@code eventTemplateUri}), compiled by {@link TemplateCompiler},
 * or else the default schema: a template the {@code *Key} and other attributes make (of the
 * {@link DefaultSchemaResolvers} and JsonTemplateLayout's {@code level}, {@code logger} and
 * {@code thread}), compiled the same way. All checking happens here, once, and every error names the attribute and the value.
 */
final class LayoutCompiler {
    final TemplateNode<org.apache.logging.log4j.core.LogEvent> root;
    final LayoutSettings settings;
    final char[] eventDelimiter;
    final BufferPool pool;
    final Charset charset;
    final boolean locationInfo;
    final String description;
    /** The default schema's template as JSON text (for people and tests); {@code null} with a user's template. */
    final String defaultTemplate;

    /** Configured member names and the attribute that set each, to report duplicates. */
    private final Map<String, String> names = new LinkedHashMap<>();

    LayoutCompiler(PooledJsonLayout.Builder builder) {
        this.charset = charset(builder.charset());
        boolean asciiOnly = !StandardCharsets.UTF_8.equals(charset);
        if (builder.maxStringLength() <= 0) {
            throw bad("maxStringLength", Integer.toString(builder.maxStringLength()), "must be positive");
        }
        String marker = builder.truncationMarker() == null ? "" : builder.truncationMarker();
        String delimiter = JsonCodec.unescapeConfigured(builder.eventDelimiter());
        this.eventDelimiter = (builder.nullEventDelimiterEnabled() ? delimiter + '\0' : delimiter).toCharArray();
        this.pool = builder.bufferPool() != null ? builder.bufferPool() : BufferPool.getDefault();
        this.settings = new LayoutSettings(builder.maxStringLength(), marker, asciiOnly);

        TemplateSource userTemplate = template(builder, charset);
        if (userTemplate != null) {
            EventTemplate.rejectDefaultSchemaAttributes(builder, userTemplate.name);
            this.locationInfo = builder.locationInfo();
            this.root = new EventTemplate(builder, userTemplate, marker, asciiOnly, charset).root;
            this.defaultTemplate = null;
            this.description = "PooledJsonLayout[template=" + userTemplate.name + ", charset=" + charset.name()
                    + ", pool=" + pool.getName() + "]";
            return;
        }
        if (builder.ecsNested()) {
            throw bad("ecsNested", "true", "applies to an event template (schema=\"ECS\" or one's own); the default schema has no dotted names");
        }
        if (builder.maxStackTraceLines() < 0) {
            throw bad("maxStackTraceLines", Integer.toString(builder.maxStackTraceLines()), "must be 0 (no limit) or positive");
        }
        TimestampFormat timestampFormat = TimestampFormat.parse(builder.timestampFormat());
        ZoneId zone = zone(builder.timeZone());
        StackTraceFormat stackTraceFormat = StackTraceFormat.parse(builder.stackTraceFormat());
        // Asking Log4j for the location costs a stack walk per event: only when it is written.
        this.locationInfo = builder.locationInfo() && builder.sourceKey() != null && !builder.sourceKey().isEmpty();

        Map<String, Object> template = new LinkedHashMap<>();
        String timestampKey = claim("timestampKey", builder.timestampKey());
        if (timestampKey != null) {
            template.put(timestampKey, resolver("pooledTimestamp", "format", timestampFormat.name(), "timeZone", zone.getId()));
        }
        String levelKey = claim("levelKey", builder.levelKey());
        if (levelKey != null) {
            template.put(levelKey, resolver("level", "field", "name"));
        }
        String loggerKey = claim("loggerKey", builder.loggerKey());
        if (loggerKey != null) {
            template.put(loggerKey, resolver("logger", "field", "name"));
        }
        String threadKey = claim("threadKey", builder.threadKey());
        if (threadKey != null) {
            template.put(threadKey, resolver("thread", "field", "name"));
        }
        String messageKey = claim("messageKey", builder.messageKey());
        if (messageKey != null) {
            template.put(messageKey, resolver("pooledMessage"));
        }
        template.put(FLATTENED + "messageFields", resolver("pooledMessageFields"));
        if (builder.includeContextData()) {
            String nested = claim("contextDataKey", builder.contextDataKey());
            Map<String, Object> context = resolver("pooledContext", "flatten", nested == null,
                    "includes", new ArrayList<>(keyList(builder.contextDataIncludes())),
                    "excludes", new ArrayList<>(keyList(builder.contextDataExcludes())));
            template.put(nested != null ? nested : FLATTENED + "context", context);
        }
        if (builder.locationInfo()) {
            String sourceKey = claim("sourceKey", builder.sourceKey());
            if (sourceKey != null) {
                template.put(sourceKey, resolver("pooledSource"));
            }
        }
        String errorKey = claim("errorKey", builder.errorKey());
        if (errorKey != null) {
            template.put(errorKey, resolver("pooledError", "stackTraceFormat", stackTraceFormat.name(),
                    "maxStackTraceLines", new TemplateJson.Number(Integer.toString(builder.maxStackTraceLines())),
                    "includeRootCause", builder.includeRootCause()));
        }
        KeyValuePair[] additional = builder.additionalFields();
        if (additional != null) {
            for (KeyValuePair pair : additional) {
                if (pair == null) {
                    continue;
                }
                String key = pair.getKey();
                if (key == null || key.isEmpty()) {
                    throw bad("KeyValuePair key", String.valueOf(key), "must not be empty");
                }
                claim("KeyValuePair key", key);
                template.put(key, pair.getValue() == null ? TemplateJson.NULL : pair.getValue());
            }
        }
        TemplateContext context = new TemplateContext("default schema", builder.configuration(), true,
                locationInfo, builder.maxStringLength(), marker, asciiOnly, null, false, charset);
        this.root = new TemplateCompiler<>(EventResolvers.FACTORIES, context).compileRoot(template);
        this.defaultTemplate = TemplateJson.toText(visible(template));
        this.description = "PooledJsonLayout[template=" + defaultTemplate + ", charset="
                + charset.name() + ", pool=" + pool.getName() + "]";
    }

    /**
     * The template to run: a bundled {@code schema} (read from {@code classpath:log4jpool-<name>.json}),
     * the user's {@code eventTemplate} or {@code eventTemplateUri}, or {@code null} for the default schema.
     * A schema with a template of one's own would lose one of them silently, so that fails.
     */
    private static TemplateSource template(PooledJsonLayout.Builder builder, Charset charset) {
        Schema schema = Schema.parse(builder.schema());
        if (schema == null) {
            return TemplateSource.of("eventTemplate", builder.eventTemplate(), "eventTemplateUri", builder.eventTemplateUri(),
                    charset);
        }
        if (builder.eventTemplate() != null && !builder.eventTemplate().isBlank()) {
            throw bad("schema", builder.schema(), "and eventTemplate exclude each other: the schema is a template (" + schema.uri()
                    + "); copy it into eventTemplate to change it");
        }
        if (builder.eventTemplateUri() != null && !builder.eventTemplateUri().isBlank()) {
            throw bad("schema", builder.schema(), "and eventTemplateUri=\"" + builder.eventTemplateUri() + "\" exclude each"
                    + " other: the schema is the template " + schema.uri());
        }
        if (builder.ecsNested() && schema != Schema.ECS) {
            throw bad("ecsNested", "true", "applies to schema=\"ECS\" only, not to schema=\"" + schema.name() + "\"");
        }
        EventTemplate.rejectDefaultSchemaAttributes(builder, schema.uri());
        return TemplateSource.of(null, null, "schema", schema.uri(), charset);
    }

    /**
     * Key of a flattening member of the default schema: flattening members write their own keys, so
     * theirs is never written; the NUL keeps it apart from every configured name.
     */
    private static final String FLATTENED = "\0";

    /** {@code {"$resolver": name, option: value, ...}}. */
    private static Map<String, Object> resolver(String name, Object... options) {
        Map<String, Object> resolver = new LinkedHashMap<>();
        resolver.put("$resolver", name);
        for (int i = 0; i < options.length; i += 2) {
            resolver.put((String) options[i], options[i + 1]);
        }
        return resolver;
    }

    /** The template as a user would write it: flattening members under readable keys. */
    private static Map<String, Object> visible(Map<String, Object> template) {
        Map<String, Object> visible = new LinkedHashMap<>();
        template.forEach((key, value) -> visible.put(key.startsWith(FLATTENED) ? key.substring(1) : key, value));
        return visible;
    }

    /** Records a configured member name; {@code null} for an empty one (the member is left out). */
    private String claim(String attribute, String key) {
        if (key == null || key.isEmpty()) {
            return null;
        }
        String previous = names.putIfAbsent(key, attribute);
        if (previous != null) {
            throw bad(attribute, key, "is already the name of " + previous + "; member names must be unique");
        }
        return key;
    }

    /** {@code "key":}, escaped; a quoted value's quotes are part of what is escaped, so escape the key alone. */
    private static char[] name(String key, boolean asciiOnly) {
        char[] escaped = JsonCodec.escapeConstant(key, asciiOnly);
        char[] name = new char[escaped.length + 3];
        name[0] = '"';
        System.arraycopy(escaped, 0, name, 1, escaped.length);
        name[escaped.length + 1] = '"';
        name[escaped.length + 2] = ':';
        return name;
    }

    /** {@code "text"}, escaped. */
    static char[] quoted(String text, boolean asciiOnly) {
        char[] escaped = JsonCodec.escapeConstant(text, asciiOnly);
        char[] quoted = new char[escaped.length + 2];
        quoted[0] = '"';
        System.arraycopy(escaped, 0, quoted, 1, escaped.length);
        quoted[escaped.length + 1] = '"';
        return quoted;
    }

    private static Charset charset(String name) {
        if (name == null || name.isBlank()) {
            return StandardCharsets.UTF_8;
        }
        Charset charset;
        try {
            charset = Charset.forName(name.trim());
        } catch (IllegalArgumentException unknown) {
            throw bad("charset", name, "is not a charset this JVM knows");
        }
        if (!StandardCharsets.UTF_8.equals(charset) && !encodesAsciiAsAscii(charset)) {
            throw bad("charset", name, "does not encode ASCII as single ASCII bytes; use UTF-8 or an ASCII-compatible charset");
        }
        return charset;
    }

    private static boolean encodesAsciiAsAscii(Charset charset) {
        if (!charset.canEncode()) {
            return false;
        }
        char[] ascii = new char[128];
        for (int i = 0; i < ascii.length; i++) {
            ascii[i] = (char) i;
        }
        byte[] encoded = new String(ascii).getBytes(charset);
        if (encoded.length != ascii.length) {
            return false;
        }
        for (int i = 0; i < encoded.length; i++) {
            if (encoded[i] != i) {
                return false;
            }
        }
        return true;
    }

    private static ZoneId zone(String timeZone) {
        if (timeZone == null || timeZone.isBlank()) {
            return ZoneId.of("UTC");
        }
        try {
            return ZoneId.of(timeZone.trim());
        } catch (DateTimeException unknown) {
            throw bad("timeZone", timeZone, "is not a time zone id (" + unknown.getMessage() + ")");
        }
    }

    private static Set<String> keyList(String list) {
        Set<String> keys = new LinkedHashSet<>();
        if (list != null) {
            for (String key : list.split(",")) {
                if (!key.isBlank()) {
                    keys.add(key.trim());
                }
            }
        }
        return keys;
    }

    static IllegalArgumentException bad(String attribute, String value, String problem) {
        return new IllegalArgumentException("PooledJsonLayout: " + attribute + "=\"" + value + "\" " + problem);
    }
}
