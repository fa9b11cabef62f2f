package dev.log4jpool.layout;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.message.MapMessage;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.util.ReadOnlyStringMap;
import org.apache.logging.log4j.util.TriConsumer;

/**
 * The {@code mdc} (thread context data) and {@code map} ({@code MapMessage} entries) resolvers, with
 * JsonTemplateLayout's options and meanings:
 * <ul>
 * <li>{@code "key": "k"} writes that entry's value, typed ({@link TypedValues}); the member is left
 *     out when the map has no such key; a {@code null} value is {@code null}.</li>
 * <li>Otherwise every entry (those whose key matches {@code "pattern"} exactly, when given, their key
 *     rewritten by {@code "replacement"}, Java's {@code Matcher.replaceAll} syntax), as an object, or
 *     with {@code "flatten": true} / {@code {"prefix": "p."}} as members of the enclosing object (keys
 *     prefixed). No map or an empty one leaves the member out (in an array: {@code null}); a map whose
 *     keys all fail the pattern is {@code {}}.</li>
 * <li>{@code "stringified": true} writes each value as {@code String.valueOf(value)}.</li>
 * </ul>
 * {@code key} excludes {@code flatten} and {@code pattern}; {@code replacement} needs {@code pattern}.
 *
 * <p><b>Keys are never repeated</b> in an object (JsonTemplateLayout writes duplicates): a flattened key
 * equal to a configured member's name or to an earlier flattened key, or two keys that a replacement
 * rewrote alike, get {@code _} prefixed ({@link JsonWriter#dynamicName}).
 *
 * <p><b>Allocation</b>: none per event for string, boxed-number and boolean values in every mode,
 * {@code stringified} and flattening with a prefix included (the prefixed key is written from its two
 * parts). A pattern's verdict and rewritten key are remembered per key string ({@link KeyRewrite}), so a
 * known key is not matched again; JsonTemplateLayout runs a {@code Matcher} per entry and event.
 */
final class StringMapResolvers {
    private StringMapResolvers() {}

    static TemplateNode<LogEvent> mdc(ResolverOptions options, TemplateContext context) {
        return create(options, ContextDataSource.INSTANCE);
    }

    static TemplateNode<LogEvent> map(ResolverOptions options, TemplateContext context) {
        return create(options, MapMessageSource.INSTANCE);
    }

    private static TemplateNode<LogEvent> create(ResolverOptions options, MapSource source) {
        Flatten flatten = Flatten.read(options);
        String key = options.string("key", null);
        if (key != null && flatten.enabled) {
            throw options.error("key", "cannot be combined with \"flatten\"");
        }
        String pattern = options.string("pattern", null);
        if (pattern != null && key != null) {
            throw options.error("pattern", "cannot be combined with \"key\"");
        }
        String replacement = options.string("replacement", null);
        if (replacement != null && pattern == null) {
            throw options.error("replacement", "needs a \"pattern\"");
        }
        boolean stringified = options.bool("stringified", false);
        if (key != null) {
            return new Value(source, key, stringified);
        }
        KeyRewrite rewrite = pattern == null ? null : KeyRewrite.of(options, pattern, replacement);
        return flatten.enabled ? new FlatEntries(source, flatten.prefix, rewrite, stringified)
                : new Entries(source, rewrite, stringified);
    }

    /** The {@code flatten} option, shared with the {@code structured} resolver: {@code true}, {@code false} or {@code {"prefix": …}}. */
    static final class Flatten {
        final boolean enabled;
        /** {@code null}: keys as they are. */
        final String prefix;

        private Flatten(boolean enabled, String prefix) {
            this.enabled = enabled;
            this.prefix = prefix;
        }

        static Flatten read(ResolverOptions options) {
            Object value = options.raw("flatten");
            if (value == null) {
                return new Flatten(false, null);
            }
            if (value instanceof Boolean) {
                return new Flatten((Boolean) value, null);
            }
            if (value instanceof Map) {
                String prefix = options.object("flatten").string("prefix", null);
                return new Flatten(true, prefix == null || prefix.isEmpty() ? null : prefix);
            }
            throw options.error("flatten", "must be true, false or an object such as {\"prefix\": \"…\"}, not "
                    + ResolverOptions.describe(value));
        }
    }

    /** Where the map comes from. */
    interface MapSource {
        /** The event's map, or {@code null} when it has none. */
        ReadOnlyStringMap of(LogEvent event);
    }

    /** The thread context (MDC) copied into the event. */
    static final class ContextDataSource implements MapSource {
        static final ContextDataSource INSTANCE = new ContextDataSource();

        @Override
        public ReadOnlyStringMap of(LogEvent event) {
            return event.getContextData();
        }
    }

