package dev.log4jpool.buffer;

import java.beans.PropertyChangeEvent;
import java.beans.PropertyChangeListener;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.spi.LoggerContextShutdownAware;
import org.apache.logging.log4j.status.StatusLogger;

/**
 * The named pools of one configuration: same name, same pool. Registers them in JMX and unregisters
 * them when the configuration stops: Log4j has no stop hook for a configuration's components, so
 * this listens to its {@link LoggerContext}, which announces a replaced configuration (after stopping
 * it) and its own shutdown.
 */
final class ConfigurationPools implements PropertyChangeListener, LoggerContextShutdownAware {
    private static final String COMPONENT_KEY = "dev.log4jpool.buffer.ConfigurationPools";

    private final Configuration configuration;
    private final Map<String, BufferPool> pools = new LinkedHashMap<>(); // guarded by this
    private boolean stopped; // guarded by this

    private ConfigurationPools(Configuration configuration) {
        this.configuration = configuration;
    }

    static ConfigurationPools of(Configuration configuration) {
        ConfigurationPools existing = configuration.getComponent(COMPONENT_KEY);
        if (existing != null) {
            return existing;
        }
        ConfigurationPools created = new ConfigurationPools(configuration);
        configuration.addComponent(COMPONENT_KEY, created); // putIfAbsent
        ConfigurationPools winner = configuration.getComponent(COMPONENT_KEY);
        if (winner == created) {
            created.listenForStop();
        }
        return winner;
    }

    /** The pool already known by {@code described}'s name, or {@code described}, now registered. */
    synchronized BufferPool share(BufferPool described) {
        BufferPool existing = pools.get(described.getName());
        if (existing != null) {
            if (!sameSettings(existing, described)) {
                StatusLogger.getLogger().warn(
                        "log4j-pool: <BufferPool name=\"{}\"> is declared twice with different settings; "
                                + "both share the first: {} (ignored: {})",
                        described.getName(), existing, described);
            }
            return existing;
        }
        pools.put(described.getName(), described);
        if (!stopped) {
            BufferPoolJmx.register(described);
        }
        return described;
    }

    private static boolean sameSettings(BufferPool a, BufferPool b) {
        return a.getBufferSize() == b.getBufferSize()
                && a.getRingCapacity() == b.getRingCapacity()
                && a.isThreadLocalEnabled() == b.isThreadLocalEnabled()
                && a.getMaxRetainedSize() == b.getMaxRetainedSize();
    }

    private void listenForStop() {
        LoggerContext context = configuration.getLoggerContext();
        if (context != null) {
            context.addPropertyChangeListener(this);
            context.addShutdownListener(this);
        }
    }

    @Override
    public void propertyChange(PropertyChangeEvent event) {
        // updateLoggers() fires this event with old == new too: only a replacement stops us.
        if (LoggerContext.PROPERTY_CONFIG.equals(event.getPropertyName())
                && event.getOldValue() == configuration
                && event.getNewValue() != configuration) {
            stop((LoggerContext) event.getSource());
        }
    }

    @Override
    public void contextShutdown(org.apache.logging.log4j.spi.LoggerContext context) {
        stop((LoggerContext) context);
    }

    private synchronized void stop(LoggerContext context) {
        if (stopped) {
            return;
        }
        stopped = true;
        pools.values().forEach(BufferPoolJmx::unregister);
        context.removePropertyChangeListener(this);
        List<LoggerContextShutdownAware> listeners = context.getListeners();
        if (listeners != null) {
            listeners.remove(this);
        }
    }
}
