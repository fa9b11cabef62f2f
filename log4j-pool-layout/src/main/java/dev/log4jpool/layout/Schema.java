package dev.log4jpool.layout;

import java.util.Locale;

/**
 * The schemas bundled with the layout ({@code schema="ECS"}): each is an event template in this
 * jar, {@code log4jpool-<name>.json}, which users may open, copy and load themselves with
 * {@code eventTemplateUri="classpath:log4jpool-ecs.json"}; {@code schema} is exactly that.
 */
enum Schema {
    ECS, OTEL, GCP, GELF, LOGSTASH;

    /** {@code classpath:log4jpool-ecs.json}. */
    String uri() {
        return "classpath:log4jpool-" + name().toLowerCase(Locale.ROOT) + ".json";
    }

    /** The schema named {@code value} (any case, surrounding blanks ignored); {@code null} for none. */
    static Schema parse(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String upper = value.trim().toUpperCase(Locale.ROOT);
        for (Schema schema : values()) {
            if (schema.name().equals(upper)) {
                return schema;
            }
        }
        throw LayoutCompiler.bad("schema", value, "is not a bundled schema; expected one of " + names());
    }

    private static String names() {
        StringBuilder names = new StringBuilder();
        for (Schema schema : values()) {
            if (names.length() > 0) {
                names.append(", ");
            }
            names.append(schema.name());
        }
        return names.toString();
    }
}
