package dev.log4jpool.layout;

import java.lang.reflect.Field;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.core.pattern.FormattingInfo;
import org.apache.logging.log4j.core.pattern.LevelPatternConverter;
import org.apache.logging.log4j.core.pattern.LiteralPatternConverter;
import org.apache.logging.log4j.core.pattern.MessagePatternConverter;
import org.apache.logging.log4j.core.pattern.PatternFormatter;
import org.apache.logging.log4j.core.pattern.PatternParser;
import org.apache.logging.log4j.core.pattern.RegexReplacementConverter;

/**
 * The {@code pattern} resolver: the event formatted by a PatternLayout pattern ({@code pattern},
 * required, not blank), written as a JSON string. Log4j's own converters do the formatting, parsed
 * once with the layout's configuration, as JsonTemplateLayout's PatternLayout parses them; with
 * {@code stackTraceEnabled} (default: the layout's) a pattern without a throwable converter gets
 * PatternLayout's {@code alwaysWriteExceptions} one appended.
 *
 * <p>The text is formatted into a builder kept in the {@link EventScratch}, then escaped and cut
 * as any string: nothing is allocated here, so the pattern allocates what its converters allocate.
 * Measured on JDK 17 (see {@code PatternResolverTest}): {@code %level{…}} with its level map,
 * {@code %m} with a reusable parameterized message and {@code %C.%M} allocate nothing. Log4j's
 * {@code %replace} makes a builder, two Strings and a Matcher per event (GcpLayout's
 * {@code %replace{%C.%M}…}: 408–480 B/event), so a top-level {@code %replace} is run here instead
 * ({@link Replacement}: same text, nothing allocated); a throwable converter ({@code %ex}, or the
 * one {@code stackTraceEnabled} appends to {@code %m}) on an event with a throwable renders through
 * Log4j's own throwable code: about 82 KB per event for {@code EventCorpus.exception()}'s four
 * throwables, as in PatternLayout.
 *
 * <p>Three shortcuts give the same text without running every converter per event: a pattern of
 * {@code %level} and plain literals is formatted once per level at configuration ({@link LevelTexts});
 * a plain {@code %m} writes simple and map messages as the {@code message} resolver does; and an
 * event without a throwable skips the throwable converter {@code stackTraceEnabled} appended.
 */
final class PatternText extends TemplateNode<LogEvent> {
    private final PatternFormatter[] formatters;
    /** Per formatter: our run of it when it is a {@code %replace} we can see into, else {@code null}. */
    private final Replacement[] replacements;
    /**
     * How many formatters an event without a throwable needs: all but the throwable converter that
     * {@code stackTraceEnabled} appended, which writes nothing then (Log4j's {@code PatternParser}
     * says so of both the {@code %notEmpty{%n%ex}} and the {@code %ex} it may append).
     */
    private final int withoutThrowable;
    /** For a pattern that reads nothing of the event but its level, its text per level; else {@code null}. */
    private final LevelTexts levelTexts;
    /**
     * Whether the pattern (without the appended throwable converter) is a plain {@code %m}: the
     * message's text is then written as the {@code message} resolver writes it, where it can be
     * (GcpLayout's {@code message}), without formatting it into a builder and copying it from there.
     */
    private final boolean messageOnly;

    private PatternText(PatternFormatter[] formatters, int withoutThrowable) {
        this.formatters = formatters;
        this.withoutThrowable = withoutThrowable;
        this.replacements = new Replacement[formatters.length];
        for (int i = 0; i < formatters.length; i++) {
            replacements[i] = Replacement.of(formatters[i]);
        }
        this.levelTexts = LevelTexts.of(formatters, withoutThrowable);
        this.messageOnly = withoutThrowable == 1 && isPlainMessage(formatters[0]);
    }

