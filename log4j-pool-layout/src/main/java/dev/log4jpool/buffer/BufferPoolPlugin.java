package dev.log4jpool.buffer;

import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.Node;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginBuilderFactory;
import org.apache.logging.log4j.core.config.plugins.PluginConfiguration;
import org.apache.logging.log4j.core.config.plugins.validation.constraints.Required;

/**
 * The {@code <BufferPool>} configuration element, nested in a layout or an appender:
 * <pre>{@code
 * <BufferPool name="large" bufferSize="65536" maxBuffers="4" threadLocal="true" maxRetainedSize="524288"/>
 * }</pre>
 * It yields a {@link BufferPool}. Elements with the same {@code name} in one configuration share one
 * pool (the first element's settings win; a differing one is reported). The pool is visible in JMX
 * while its configuration runs, and unregistered when it stops.
 *
 * <p>Attributes and defaults: {@code name} (required), {@code bufferSize} 8192,
 * {@code maxBuffers} 32, {@code threadLocal} Log4j's {@code log4j2.enableThreadlocals},
 * {@code maxRetainedSize} 8 × {@code bufferSize}.
 */
@Plugin(name = "BufferPool", category = Node.CATEGORY, printObject = true)
public final class BufferPoolPlugin {
    private BufferPoolPlugin() {}

    @PluginBuilderFactory
    public static Builder newBuilder() {
        return new Builder();
    }

    /** Builds (or finds) the pool an element describes. */
    public static final class Builder implements org.apache.logging.log4j.core.util.Builder<BufferPool> {
        @PluginBuilderAttribute
        @Required(message = "A <BufferPool> needs a name attribute")
        private String name;

        @PluginBuilderAttribute
        private int bufferSize = BufferPool.DEFAULT_BUFFER_SIZE;

        @PluginBuilderAttribute
        private int maxBuffers = BufferPool.DEFAULT_MAX_BUFFERS;

        @PluginBuilderAttribute
        private Boolean threadLocal;

        @PluginBuilderAttribute
        private int maxRetainedSize;

        @PluginConfiguration
        private Configuration configuration;

        public Builder setName(String name) {
            this.name = name;
            return this;
        }

        public Builder setBufferSize(int bufferSize) {
            this.bufferSize = bufferSize;
            return this;
        }

        public Builder setMaxBuffers(int maxBuffers) {
            this.maxBuffers = maxBuffers;
            return this;
        }

        public Builder setThreadLocal(boolean threadLocal) {
            this.threadLocal = threadLocal;
            return this;
        }

        public Builder setMaxRetainedSize(int maxRetainedSize) {
            this.maxRetainedSize = maxRetainedSize;
            return this;
        }

        public Builder setConfiguration(Configuration configuration) {
            this.configuration = configuration;
            return this;
        }

        /**
         * @throws IllegalArgumentException naming the attribute and its value when one is invalid;
         *     Log4j reports it and the configuration fails to build the element
         */
        @Override
        public BufferPool build() {
            BufferPool.Builder builder = BufferPool.newBuilder()
                    .setName(name)
                    .setBufferSize(bufferSize)
                    .setMaxBuffers(maxBuffers);
            if (threadLocal != null) {
                builder.setThreadLocalEnabled(threadLocal);
            }
            if (maxRetainedSize != 0) {
                builder.setMaxRetainedSize(maxRetainedSize);
            }
            BufferPool described = builder.build();
            return configuration == null ? described : ConfigurationPools.of(configuration).share(described);
        }
    }
}
