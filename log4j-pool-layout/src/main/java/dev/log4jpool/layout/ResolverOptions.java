package dev.log4jpool.layout;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The options of one {@code $resolver} object in a template, read by its {@link ResolverFactory}
 * with the types JsonTemplateLayout documents. A missing option (or one given as {@code null}) takes
 * the default; an option of the wrong type or value fails the configuration with a message naming
 * the template, the JSON path, the resolver and the option. Options a resolver does not read are
 * ignored, as JsonTemplateLayout ignores them (its bundled {@code LogstashJsonEventLayoutV1.json}
 * gives one).
 */
final class ResolverOptions {
    private final Map<String, Object> options;
    private final String resolver;
    private final String path;
    private final String template;
    /** Dotted path of these options inside the resolver's ({@code "pattern."} for a nested object). */
    private final String prefix;

    ResolverOptions(Map<String, Object> options, String resolver, String path, String template) {
        this(options, resolver, path, template, "");
    }

    private ResolverOptions(Map<String, Object> options, String resolver, String path, String template, String prefix) {
        this.options = options;
        this.resolver = resolver;
        this.path = path;
        this.template = template;
        this.prefix = prefix;
    }

    String resolverName() {
        return resolver;
    }

    /** The JSON path of {@code option}'s value, for a template nested in it ({@code $.level.input}). */
    String path(String option) {
        return path + "." + prefix + option;
    }

    /** The JSON path of the resolver object in its template ({@code $.error.stack_trace}). */
    String path() {
        return path;
    }

    /** Whether the option is given (and not {@code null}). */
    boolean has(String option) {
        Object value = options.get(option);
        return value != null && value != TemplateJson.NULL;
    }

    /** The option's raw value ({@code Map}, {@code List}, {@code String}, {@link TemplateJson.Number}, {@code Boolean}), or {@code null}. */
    Object raw(String option) {
        Object value = options.get(option);
        return value == TemplateJson.NULL ? null : value;
    }

    String string(String option, String defaultValue) {
        Object value = raw(option);
        if (value == null) {
            return defaultValue;
        }
        if (!(value instanceof String)) {
            throw error(option, "must be a string, not " + describe(value));
        }
        return (String) value;
    }

    /** A string that must be one of {@code allowed} (compared exactly). */
    String choice(String option, String defaultValue, String... allowed) {
        String value = string(option, defaultValue);
        if (value == null) {
            return null;
        }
        for (String candidate : allowed) {
            if (candidate.equals(value)) {
                return value;
            }
        }
        throw error(option, "is \"" + value + "\"; expected one of " + String.join(", ", allowed));
    }

    /** A string option that must be given, one of {@code allowed}. */
    String requiredChoice(String option, String... allowed) {
        if (!has(option)) {
            throw error(option, "is required; one of " + String.join(", ", allowed));
        }
        return choice(option, null, allowed);
    }

    boolean bool(String option, boolean defaultValue) {
        Object value = raw(option);
        if (value == null) {
            return defaultValue;
        }
        if (!(value instanceof Boolean)) {
            throw error(option, "must be true or false, not " + describe(value));
        }
        return (Boolean) value;
    }

    int integer(String option, int defaultValue) {
        long value = longValue(option, defaultValue);
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw error(option, "is out of the int range");
        }
        return (int) value;
    }

    long longValue(String option, long defaultValue) {
        Object value = raw(option);
        if (value == null) {
            return defaultValue;
        }
        if (!(value instanceof TemplateJson.Number)) {
            throw error(option, "must be an integer, not " + describe(value));
        }
        try {
            return Long.parseLong(value.toString());
        } catch (NumberFormatException notLong) {
            throw error(option, "must be an integer, not " + value);
        }
    }

    /** A nested object of options, or {@code null} when absent. */
    ResolverOptions object(String option) {
        Object value = raw(option);
        if (value == null) {
            return null;
        }
        if (!(value instanceof Map)) {
            throw error(option, "must be an object, not " + describe(value));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> nested = (Map<String, Object>) value;
        return new ResolverOptions(nested, resolver, path, template, prefix + option + ".");
    }

    /** A list of strings; a single string counts as a list of one; {@code null} when absent. */
    List<String> strings(String option) {
        Object value = raw(option);
        if (value == null) {
            return null;
        }
        if (value instanceof String) {
            return Collections.singletonList((String) value);
        }
        if (!(value instanceof List)) {
            throw error(option, "must be a list of strings, not " + describe(value));
        }
        List<String> strings = new ArrayList<>();
        for (Object element : (List<?>) value) {
            if (!(element instanceof String)) {
                throw error(option, "must be a list of strings; it holds " + describe(element));
            }
            strings.add((String) element);
        }
        return strings;
    }

    /** The configuration error for {@code option}: names the template, the path, the resolver and the option. */
    IllegalArgumentException error(String option, String problem) {
        return new IllegalArgumentException("PooledJsonLayout: template " + template + ", at " + path + ": resolver \""
                + resolver + "\", option \"" + prefix + option + "\" " + problem);
    }

    /** A configuration error of the resolver as a whole (two options that exclude each other). */
    IllegalArgumentException error(String problem) {
        return new IllegalArgumentException("PooledJsonLayout: template " + template + ", at " + path + ": resolver \""
                + resolver + "\" " + problem);
    }

    static String describe(Object value) {
        if (value instanceof String) {
            return "the string \"" + value + "\"";
        }
        if (value instanceof Map) {
            return "an object";
        }
        if (value instanceof List) {
            return "a list";
        }
        if (value instanceof Boolean) {
            return value.toString();
        }
        return value == null || value == TemplateJson.NULL ? "null" : "the number " + value;
    }
}