    /** {@code %m} without options, width or alignment: Log4j's converter for it is one shared instance. */
    private static boolean isPlainMessage(PatternFormatter formatter) {
        FormattingInfo info = formatter.getFormattingInfo();
        return formatter.getConverter() == MessagePatternConverter.newInstance(null, null)
                && info.getMinLength() == 0 && info.getMaxLength() == Integer.MAX_VALUE;
    }

    static TemplateNode<LogEvent> create(ResolverOptions options, TemplateContext context) {
        String pattern = options.string("pattern", null);
        if (pattern == null) {
            throw options.error("pattern", "is required: a PatternLayout pattern");
        }
        if (pattern.isBlank()) {
            throw options.error("pattern", "must not be blank");
        }
        boolean stackTraceEnabled = options.bool("stackTraceEnabled", context.stackTraceEnabled());
        PatternParser parser = PatternLayout.createPatternParser(context.configuration());
        List<PatternFormatter> formatters;
        try {
            formatters = parser.parse(pattern, stackTraceEnabled, false, false);
        } catch (RuntimeException invalid) {
            throw options.error("pattern", "\"" + pattern + "\" cannot be parsed: " + invalid.getMessage());
        }
        // The same pattern without the appended throwable converter: one formatter fewer when one was appended.
        int withoutThrowable = stackTraceEnabled ? parser.parse(pattern, false, false, false).size() : formatters.size();
        return new PatternText(formatters.toArray(new PatternFormatter[0]),
                withoutThrowable == formatters.size() - 1 ? withoutThrowable : formatters.size());
    }

    @Override
    public void write(LogEvent event, JsonWriter out, EventScratch scratch) {
        int count = withoutThrowable == formatters.length || event.getThrown() != null ? formatters.length : withoutThrowable;
        if (messageOnly && count == withoutThrowable && MessageResolver.writeFormattedText(event.getMessage(), out, scratch)) {
            return;
        }
        if (levelTexts != null && count == withoutThrowable) {
            String text = levelTexts.of(event.getLevel());
            if (text != null) {
                out.stringValue(text);
                return;
            }
        }
        StringBuilder text = scratch.patternText();
        for (int i = 0; i < count; i++) {
            if (replacements[i] != null) {
                replacements[i].format(event, text, scratch);
            } else {
                formatters[i].format(event, text);
            }
        }
        out.stringValue(text);
    }

    /**
     * The text of a pattern made of {@code %level} (any options) and plain literals, for each level
     * Log4j knew when the template was compiled (a level made later is formatted as usual): such a
     * pattern reads nothing else of the event (GcpLayout's {@code %level{WARN=WARNING, …}}).
     */
    static final class LevelTexts {
        private final Level[] levels;
        private final String[] texts;

        private LevelTexts(Level[] levels, String[] texts) {
            this.levels = levels;
            this.texts = texts;
        }

        /** {@code null} unless every one of the first {@code count} formatters is a level or a plain literal. */
        static LevelTexts of(PatternFormatter[] formatters, int count) {
            for (int i = 0; i < count; i++) {
                Object converter = formatters[i].getConverter();
                boolean plainLiteral = converter instanceof LiteralPatternConverter
                        && !((LiteralPatternConverter) converter).getLiteral().contains("${");
                if (!(converter instanceof LevelPatternConverter) && !plainLiteral) {
                    return null;
                }
            }
            Level[] levels = Level.values();
            String[] texts = new String[levels.length];
            StringBuilder text = new StringBuilder();
            for (int l = 0; l < levels.length; l++) {
                LogEvent event = Log4jLogEvent.newBuilder().setLevel(levels[l]).build();
                text.setLength(0);
                for (int i = 0; i < count; i++) {
                    formatters[i].format(event, text);
                }
                texts[l] = text.toString();
            }
            return new LevelTexts(levels, texts);
        }

        /** The text for {@code level}, or {@code null} for a level made after the template. */
        String of(Level level) {
            for (int i = 0; i < levels.length; i++) {
                if (levels[i] == level) {
                    return texts[i];
                }
            }
            return null;
        }
    }