    /** The entries of a {@code MapMessage} (its own indexed map: no copy); other messages have none. */
    static final class MapMessageSource implements MapSource {
        static final MapMessageSource INSTANCE = new MapMessageSource();

        @Override
        public ReadOnlyStringMap of(LogEvent event) {
            Message message = event.getMessage();
            return message instanceof MapMessage ? ((MapMessage<?, ?>) message).getIndexedReadOnlyStringMap() : null;
        }
    }

    /** {@code "key": …}: one entry's value; left out when the key is absent. */
    static final class Value extends TemplateNode<LogEvent> {
        private final MapSource source;
        private final String key;
        private final boolean stringified;

        Value(MapSource source, String key, boolean stringified) {
            this.source = source;
            this.key = key;
            this.stringified = stringified;
        }

        @Override
        public boolean isPresent(LogEvent event) {
            ReadOnlyStringMap map = source.of(event);
            return map != null && map.containsKey(key);
        }

        @Override
        PresenceGuard<LogEvent> presenceGuard() {
            return source == ContextDataSource.INSTANCE ? PresenceGuard.HAS_CONTEXT : null;
        }

        @Override
        public void write(LogEvent event, JsonWriter out, EventScratch scratch) {
            ReadOnlyStringMap map = source.of(event);
            Object value = map == null ? null : map.getValue(key);
            Throwable failure = scratch.typedValues.writeContained(value, stringified);
            if (failure != null) {
                out.settings().failures.report("the value of " + key, event, failure);
            }
        }
    }

    /** What both ways of writing every entry share: the map, the key rewrite, the value form; present when the map has entries. */
    abstract static class EveryEntry extends TemplateNode<LogEvent> {
        final MapSource source;
        final KeyRewrite rewrite;
        final boolean stringified;

        EveryEntry(MapSource source, KeyRewrite rewrite, boolean stringified) {
            this.source = source;
            this.rewrite = rewrite;
            this.stringified = stringified;
        }

        @Override
        public boolean isPresent(LogEvent event) {
            ReadOnlyStringMap map = source.of(event);
            return map != null && !map.isEmpty();
        }

        @Override
        PresenceGuard<LogEvent> presenceGuard() {
            return source == ContextDataSource.INSTANCE ? PresenceGuard.HAS_CONTEXT : null;
        }
    }

    /** Every entry (or those the pattern keeps), as an object of their own. */
    static final class Entries extends EveryEntry {
        Entries(MapSource source, KeyRewrite rewrite, boolean stringified) {
            super(source, rewrite, stringified);
        }

        @Override
        public void write(LogEvent event, JsonWriter out, EventScratch scratch) {
            ReadOnlyStringMap map = source.of(event);
            if (map == null || map.isEmpty()) {
                out.nullValue(); // only reached in an array, which writes every element
                return;
            }
            out.openObject(ReservedKeys.NONE);
            Loop.run(map, out, scratch, null, rewrite, stringified);
            out.closeObject();
        }
    }

    /** Every entry (or those the pattern keeps), as members of the enclosing object, keys prefixed when asked. */
    static final class FlatEntries extends EveryEntry {
        private final String prefix;

        FlatEntries(MapSource source, String prefix, KeyRewrite rewrite, boolean stringified) {
            super(source, rewrite, stringified);
            this.prefix = prefix;
        }

        @Override
        public boolean isFlattening() {
            return true;
        }

        @Override
        public void write(LogEvent event, JsonWriter out, EventScratch scratch) {
            ReadOnlyStringMap map = source.of(event);
            if (map != null && !map.isEmpty()) {
                Loop.run(map, out, scratch, prefix, rewrite, stringified);
            }
        }
    }

    /**
     * The state of one walk over a map, handed to {@code ReadOnlyStringMap.forEach} with a constant
     * consumer, so that the walk allocates nothing. One per {@link EventScratch}.
     */
    static final class Loop {
        /** A constant: the loop is the state, so {@code forEach} needs no capturing lambda. */
        private static final TriConsumer<String, Object, Loop> ENTRY = (key, value, loop) -> loop.entry(key, value);

        private JsonWriter out;
        private EventScratch scratch;
        private String prefix;
        private KeyRewrite rewrite;
        private boolean stringified;

        static void run(ReadOnlyStringMap map, JsonWriter out, EventScratch scratch, String prefix, KeyRewrite rewrite,
                boolean stringified) {
            Loop loop = scratch.mapLoop;
            loop.out = out;
            loop.scratch = scratch;
            loop.prefix = prefix;
            loop.rewrite = rewrite;
            loop.stringified = stringified;
            try {
                map.forEach(ENTRY, loop);
            } finally {
                loop.out = null;
                loop.scratch = null;
                loop.rewrite = null;
                loop.prefix = null;
            }
        }

