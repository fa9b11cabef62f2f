package dev.log4jpool.layout;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ecsNested}: a template's dotted member names made nested objects, once, before compiling:
 * {@code {"log.level": …, "log.logger": …}} becomes {@code {"log": {"level": …, "logger": …}}}. The
 * nested object takes the place of the first member that named it; members keep their order within
 * it. Resolver objects ({@code {"$resolver": …}}) are values, never split into; plain objects and
 * arrays are transformed throughout. A name with an empty part ({@code "a..b"}, {@code ".a"}) is
 * left as it is. A name that is both a value and a prefix ({@code "error"} and {@code "error.type"})
 * is a configuration error: one would hide the other.
 *
 * <p>Why a transformation and not a second file: the dotted template ({@code log4jpool-ecs.json}) is
 * the one ECS's own loggers' output looks like and the one users copy; deriving the nested form from
 * it mechanically means the two can never drift apart, and a user's copy (or any template of one's
 * own) gets nested by the same attribute. Names written at run time (context entries under
 * {@code labels}, typed fields) are not split: Elasticsearch reads {@code "a.b": 1} and
 * {@code "a": {"b": 1}} alike.
 */
final class DottedNames {
    private DottedNames() {
    }

    /** {@code template} with dotted names nested; {@code templateName} for errors. */
    static Object nest(Object template, String templateName) {
        return nest(template, templateName, "$");
    }

    private static Object nest(Object value, String templateName, String path) {
        if (value instanceof List) {
            List<Object> nested = new ArrayList<>();
            List<?> list = (List<?>) value;
            for (int i = 0; i < list.size(); i++) {
                nested.add(nest(list.get(i), templateName, path + "[" + i + "]"));
            }
            return nested;
        }
        if (!(value instanceof Map) || ((Map<?, ?>) value).containsKey("$resolver")) {
            return value;
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) value;
        Map<String, Object> nested = new LinkedHashMap<>();
        for (Map.Entry<String, Object> member : object.entrySet()) {
            String[] parts = parts(member.getKey());
            Map<String, Object> target = nested;
            for (int i = 0; i < parts.length - 1; i++) {
                Object existing = target.get(parts[i]);
                if (existing == null) {
                    Nested child = new Nested();
                    target.put(parts[i], child);
                    target = child;
                } else if (existing instanceof Nested) {
                    target = (Nested) existing;
                } else {
                    throw clash(templateName, path, member.getKey(), String.join(".", Arrays.copyOf(parts, i + 1)));
                }
            }
            String leaf = parts[parts.length - 1];
            if (target.containsKey(leaf)) {
                throw clash(templateName, path, member.getKey(), member.getKey());
            }
            target.put(leaf, nest(member.getValue(), templateName, path + "." + member.getKey()));
        }
        return unwrap(nested);
    }

    /** An object this transformation made (so it may be merged into), as opposed to a member's own value. */
    private static final class Nested extends LinkedHashMap<String, Object> {
        private static final long serialVersionUID = 1L;

    }

    /** Plain maps again (the compiler does not care, but printing and equality should not see {@link Nested}). */
    private static Map<String, Object> unwrap(Map<String, Object> map) {
        Map<String, Object> plain = new LinkedHashMap<>();
        for (Map.Entry<String, Object> member : map.entrySet()) {
            Object value = member.getValue();
            plain.put(member.getKey(), value instanceof Nested ? unwrap((Nested) value) : value);
        }
        return plain;
    }

    private static String[] parts(String name) {
        if (name.indexOf('.') < 0) {
            return new String[] {name};
        }
        String[] parts = name.split("\\.", -1);
        for (String part : parts) {
            if (part.isEmpty()) {
                return new String[] {name};
            }
        }
        return parts;
    }

    private static IllegalArgumentException clash(String templateName, String path, String name, String taken) {
        return new IllegalArgumentException("PooledJsonLayout: ecsNested: template " + templateName + ", at " + path
                + ": member \"" + name + "\" cannot be nested: \"" + taken + "\" is a member of its own");
    }
}
