package dev.log4jpool.layout;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.Core;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginElement;
import org.apache.logging.log4j.core.config.plugins.PluginFactory;

/**
 * A test appender that calls {@code layout.encode} into a {@link CapturingDestination} (as Log4j's
 * stream appenders do, unlike ListAppender, which calls toByteArray). Found by name in tests.
 */
@Plugin(name = "EncodeCapture", category = Core.CATEGORY_NAME, elementType = Appender.ELEMENT_TYPE)
public final class EncodeCaptureAppender extends AbstractAppender {
    private static final Map<String, EncodeCaptureAppender> BY_NAME = new ConcurrentHashMap<>();
    private final CapturingDestination destination = new CapturingDestination(java.nio.ByteBuffer.allocate(256));

    private EncodeCaptureAppender(String name, Layout<?> layout) {
        super(name, null, layout, true, Property.EMPTY_ARRAY);
    }

    @PluginFactory
    public static EncodeCaptureAppender create(@PluginAttribute("name") String name, @PluginElement("Layout") Layout<?> layout) {
        EncodeCaptureAppender appender = new EncodeCaptureAppender(name, layout);
        BY_NAME.put(name, appender);
        return appender;
    }

    static EncodeCaptureAppender named(String name) {
        return BY_NAME.get(name);
    }

    @Override
    public void append(LogEvent event) {
        getLayout().encode(event, destination); // the layout locks the destination
    }

    List<String> lines() {
        synchronized (destination) {
            return destination.lines();
        }
    }
}
