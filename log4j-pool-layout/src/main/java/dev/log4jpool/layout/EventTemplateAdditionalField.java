package dev.log4jpool.layout;

import org.apache.logging.log4j.core.config.Node;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginFactory;

/**
 * {@code <EventTemplateAdditionalField key="…" value="…" format="STRING|JSON"/>} inside
 * {@code <PooledJsonLayout>}: a member added to (or replacing one of) the event template's root
 * object, as JsonTemplateLayout's element of the same name. With {@code format="JSON"} the value is
 * a JSON template fragment (literals and resolvers alike).
 *
 * <p>When {@code log4j-layout-template-json} is on the class path too, Log4j maps the element name to
 * one of the two plugins (it logs which at WARN); {@code PooledJsonLayout} reads either.
 */
@Plugin(name = "EventTemplateAdditionalField", category = Node.CATEGORY, printObject = true)
public final class EventTemplateAdditionalField {
    private final String key;
    private final String value;
    private final String format;

    private EventTemplateAdditionalField(String key, String value, String format) {
        this.key = key;
        this.value = value;
        this.format = format;
    }

    @PluginFactory
    public static EventTemplateAdditionalField of(@PluginAttribute("key") String key,
            @PluginAttribute("value") String value, @PluginAttribute(value = "format", defaultString = "STRING") String format) {
        return new EventTemplateAdditionalField(key, value, format);
    }

    public String getKey() {
        return key;
    }

    public String getValue() {
        return value;
    }

    /** {@code STRING} or {@code JSON}. */
    public String getFormat() {
        return format;
    }

    @Override
    public String toString() {
        return "EventTemplateAdditionalField[key=" + key + ", value=" + value + ", format=" + format + "]";
    }
}
