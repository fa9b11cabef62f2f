package dev.log4jpool.layout;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.spi.StandardLevel;

/**
 * Ours: {@code {"$resolver": "gcpSeverity"}}: the level as a Cloud Logging {@code LogSeverity} name,
 * by the standard level it falls under: TRACE and DEBUG {@code DEBUG}, INFO {@code INFO}, WARN
 * {@code WARNING}, ERROR {@code ERROR}, FATAL {@code EMERGENCY} (JsonTemplateLayout's
 * {@code GcpLayout.json} mapping, kept for those who move from it), OFF {@code EMERGENCY}, ALL
 * {@code DEBUG}. A custom level takes the severity of the standard level it falls under, as
 * {@link StandardLevel#getStandardLevel} finds it (the nearest one at least as severe: a {@code NOTICE}
 * at 350, between WARN and INFO, is {@code WARNING}), so every event has a severity Cloud Logging knows; an event without a level is {@code DEFAULT}. GcpLayout does this with
 * a {@code %level{…}} pattern, which formats per event; here each answer is a constant.
 */
final class GcpSeverityResolver {
    private GcpSeverityResolver() {
    }

    static TemplateNode<LogEvent> create(ResolverOptions options, TemplateContext context) {
        return new Severity(context);
    }

    /** The severity's name for a standard level. */
    static String severity(StandardLevel level) {
        switch (level) {
            case OFF:
            case FATAL:
                return "EMERGENCY";
            case ERROR:
                return "ERROR";
            case WARN:
                return "WARNING";
            case INFO:
                return "INFO";
            default:
                return "DEBUG";
        }
    }

    static final class Severity implements TemplateNode<LogEvent> {
        private final StandardLevel[] levels = StandardLevel.values();
        /** Quoted, by {@link StandardLevel#ordinal()}. */
        private final char[][] names = new char[levels.length][];
        private final char[] unknown;

        Severity(TemplateContext context) {
            for (StandardLevel level : levels) {
                names[level.ordinal()] = context.quoted(severity(level));
            }
            unknown = context.quoted("DEFAULT");
        }

        @Override
        public void write(LogEvent event, JsonWriter out, EventScratch scratch) {
            Level level = event.getLevel();
            out.raw(level == null ? unknown : names[level.getStandardLevel().ordinal()]);
        }
    }
}