    /**
     * Log4j's {@code %replace{pattern}{regex}{substitution}}, run with the scratch's builder and
     * matcher: the inner pattern's text, every match of the regex replaced as
     * {@code Matcher.replaceAll} does, then the formatter's width and alignment. Log4j keeps the
     * three parts in private fields; they are read once, at configuration, and where they cannot be
     * (a changed class, a module that does not open it) Log4j's converter runs as it is.
     */
    static final class Replacement {
        private final PatternFormatter formatter;
        private final PatternFormatter[] inner;
        private final Pattern regex;
        /**
         * The substitution taken apart as {@code Matcher.appendReplacement} reads it: literal text,
         * and group references ({@code $n}, {@code ${name}}) as {@link Group}s. (The JDK's method
         * makes a builder per match, which is why it is not used.)
         */
        private final Object[] substitution;

        private Replacement(PatternFormatter formatter, PatternFormatter[] inner, Pattern regex, Object[] substitution) {
            this.formatter = formatter;
            this.inner = inner;
            this.regex = regex;
            this.substitution = substitution;
        }

        static Replacement of(PatternFormatter formatter) {
            if (!(formatter.getConverter() instanceof RegexReplacementConverter)) {
                return null;
            }
            try {
                Object converter = formatter.getConverter();
                List<?> inner = (List<?>) field(converter, "formatters");
                Pattern regex = (Pattern) field(converter, "pattern");
                return new Replacement(formatter, inner.toArray(new PatternFormatter[0]),
                        regex, parse((String) field(converter, "substitution"), regex));
            } catch (ReflectiveOperationException | RuntimeException unreadable) {
                return null;
            }
        }

        private static Object field(Object converter, String name) throws ReflectiveOperationException {
            Field field = RegexReplacementConverter.class.getDeclaredField(name);
            field.setAccessible(true);
            return java.util.Objects.requireNonNull(field.get(converter), name);
        }

        /**
         * Reads a substitution by {@code Matcher.appendReplacement}'s rules: {@code \x} is a literal
         * {@code x}; {@code $} is followed by a group number (as many digits as still name a group)
         * or by {@code {name}}. A substitution those rules refuse throws, and {@link #of} leaves the
         * pattern to Log4j's own converter (which fails on it per event, as it always did).
         */
        static Object[] parse(String substitution, Pattern regex) {
            int groups = regex.matcher("").groupCount();
            List<Object> parts = new java.util.ArrayList<>();
            StringBuilder literal = new StringBuilder();
            for (int i = 0; i < substitution.length(); i++) {
                char c = substitution.charAt(i);
                if (c == '\\') {
                    if (++i == substitution.length()) {
                        throw new IllegalArgumentException("character to be escaped is missing");
                    }
                    literal.append(substitution.charAt(i));
                } else if (c != '$') {
                    literal.append(c);
                } else {
                    if (++i == substitution.length()) {
                        throw new IllegalArgumentException("illegal group reference: group index is missing");
                    }
                    if (literal.length() > 0) {
                        parts.add(literal.toString());
                        literal.setLength(0);
                    }
                    if (substitution.charAt(i) == '{') {
                        int close = substitution.indexOf('}', i);
                        if (close < 0) {
                            throw new IllegalArgumentException("named capturing group is missing trailing '}'");
                        }
                        String name = substitution.substring(i + 1, close);
                        if (!namedGroups(regex).contains(name)) {
                            throw new IllegalArgumentException("no group named " + name);
                        }
                        parts.add(new Group(-1, name));
                        i = close;
                    } else {
                        int number = substitution.charAt(i) - '0';
                        if (number < 0 || number > 9) {
                            throw new IllegalArgumentException("illegal group reference");
                        }
                        while (i + 1 < substitution.length()) {
                            int digit = substitution.charAt(i + 1) - '0';
                            if (digit < 0 || digit > 9 || number * 10 + digit > groups) {
                                break;
                            }
                            number = number * 10 + digit;
                            i++;
                        }
                        if (number > groups) {
                            throw new IllegalArgumentException("no group " + number);
                        }
                        parts.add(new Group(number, null));
                    }
                }
            }
            if (literal.length() > 0) {
                parts.add(literal.toString());
            }
            return parts.toArray();
        }

