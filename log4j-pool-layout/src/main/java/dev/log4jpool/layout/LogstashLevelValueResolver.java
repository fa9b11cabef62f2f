package dev.log4jpool.layout;

import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.spi.StandardLevel;

/**
 * Ours: {@code {"$resolver": "logstashLevelValue"}}: logstash-logback-encoder's {@code level_value},
 * the level on Logback's scale, so that dashboards and alerts written for it ({@code level_value >=
 * 30000}) read our events alike: TRACE 5000, DEBUG 10000, INFO 20000, WARN 30000, ERROR 40000. Logback
 * has no FATAL; it is 50000 here (above ERROR, as in Log4j). OFF and ALL are Logback's
 * {@code Integer.MAX_VALUE} and {@code Integer.MIN_VALUE}. A custom level takes its standard level's value.
 */
final class LogstashLevelValueResolver {
    private LogstashLevelValueResolver() {
    }

    static TemplateNode<LogEvent> create(ResolverOptions options, TemplateContext context) {
        return new Value();
    }

    static int value(StandardLevel level) {
        switch (level) {
            case OFF:
                return Integer.MAX_VALUE;
            case FATAL:
                return 50_000;
            case ERROR:
                return 40_000;
            case WARN:
                return 30_000;
            case INFO:
                return 20_000;
            case DEBUG:
                return 10_000;
            case TRACE:
                return 5_000;
            default:
                return Integer.MIN_VALUE;
        }
    }

    static final class Value implements TemplateNode<LogEvent> {
        @Override
        public void write(LogEvent event, JsonWriter out, EventScratch scratch) {
            Level level = event.getLevel();
            if (level == null) {
                out.nullValue();
            } else {
                out.longValue(value(level.getStandardLevel()));
            }
        }
    }
}
