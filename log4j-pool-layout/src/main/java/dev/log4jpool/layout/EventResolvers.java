package dev.log4jpool.layout;

import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import org.apache.logging.log4j.core.LogEvent;

/**
 * The resolvers event templates may name, by their {@code $resolver} name: JsonTemplateLayout's,
 * with its options and meanings, and ours ({@code structured}).
 */
final class EventResolvers {
    static final Map<String, ResolverFactory<LogEvent>> FACTORIES;

    static {
        Map<String, ResolverFactory<LogEvent>> factories = new HashMap<>();
        factories.put("timestamp", TimestampResolvers::create);
        factories.put("counter", CounterResolvers::create);
        factories.put("level", LevelResolvers::create);
        factories.put("endOfBatch", (options, context) -> (event, out, scratch) -> out.booleanValue(event.isEndOfBatch()));
        FACTORIES = Collections.unmodifiableMap(factories);
    }

    private EventResolvers() {
    }
}