        /**
         * The regex's group names, from {@code Pattern.namedGroups()} (public since Java 20); on an
         * older JDK this throws, and Log4j's own converter runs a substitution with a named group.
         */
        private static java.util.Set<String> namedGroups(Pattern regex) {
            try {
                return ((java.util.Map<?, ?>) Pattern.class.getMethod("namedGroups").invoke(regex)).keySet().stream()
                        .map(String.class::cast).collect(java.util.stream.Collectors.toSet());
            } catch (ReflectiveOperationException olderJdk) {
                throw new IllegalArgumentException("named groups cannot be read before Java 20", olderJdk);
            }
        }

        /** {@code Matcher.replaceAll} with a {@link #parse parsed} substitution, appended to {@code text}. */
        static void replaceAll(Matcher matcher, CharSequence input, Object[] substitution, StringBuilder text) {
            int copied = 0;
            while (matcher.find()) {
                text.append(input, copied, matcher.start());
                for (Object part : substitution) {
                    if (part instanceof Group) {
                        ((Group) part).append(matcher, input, text);
                    } else {
                        text.append((String) part);
                    }
                }
                copied = matcher.end();
            }
            text.append(input, copied, input.length());
        }

        /** A group reference of a substitution: by number, or by name when {@code name} is set. */
        static final class Group {
            private final int number;
            private final String name;

            Group(int number, String name) {
                this.number = number;
                this.name = name;
            }

            /** The group's text in the current match; nothing when it did not take part. */
            void append(Matcher matcher, CharSequence input, StringBuilder text) {
                int start = name == null ? matcher.start(number) : matcher.start(name);
                if (start >= 0) {
                    text.append(input, start, name == null ? matcher.end(number) : matcher.end(name));
                }
            }
        }

        void format(LogEvent event, StringBuilder text, EventScratch scratch) {
            int start = text.length();
            StringBuilder input = scratch.replacementInput();
            for (PatternFormatter part : inner) {
                part.format(event, input);
            }
            LastReplacement last = scratch.lastReplacement;
            if (last.owner == this && CharSequence.compare(last.input, input) == 0) {
                text.append(last.output);
            } else {
                Matcher matcher = scratch.matchers.reset(regex, input);
                replaceAll(matcher, input, substitution, text);
                scratch.matchers.release(matcher);
                last.remember(this, input, text, start);
            }
            if (formatter.getFormattingInfo() != FormattingInfo.getDefault()) { // as PatternFormatter tells
                formatter.getFormattingInfo().format(start, text);
            }
        }
    }

    /**
     * The last {@code %replace} a scratch ran: its input and its output. The output depends on the
     * input alone, so an event whose inner text is the previous one's (the same call site, or no
     * location at all, as in GcpLayout's {@code %replace{%C.%M}{^\?\.$}{}}) copies the output
     * instead of running the regex again (which was a seventh of a GcpLayout event). One slot: a
     * template with several {@code %replace}s runs the regexes of all but one each time.
     */
    static final class LastReplacement {
        private Replacement owner;
        private StringBuilder input = new StringBuilder(64);
        private StringBuilder output = new StringBuilder(64);

        void remember(Replacement replacement, CharSequence replaced, StringBuilder text, int start) {
            owner = replacement;
            input.setLength(0);
            input.append(replaced);
            output.setLength(0);
            output.append(text, start, text.length());
        }

        /** Forgets the texts when they grew past {@code maxRetained} chars (bounds the memory kept). */
        void trim(int maxRetained) {
            if (input.capacity() > maxRetained || output.capacity() > maxRetained) {
                owner = null;
                input = new StringBuilder(64);
                output = new StringBuilder(64);
            }
        }
    }
}
