package dev.log4jpool.layout;

import dev.log4jpool.internal.ReportThrottle;
import java.util.concurrent.TimeUnit;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * Reports a member that failed on an event (it was written with a marker in its place) through the
 * StatusLogger, rate-limited per layout: the first failure with its stack trace, then at most once a
 * minute the count since the last report, with the latest failure's kind. A member that fails on
 * every event was reported 1,320 times in one run before (issue 14).
 */
final class FailureReporter {
    private static final StatusLogger LOGGER = StatusLogger.getLogger();

    private final ReportThrottle throttle = new ReportThrottle(1, TimeUnit.MINUTES);

    /** {@code part}: what failed ({@code ContextDataFields}, {@code a value of class …}). */
    void report(String part, LogEvent event, Throwable failure) {
        long due = throttle.record();
        if (due == ReportThrottle.SILENT) {
            return;
        }
        String logger = loggerOf(event);
        if (due == ReportThrottle.FIRST) {
            LOGGER.error("PooledJsonLayout: {} failed on an event of logger {}; the event was written with a marker in its"
                    + " place. Further failures of this layout are counted and reported at most once a minute.",
                    part, logger, failure);
        } else {
            LOGGER.error("PooledJsonLayout: {} more failures in the last minute or more, each written as a marker; the"
                    + " latest: {} failed on an event of logger {} with {}", due, part, logger, failure.getClass().getName());
        }
    }

    void report(TemplateNode<?> node, LogEvent event, Throwable failure) {
        report(nameOf(node), event, failure);
    }

    /** A node's class as a reader finds it: {@code ContextDataFields}, {@code MessageMembers.Fields}. */
    static String nameOf(TemplateNode<?> node) {
        String name = node.getClass().getName();
        return name.substring(name.lastIndexOf('.') + 1).replace('$', '.');
    }

    /** The logger's name, which a hostile event may fail to give. */
    private static String loggerOf(LogEvent event) {
        try {
            return event == null ? null : event.getLoggerName();
        } catch (RuntimeException | LinkageError failure) { // NOPMD: the report must not fail in turn
            return "[getLoggerName() threw " + failure.getClass().getName() + "]";
        }
    }
}
