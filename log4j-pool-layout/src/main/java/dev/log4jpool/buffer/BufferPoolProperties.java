package dev.log4jpool.buffer;

import java.util.function.IntConsumer;
import org.apache.logging.log4j.status.StatusLogger;
import org.apache.logging.log4j.util.Constants;
import org.apache.logging.log4j.util.PropertiesUtil;

/**
 * Builds the default pool from Log4j's property sources. A bad value must not take logging down
 * with it: it is reported on the StatusLogger, naming the property and the value, and the setting
 * keeps its default.
 */
final class BufferPoolProperties {
    static final String BUFFER_SIZE = "log4jpool.bufferSize";
    static final String MAX_BUFFERS = "log4jpool.maxBuffers";
    static final String MAX_RETAINED_SIZE = "log4jpool.maxRetainedSize";
    static final String THREAD_LOCAL = "log4jpool.threadLocal";

    private BufferPoolProperties() {}

    static BufferPool defaultPool() {
        BufferPool pool = fromProperties(PropertiesUtil.getProperties());
        BufferPoolJmx.register(pool);
        return pool;
    }

    static BufferPool fromProperties(PropertiesUtil properties) {
        BufferPool.Builder builder = BufferPool.newBuilder()
                .setName("default")
                .setThreadLocalEnabled(properties.getBooleanProperty(THREAD_LOCAL, Constants.ENABLE_THREADLOCALS));
        apply(properties, BUFFER_SIZE, builder::setBufferSize);
        apply(properties, MAX_BUFFERS, builder::setMaxBuffers);
        apply(properties, MAX_RETAINED_SIZE, builder::setMaxRetainedSize);
        try {
            return builder.build();
        } catch (IllegalArgumentException retainedBelowBufferSize) {
            report(MAX_RETAINED_SIZE, retainedBelowBufferSize.getMessage());
            return builder.useDefaultMaxRetainedSize().build();
        }
    }

    private static void apply(PropertiesUtil properties, String name, IntConsumer setting) {
        String value = properties.getStringProperty(name);
        if (value == null) {
            return;
        }
        try {
            setting.accept(Integer.parseInt(value.trim()));
        } catch (NumberFormatException e) {
            report(name, "'" + value + "' is not a whole number");
        } catch (IllegalArgumentException e) {
            report(name, e.getMessage());
        }
    }

    private static void report(String property, String problem) {
        StatusLogger.getLogger().error("log4j-pool: ignoring property {}: {}; using its default", property, problem);
    }
}
