package dev.log4jpool.layout;

import org.apache.logging.log4j.core.LogEvent;

/**
 * {@code {"$resolver": "layoutAttribute", "name": "serviceName"}}: the value of one of the layout's
 * attributes ({@code serviceName}, {@code serviceVersion}, {@code serviceEnvironment},
 * {@code eventDataset}, {@code gcpProjectId}), as a string fixed at configuration. An attribute that
 * is unset or empty removes the member from the template, so a schema can name every attribute it
 * knows and a configuration writes only those it gives. An unknown name is a configuration error
 * (a typo would otherwise remove the member silently).
 */
final class LayoutAttributeResolver {
    private LayoutAttributeResolver() {
    }

    static TemplateNode<LogEvent> create(ResolverOptions options, TemplateContext context) {
        if (!options.has("name")) {
            throw options.error("name", "is required; one of " + String.join(", ", SchemaAttributes.NAMES));
        }
        String name = options.choice("name", null, SchemaAttributes.NAMES.toArray(new String[0]));
        String value = context.layoutAttribute(name);
        return value == null ? null : new TemplateNodes.Literal<>(context.quoted(value));
    }
}