        private void entry(String key, Object value) {
            String name = rewrite == null ? key : rewrite.apply(key);
            if (name == null) {
                return; // the pattern does not match this key
            }
            if (prefix == null) {
                out.dynamicName(name);
            } else {
                out.dynamicName(prefix, name);
            }
            Throwable failure = scratch.typedValues.writeContained(value, stringified);
            if (failure != null) {
                out.settings().failures.report("the value of " + key, scratch.event, failure);
            }
        }
    }

    /**
     * {@code pattern} and {@code replacement} applied to a key, as JsonTemplateLayout applies them
     * ({@code matcher(key).matches()}, then {@code replaceAll(replacement)}), with the answer remembered
     * per key: map keys are few and come back every event (MDC keys are usually the same String
     * constants), so after the first event a known key costs a hash lookup and no {@code Matcher}.
     *
     * <p><b>Memory</b>: at most {@value #MAX_KEYS} keys are remembered per resolver, each (and its
     * rewritten form) at most {@value #MAX_KEY_LENGTH} chars: under 1 MiB in the worst case. Keys past
     * that bound are matched every time (allocating a {@code Matcher}, as JsonTemplateLayout does).
     * Thread-safe: the map is concurrent and a key's answer never changes.
     */
    static final class KeyRewrite {
        static final int MAX_KEYS = 1024;
        static final int MAX_KEY_LENGTH = 128;
        /** The remembered answer for a key the pattern does not match (compared by identity). */
        @SuppressWarnings("StringOperationCanBeSimplified")
        private static final String NO_MATCH = new String("(no match)");

        private final Pattern pattern;
        /** {@code null}: a matching key is kept as it is. */
        private final String replacement;
        private final ConcurrentHashMap<String, String> known = new ConcurrentHashMap<>();

        private KeyRewrite(Pattern pattern, String replacement) {
            this.pattern = pattern;
            this.replacement = replacement;
        }

        static KeyRewrite of(ResolverOptions options, String regex, String replacement) {
            Pattern pattern;
            try {
                pattern = Pattern.compile(regex);
            } catch (PatternSyntaxException invalid) {
                throw options.error("pattern", "is not a valid regular expression: " + invalid.getDescription()
                        + " near index " + invalid.getIndex());
            }
            if (replacement != null) {
                String problem = replacementProblem(replacement, pattern.matcher("").groupCount());
                if (problem != null) {
                    throw options.error("replacement", problem);
                }
            }
            return new KeyRewrite(pattern, replacement);
        }

        /** The key to write for {@code key}, or {@code null} when the pattern does not match it. */
        String apply(String key) {
            if (key == null) {
                return rewrite("null");
            }
            String known = this.known.get(key);
            if (known != null) {
                return known == NO_MATCH ? null : known;
            }
            String rewritten = rewrite(key);
            if (this.known.size() < MAX_KEYS && key.length() <= MAX_KEY_LENGTH
                    && (rewritten == null || rewritten.length() <= MAX_KEY_LENGTH)) {
                this.known.put(key, rewritten == null ? NO_MATCH : rewritten);
            }
            return rewritten;
        }

        private String rewrite(String key) {
            Matcher matcher = pattern.matcher(key);
            if (!matcher.matches()) {
                return null;
            }
            return replacement == null ? key : matcher.replaceAll(replacement);
        }

        /**
         * What {@code Matcher.replaceAll} would reject in {@code replacement}, found now rather than on
         * the first matching key: a trailing {@code \} or {@code $}, a {@code $} followed by neither a
         * group number nor {@code {name}}, a group number the pattern does not have. (A named group's
         * existence can only be checked when a key matches: a wrong name fails that member then.)
         */
        static String replacementProblem(String replacement, int groupCount) {
            for (int i = 0; i < replacement.length(); i++) {
                char c = replacement.charAt(i);
                if (c == '\\') {
                    if (++i == replacement.length()) {
                        return "ends with a lone backslash";
                    }
                } else if (c == '$') {
                    if (++i == replacement.length()) {
                        return "ends with a lone '$' (write \\$ for a dollar sign)";
                    }
                    char next = replacement.charAt(i);
                    if (next == '{') {
                        int close = replacement.indexOf('}', i);
                        if (close < 0) {
                            return "has a group reference ${… without its closing brace";
                        }
                        if (close == i + 1) {
                            return "has an empty group name ${}";
                        }
                        i = close;
                    } else if (next >= '0' && next <= '9') {
                        if (next - '0' > groupCount) {
                            return "refers to group " + next + ", but the pattern has " + groupCount
                                    + (groupCount == 1 ? " group" : " groups");
                        }
                    } else {
                        return "has a '$' followed by neither a group number nor {name} (write \\$ for a dollar sign)";
                    }
                }
            }
            return null;
        }
    }
}
