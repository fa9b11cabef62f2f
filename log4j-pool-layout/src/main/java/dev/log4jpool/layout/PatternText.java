package dev.log4jpool.layout;

import java.util.List;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.layout.PatternLayout;
import org.apache.logging.log4j.core.pattern.PatternFormatter;
import org.apache.logging.log4j.core.pattern.PatternParser;

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
 * {@code %m} with a reusable parameterized message and {@code %C.%M} allocate nothing;
 * {@code %replace} makes a builder, two Strings and a Matcher per event (GcpLayout's three patterns:
 * 408–480 B/event, all of it {@code %replace{%C.%M}…}); a throwable converter ({@code %ex}, or the
 * one {@code stackTraceEnabled} appends to {@code %m}) on an event with a throwable renders through
 * Log4j's own throwable code: about 82 KB per event for {@code EventCorpus.exception()}'s four
 * throwables, as in PatternLayout.
 */
final class PatternText implements TemplateNode<LogEvent> {
    private final PatternFormatter[] formatters;

    private PatternText(PatternFormatter[] formatters) {
        this.formatters = formatters;
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
        return new PatternText(formatters.toArray(new PatternFormatter[0]));
    }

    @Override
    public void write(LogEvent event, JsonWriter out, EventScratch scratch) {
        StringBuilder text = scratch.patternText();
        for (PatternFormatter formatter : formatters) {
            formatter.format(event, text);
        }
        out.stringValue(text);
    }
}
