package dev.log4jpool.layout;

import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.lookup.MainMapLookup;

/**
 * {@code {"$resolver": "main", "index": n}} or {@code {"$resolver": "main", "key": "--name"}}: an
 * argument of the application's {@code main} method, as the application handed them to Log4j with
 * {@code MainMapLookup.setMainArguments}: by position, or the argument that follows {@code key}. A
 * string, {@code null} when there is no such argument. Exactly one of {@code index} and {@code key}.
 *
 * <p>Read per event, as JsonTemplateLayout reads it: the arguments may be set after the layout is
 * configured. A map lookup; nothing allocated.
 */
final class MainArgumentResolver extends TemplateNode<LogEvent> {
    private static final MainMapLookup ARGUMENTS = new MainMapLookup();

    /** The lookup's key: the index in decimal, or the key as given. */
    private final String key;

    private MainArgumentResolver(String key) {
        this.key = key;
    }

    static TemplateNode<LogEvent> create(ResolverOptions options, TemplateContext context) {
        boolean byKey = options.has("key");
        boolean byIndex = options.has("index");
        if (byKey == byIndex) {
            throw options.error(byKey ? "takes \"key\" or \"index\", not both" : "needs \"key\" or \"index\"");
        }
        // MainMapLookup keeps positions as decimal keys ("0", "1", ...); a negative index finds nothing
        return new MainArgumentResolver(byKey ? options.string("key", null)
                : Integer.toString(options.integer("index", 0)));
    }

    @Override
    public void write(LogEvent event, JsonWriter out, EventScratch scratch) {
        out.stringValue(ARGUMENTS.lookup(key));
    }
}
