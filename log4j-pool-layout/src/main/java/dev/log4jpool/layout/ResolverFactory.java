package dev.log4jpool.layout;

/**
 * Makes the node of one {@code $resolver} in a template, at configuration: reads and checks its
 * options (errors through {@link ResolverOptions#error}) and returns an immutable node, or
 * {@code null} when the resolver can never write anything with this configuration (JsonTemplateLayout
 * then leaves the member out of the template, as for {@code source} without {@code locationInfoEnabled}).
 */
@FunctionalInterface
interface ResolverFactory<V> {
    TemplateNode<V> create(ResolverOptions options, TemplateContext context);
}
