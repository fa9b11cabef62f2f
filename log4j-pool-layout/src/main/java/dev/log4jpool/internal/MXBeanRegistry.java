package dev.log4jpool.internal;

import java.lang.management.ManagementFactory;
import java.util.HashMap;
import java.util.Map;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.logging.log4j.status.StatusLogger;
import org.apache.logging.log4j.util.PropertiesUtil;

/**
 * Registers the project's MXBeans of one type as {@code dev.log4jpool:type=<type>,name=<name>}.
 *
 * <p>A reconfiguration builds the new configuration's objects before it stops the old ones, so a
 * name may be registered again while its old owner is still registered: the newer owner replaces
 * the older, and the older's unregistration then leaves the newer alone. Follows Log4j's
 * {@code log4j2.disableJmx}. A JMX failure is reported on the status logger, never thrown: monitoring
 * must not stop logging.
 *
 * <p>Not API: public, in this internal package, for the buffer pool and the appender module.
 */
public final class MXBeanRegistry {
    private final String type;
    private final Map<String, Object> owners = new HashMap<>(); // guarded by this

    /** A registry for {@code dev.log4jpool:type=<type>} beans. */
    public MXBeanRegistry(String type) {
        this.type = type;
    }

    /** The name a bean of this type called {@code name} is registered under. */
    public ObjectName objectName(String name) {
        try {
            return new ObjectName("dev.log4jpool:type=" + type + ",name=" + quoteIfNeeded(name));
        } catch (JMException e) {
            throw new IllegalArgumentException(type + " name '" + name + "' cannot be a JMX name", e);
        }
    }

    /** Registers {@code bean} for {@code owner} under {@code name}, replacing an earlier owner's bean. */
    public synchronized void register(String name, Object owner, Object bean) {
        if (PropertiesUtil.getProperties().getBooleanProperty("log4j2.disableJmx", false)) {
            return;
        }
        ObjectName objectName = objectName(name);
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            if (server.isRegistered(objectName)) {
                server.unregisterMBean(objectName);
            }
            server.registerMBean(bean, objectName);
            owners.put(name, owner);
        } catch (JMException | SecurityException e) {
            StatusLogger.getLogger().warn("log4j-pool: could not register {} in JMX", objectName, e);
        }
    }

    /** Removes the bean of {@code owner}, unless a newer owner of the same name has taken its place. */
    public synchronized void unregister(String name, Object owner) {
        if (owners.get(name) != owner) {
            return;
        }
        owners.remove(name);
        ObjectName objectName = objectName(name);
        try {
            MBeanServer server = ManagementFactory.getPlatformMBeanServer();
            if (server.isRegistered(objectName)) {
                server.unregisterMBean(objectName);
            }
        } catch (JMException | SecurityException e) {
            StatusLogger.getLogger().warn("log4j-pool: could not unregister {} from JMX", objectName, e);
        }
    }

    private static String quoteIfNeeded(String value) {
        for (int i = 0; i < value.length(); i++) {
            if (",=:\"*?\n\\".indexOf(value.charAt(i)) >= 0) {
                return ObjectName.quote(value);
            }
        }
        return value;
    }
}
