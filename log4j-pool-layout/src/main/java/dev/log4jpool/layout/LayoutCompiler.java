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
 * or else the default schema, an object of {@link FieldWriter}s configured by the {@code *Key}
 * attributes. All checking happens here, once, and every error names the attribute and the value.
 */
final class LayoutCompiler {
    final TemplateNode<org.apache.logging.log4j.core.LogEvent> root;
    final LayoutSettings settings;
    final char[] eventDelimiter;
    final BufferPool pool;
    final Charset charset;
    final boolean locationInfo;
    final String description;

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

        TemplateSource template = TemplateSource.of("eventTemplate", builder.eventTemplate(), "eventTemplateUri",
                builder.eventTemplateUri(), charset);
        if (template != null) {
            EventTemplate.rejectDefaultSchemaAttributes(builder, template.name);
            this.locationInfo = builder.locationInfo();
            this.root = new EventTemplate(builder, template, marker, asciiOnly, charset).root;
            this.description = "PooledJsonLayout[template=" + template.name + ", charset=" + charset.name()
                    + ", pool=" + pool.getName() + "]";
            return;
        }
        if (builder.maxStackTraceLines() < 0) {
            throw bad("maxStackTraceLines", Integer.toString(builder.maxStackTraceLines()), "must be 0 (no limit) or positive");
        }
        TimestampFormat timestampFormat = TimestampFormat.parse(builder.timestampFormat());
        ZoneId zone = zone(builder.timeZone());
        StackTraceFormat stackTraceFormat = StackTraceFormat.parse(builder.stackTraceFormat());
        // Asking Log4j for the location costs a stack walk per event: only when it is written.
        this.locationInfo = builder.locationInfo() && builder.sourceKey() != null && !builder.sourceKey().isEmpty();

        List<FieldWriter> list = new ArrayList<>();
        String timestampKey = claim("timestampKey", builder.timestampKey());
        if (timestampKey != null) {
            list.add(new TimestampField(name(timestampKey, asciiOnly), timestampFormat, zone));
        }
        String levelKey = claim("levelKey", builder.levelKey());
        if (levelKey != null) {
            list.add(new LevelField(name(levelKey, asciiOnly), asciiOnly));
        }
        String loggerKey = claim("loggerKey", builder.loggerKey());
        if (loggerKey != null) {
            list.add(new NameFields.Logger(name(loggerKey, asciiOnly)));
        }
        String threadKey = claim("threadKey", builder.threadKey());
        if (threadKey != null) {
            list.add(new NameFields.Thread(name(threadKey, asciiOnly)));
        }
        String messageKey = claim("messageKey", builder.messageKey());
        if (messageKey != null) {
            list.add(new MessageMembers.Text(name(messageKey, asciiOnly)));
        }
        list.add(new MessageMembers.Fields());
        if (builder.includeContextData()) {
            String nested = claim("contextDataKey", builder.contextDataKey());
            list.add(new ContextDataFields(nested == null ? null : name(nested, asciiOnly),
                    keyList(builder.contextDataIncludes()), keyList(builder.contextDataExcludes())));
        }
        if (builder.locationInfo()) {
            String sourceKey = claim("sourceKey", builder.sourceKey());
            if (sourceKey != null) {
                list.add(new SourceField(name(sourceKey, asciiOnly)));
            }
        }
        String errorKey = claim("errorKey", builder.errorKey());
        if (errorKey != null) {
            list.add(new ErrorField(name(errorKey, asciiOnly), stackTraceFormat, builder.maxStackTraceLines(),
                    builder.includeRootCause()));
        }
        KeyValuePair[] additional = builder.additionalFields();
        if (additional != null && additional.length > 0) {
            list.add(new AdditionalFields(additionalMembers(additional, asciiOnly)));
        }
        this.root = defaultSchema(list, asciiOnly);
        this.description = "PooledJsonLayout[members=" + names.keySet() + ", timestampFormat=" + timestampFormat
                + ", timeZone=" + zone + ", charset=" + charset.name() + ", pool=" + pool.getName() + "]";
    }

    /**
     * The default schema's root object: its parts are flattening members, and the configured names
     * are reserved against run-time keys.
     */
    private TemplateNode<org.apache.logging.log4j.core.LogEvent> defaultSchema(List<FieldWriter> parts, boolean asciiOnly) {
        List<String> reserved = new ArrayList<>();
        for (String name : names.keySet()) {
            reserved.add(new String(JsonCodec.escapeConstant(name, asciiOnly)));
        }
        @SuppressWarnings("unchecked")
        TemplateNode<org.apache.logging.log4j.core.LogEvent>[] members = parts.toArray(new TemplateNode[0]);
        return new TemplateNodes.ObjectNode<>(new char[members.length][], members, new ReservedKeys(reserved));
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

    private char[] additionalMembers(KeyValuePair[] pairs, boolean asciiOnly) {
        StringBuilder members = new StringBuilder();
        for (KeyValuePair pair : pairs) {
            if (pair == null) {
                continue;
            }
            String key = pair.getKey();
            if (key == null || key.isEmpty()) {
                throw bad("KeyValuePair key", String.valueOf(key), "must not be empty");
            }
            claim("KeyValuePair key", key);
            if (members.length() > 0) {
                members.append(',');
            }
            members.append(name(key, asciiOnly));
            String value = pair.getValue();
            members.append(value == null ? "null".toCharArray() : quoted(value, asciiOnly));
        }
        char[] result = new char[members.length()];
        members.getChars(0, members.length(), result, 0);
        return result;
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
