package dev.log4jpool.layout;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.net.Severity;

/**
 * The {@code level} resolver, with JsonTemplateLayout's options: {@code "field": "name"} (the
 * level's name, a string) or {@code "field": "severity"} with {@code "severity": {"field": "keyword"}}
 * (the syslog severity's name: {@code INFO}, {@code WARNING}, {@code ALERT}…) or
 * {@code "severity": {"field": "code"}} (its number, RFC 5424: {@code 6} for INFO). Severities are
 * Log4j's mapping ({@link Severity#getSeverity}), which goes by the level's standard level, so a
 * custom level gets the severity of the standard level it falls under. The texts of the levels
 * known when the layout is built are made then; a level defined later is written from its name or
 * severity (no allocation either way).
 *
 * <p>Difference: an event without a level is written as {@code null}; JsonTemplateLayout fails on it.
 */
final class LevelResolvers {
    private LevelResolvers() {}

    static TemplateNode<LogEvent> create(ResolverOptions options, TemplateContext context) {
        String field = options.requiredChoice("field", "name", "severity");
        if (field.equals("name")) {
            return new LevelName(context);
        }
        ResolverOptions severity = options.object("severity");
        if (severity == null) {
            throw options.error("severity",
                    "is required with \"field\": \"severity\"; {\"field\": \"keyword\"} or {\"field\": \"code\"}");
        }
        String severityField = severity.requiredChoice("field", "keyword", "code");
        return severityField.equals("keyword") ? new SeverityKeyword(context) : new SeverityCode();
    }

    /**
     * The JSON of each level known at configuration, found by identity (Level is compared by
     * identity); a later level is not among them.
     */
    abstract static class PreparedLevels extends TemplateNode<LogEvent> {
        private final Level[] levels = Level.values();
        private final char[][] json = new char[levels.length][];

        final void prepare(TemplateContext context) {
            for (int i = 0; i < levels.length; i++) {
                json[i] = context.quoted(text(levels[i]));
            }
        }

        @Override
        public final void write(LogEvent event, JsonWriter out, EventScratch scratch) {
            Level level = event.getLevel();
            if (level == null) {
                out.nullValue();
                return;
            }
            for (int i = 0; i < levels.length; i++) {
                if (levels[i] == level) {
                    out.raw(json[i]);
                    return;
                }
            }
            out.stringValue(text(level));
        }

        abstract String text(Level level);
    }

    /** {@code "field": "name"}. */
    static final class LevelName extends PreparedLevels {
        LevelName(TemplateContext context) {
            prepare(context);
        }

        @Override
        String text(Level level) {
            return level.name();
        }
    }

    /** {@code "field": "severity", "severity": {"field": "keyword"}}. */
    static final class SeverityKeyword extends PreparedLevels {
        SeverityKeyword(TemplateContext context) {
            prepare(context);
        }

        @Override
        String text(Level level) {
            return Severity.getSeverity(level).name();
        }
    }

    /** {@code "field": "severity", "severity": {"field": "code"}}: a number, no table needed. */
    static final class SeverityCode extends TemplateNode<LogEvent> {
        @Override
        public void write(LogEvent event, JsonWriter out, EventScratch scratch) {
            Level level = event.getLevel();
            if (level == null) {
                out.nullValue();
            } else {
                out.longValue(Severity.getSeverity(level).getCode());
            }
        }
    }
}
