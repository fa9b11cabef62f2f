package dev.log4jpool.layout;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles a template (read by {@link TemplateJson}) into a tree of {@link TemplateNode}s, the way
 * JsonTemplateLayout reads its templates: an object with a {@code $resolver} member is a resolver,
 * made by the factory of that name; other objects, arrays and literals are written as given, with
 * {@code ${…}} lookups in strings resolved once, here. A member whose value can never be written
 * (JSON {@code null}, an empty object or array, a resolver disabled by the configuration) is left
 * out, as JsonTemplateLayout leaves it out. Member names and literal strings are escaped and cut at
 * {@code maxStringLength} once, here.
 *
 * <p>Every error names the template and the JSON path ({@code $.error.stack_trace}).
 */
final class TemplateCompiler<V> {
    private static final String RESOLVER = "$resolver";

    private final Map<String, ResolverFactory<V>> resolvers;
    private final TemplateContext context;

    TemplateCompiler(Map<String, ResolverFactory<V>> resolvers, TemplateContext context) {
        this.resolvers = resolvers;
        this.context = context;
    }

    /** The node of the whole template; a template that can never write anything is a configuration error. */
    TemplateNode<V> compileRoot(Object template) {
        TemplateNode<V> root = compile(template, "$");
        if (root == null) {
            throw new IllegalArgumentException("PooledJsonLayout: template " + context.templateName()
                    + " writes nothing (it is null, empty, or its only resolvers are disabled)");
        }
        return root;
    }

    /** The node of {@code value} at {@code path}, or {@code null} when it can never write anything. */
    TemplateNode<V> compile(Object value, String path) {
        if (value instanceof Map) {
            @SuppressWarnings("unchecked")
            Map<String, Object> object = (Map<String, Object>) value;
            return object.containsKey(RESOLVER) ? resolver(object, path) : object(object, path);
        }
        if (value instanceof List) {
            return array((List<?>) value, path);
        }
        if (value instanceof String) {
            String text = context.substitute((String) value);
            return text == null ? null : new TemplateNodes.Literal<>(context.quoted(text));
        }
        if (value instanceof TemplateJson.Number || value instanceof Boolean) {
            return new TemplateNodes.Literal<>(value.toString().toCharArray());
        }
        if (value == TemplateJson.NULL || value == null) {
            return null;
        }
        throw new IllegalArgumentException("PooledJsonLayout: template " + context.templateName() + ", at " + path
                + ": unexpected value " + value);
    }

    private TemplateNode<V> resolver(Map<String, Object> object, String path) {
        Object name = object.get(RESOLVER);
        if (!(name instanceof String)) {
            throw new IllegalArgumentException("PooledJsonLayout: template " + context.templateName() + ", at " + path
                    + ": \"$resolver\" must be a resolver's name, not " + ResolverOptions.describe(name));
        }
        ResolverFactory<V> factory = resolvers.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("PooledJsonLayout: template " + context.templateName() + ", at " + path
                    + ": unknown resolver \"" + name + "\"; known here: " + String.join(", ", new java.util.TreeSet<>(resolvers.keySet())));
        }
        return factory.create(new ResolverOptions(object, (String) name, path, context.templateName()), context);
    }

    private TemplateNode<V> object(Map<String, Object> object, String path) {
        List<char[]> names = new ArrayList<>();
        List<TemplateNode<V>> values = new ArrayList<>();
        Set<String> reserved = new LinkedHashSet<>();
        for (Map.Entry<String, Object> member : object.entrySet()) {
            TemplateNode<V> node = compile(member.getValue(), path + "." + member.getKey());
            if (node == null) {
                continue;
            }
            if (node.isFlattening()) {
                names.add(null);
            } else {
                char[] quoted = context.quoted(member.getKey());
                char[] name = java.util.Arrays.copyOf(quoted, quoted.length + 1);
                name[quoted.length] = ':';
                names.add(name);
                // the name as written between the quotes, for the key registry
                reserved.add(new String(quoted, 1, quoted.length - 2));
            }
            values.add(node);
        }
        if (values.isEmpty()) {
            return null;
        }
        @SuppressWarnings("unchecked")
        TemplateNode<V>[] nodes = values.toArray(new TemplateNode[0]);
        return new TemplateNodes.ObjectNode<>(names.toArray(new char[0][]), nodes, new ReservedKeys(reserved));
    }

    private TemplateNode<V> array(List<?> array, String path) {
        List<TemplateNode<V>> elements = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String elementPath = path + "[" + i + "]";
            Object element = array.get(i);
            TemplateNode<V> node = compile(element, elementPath);
            if (node == null) {
                // JsonTemplateLayout writes every element: an object or array with nothing in it as
                // empty, a disabled resolver and null as null
                String empty = element instanceof Map && !((Map<?, ?>) element).containsKey(RESOLVER) ? "{}"
                        : element instanceof List ? "[]" : "null";
                node = new TemplateNodes.Literal<>(empty.toCharArray());
            } else if (node.isFlattening()) {
                throw new IllegalArgumentException("PooledJsonLayout: template " + context.templateName() + ", at "
                        + elementPath + ": a flattening resolver has no object to write its members into inside an array");
            }
            elements.add(node);
        }
        if (elements.isEmpty()) {
            return null;
        }
        @SuppressWarnings("unchecked")
        TemplateNode<V>[] nodes = elements.toArray(new TemplateNode[0]);
        return new TemplateNodes.ArrayNode<>(nodes);
    }
}
