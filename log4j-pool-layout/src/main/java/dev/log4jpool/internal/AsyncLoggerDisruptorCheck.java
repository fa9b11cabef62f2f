package dev.log4jpool.internal;

import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Node;
import org.apache.logging.log4j.core.config.plugins.util.PluginType;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * Warns, once per configuration, when Log4j's async loggers would run on LMAX Disruptor 4.
 *
 * <p>Why: in Log4j 2.25 and 2.26 an async logger that finds its ring full asks
 * {@code AsyncLoggerDisruptor.getEventRoute} (or {@code AsyncLoggerConfigDisruptor.getEventRoute}) what
 * to do, and both answer {@code DISCARD}, without consulting the queue-full policy, when
 * {@code RingBuffer.remainingCapacity()} is negative, which they take to mean "shut down". Disruptor
 * 3.4.4 claims a slot with a CAS loop and its remaining capacity never goes below 0; Disruptor 4.0.0's
 * {@code MultiProducerSequencer.next()} advances the cursor with {@code getAndAdd} before it waits for
 * space, so while one producer is parked in {@code next()} the capacity is negative (a ring of 4, a
 * stuck consumer and one parked producer: 3.4.4 reports 0, 4.0.0 reports -1; see
 * {@code DisruptorRemainingCapacityTest}). Every other thread that then finds the ring full has its
 * event dropped: no status message, no counter. Measured: 10,171 to 31,106 of 44,000 events lost with
 * two producers. Nothing in our plugins can repair that path, so the user is told at start.
 *
 * <p>Called from the builders of our plugins, which is when a configuration that uses them is being
 * built: its node tree is complete then, the loggers are not built yet.
 */
public final class AsyncLoggerDisruptorCheck {
    private static final String CHECKED = "log4jpool.asyncLoggerDisruptorChecked";
    private static final String ASYNC_CONTEXT = "org.apache.logging.log4j.core.async.AsyncLoggerContext";
    private static final String ASYNC_LOGGER = "org.apache.logging.log4j.core.async.AsyncLoggerConfig";
    private static final String ASYNC_ROOT = "org.apache.logging.log4j.core.async.AsyncLoggerConfig$RootLogger";
    /** In Disruptor 3.x, removed in 4.0: the same test Log4j's {@code DisruptorUtil} makes. */
    private static final String DISRUPTOR_3_ONLY_CLASS = "com.lmax.disruptor.SequenceReportingEventHandler";
    private static final String DISRUPTOR_CLASS = "com.lmax.disruptor.RingBuffer";

    private AsyncLoggerDisruptorCheck() {}

    /**
     * Reports one status-logger ERROR for {@code configuration} when it runs Log4j async loggers on
     * Disruptor 4.x; does nothing otherwise, or when this configuration was checked already.
     */
    public static void check(Configuration configuration) {
        if (configuration == null || configuration.getComponent(CHECKED) != null) {
            return;
        }
        configuration.addComponent(CHECKED, Boolean.TRUE);
        String asyncLoggers = describeAsyncLoggers(configuration);
        if (asyncLoggers != null && disruptorMajorVersion() == 4) {
            StatusLogger.getLogger().error(message(asyncLoggers));
        }
    }

    static String message(String asyncLoggers) {
        return "log4j-pool: " + asyncLoggers + " run on LMAX Disruptor 4, with which Log4j drops events "
                + "silently: when two threads find the async ring full, Disruptor 4 reports a negative "
                + "remaining capacity for the one waiting in next(), and Log4j's "
                + "AsyncLoggerDisruptor/AsyncLoggerConfigDisruptor.getEventRoute() discard the other "
                + "thread's event as if Log4j were shut down, without the queue-full policy, a status "
                + "message or a counter. Fix: use com.lmax:disruptor:3.4.4 (exclude 4.x from the "
                + "dependencies). See log4j-pool's README, \"Async loggers\".";
    }

    /** What uses async loggers in this configuration, in words; null if nothing does. */
    static String describeAsyncLoggers(Configuration configuration) {
        LoggerContext context = configuration.getLoggerContext();
        if (context != null && context.getClass().getName().equals(ASYNC_CONTEXT)) {
            return "All loggers are async loggers (AsyncLoggerContextSelector) and";
        }
        Node root = configuration instanceof org.apache.logging.log4j.core.config.AbstractConfiguration
                ? ((org.apache.logging.log4j.core.config.AbstractConfiguration) configuration).getRootNode()
                : null;
        String found = root == null ? null : findAsyncLoggerNode(root);
        return found == null ? null : "The configuration's <" + found + "> async logger(s)";
    }

    private static String findAsyncLoggerNode(Node node) {
        PluginType<?> type = node.getType();
        String className = type == null ? "" : type.getPluginClass().getName();
        if (className.equals(ASYNC_LOGGER) || className.equals(ASYNC_ROOT)
                || "AsyncLogger".equalsIgnoreCase(node.getName()) || "AsyncRoot".equalsIgnoreCase(node.getName())) {
            return node.getName();
        }
        for (Node child : node.getChildren()) {
            String found = findAsyncLoggerNode(child);
            if (found != null) {
                return found;
            }
        }
        return null;
    }

    /** 0 when no Disruptor is visible to Log4j, else 3 or 4, decided as Log4j decides it. */
    static int disruptorMajorVersion() {
        ClassLoader log4jLoader = LoggerContext.class.getClassLoader();
        if (!isPresent(DISRUPTOR_CLASS, log4jLoader)) {
            return 0;
        }
        return isPresent(DISRUPTOR_3_ONLY_CLASS, log4jLoader) ? 3 : 4;
    }

    private static boolean isPresent(String className, ClassLoader loader) {
        try {
            Class.forName(className, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
