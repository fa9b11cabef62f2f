package dev.log4jpool.buffer;

import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.Core;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginElement;
import org.apache.logging.log4j.core.config.plugins.PluginFactory;

/** A test appender that only holds the {@code <BufferPool>} nested in it, so tests can reach it. */
@Plugin(name = "PoolProbe", category = Core.CATEGORY_NAME, elementType = Appender.ELEMENT_TYPE)
public final class PoolProbeAppender extends AbstractAppender {
    private final BufferPool pool;

    private PoolProbeAppender(String name, BufferPool pool) {
        super(name, null, null, true, Property.EMPTY_ARRAY);
        this.pool = pool;
    }

    @PluginFactory
    public static PoolProbeAppender create(
            @PluginAttribute("name") String name, @PluginElement("BufferPool") BufferPool pool) {
        return new PoolProbeAppender(name, pool);
    }

    BufferPool pool() {
        return pool;
    }

    @Override
    public void append(LogEvent event) {
        try (TextBuffer buffer = pool.acquire()) {
            buffer.append(event.getMessage().getFormattedMessage());
        }
    }
}
