package dev.log4jpool.layout;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Predicate;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.config.Configuration;
import org.apache.logging.log4j.core.config.DefaultConfiguration;
import org.apache.logging.log4j.layout.template.json.JsonTemplateLayout;

/**
 * Runs one template through JsonTemplateLayout and through PooledJsonLayout, with the same
 * attributes, over events, and compares the parsed output: same JSON value (numbers compared by
 * value), same member order. Ours is also parsed strictly (no duplicate keys).
 *
 * <pre>{@code
 * TemplateParity.of("{\"t\":{\"$resolver\":\"timestamp\"}}").locationInfo(true).assertSameOn(EventCorpus.all());
 * }</pre>
 */
final class TemplateParity {
    private static final ObjectMapper LENIENT = new ObjectMapper();
    static final Configuration CONFIGURATION = new DefaultConfiguration();

    private final String template;
    private String templateUri;
    private boolean locationInfo;
    private boolean stackTraceEnabled = true;
    private int maxStringLength = 16384;
    private String truncatedStringSuffix = "…";
    private String rootObjectKey;
    private String stackTraceElementTemplate;
    private String[][] additionalFields = new String[0][];

    private TemplateParity(String template, String templateUri) {
        this.template = template;
        this.templateUri = templateUri;
    }

    /**
     * Whether the peer is JsonTemplateLayout 2.26 or newer, whose output ours follows. Log4j 2.25.0
     * (the oldest we support) writes a stray {@code '} after a quoted literal in some timestamp
     * patterns ({@code "EEE, dd MMM"} gives {@code "Mo.,' 23 Nov."}) and NaN/Infinity parameters as bare,
     * invalid JSON tokens; tests whose corpus meets those bugs compare only with 2.26+ (our output does
     * not depend on the Log4j version).
     */
    static boolean peerIsAtLeast226() {
        String version = JsonTemplateLayout.class.getPackage().getImplementationVersion();
        if (version == null) {
            return true; // not from a jar: the build's own (newest) version
        }
        String[] parts = version.split("[.-]");
        int major = Integer.parseInt(parts[0]);
        int minor = Integer.parseInt(parts[1]);
        return major > 2 || major == 2 && minor >= 26;
    }

    static TemplateParity of(String template) {
        return new TemplateParity(template, null);
    }

    static TemplateParity ofUri(String uri) {
        return new TemplateParity(null, uri);
    }

    TemplateParity locationInfo(boolean enabled) {
        this.locationInfo = enabled;
        return this;
    }

    TemplateParity stackTraceEnabled(boolean enabled) {
        this.stackTraceEnabled = enabled;
        return this;
    }

    TemplateParity maxStringLength(int length, String suffix) {
        this.maxStringLength = length;
        this.truncatedStringSuffix = suffix;
        return this;
    }

    TemplateParity rootObjectKey(String key) {
        this.rootObjectKey = key;
        return this;
    }

    TemplateParity stackTraceElementTemplate(String elementTemplate) {
        this.stackTraceElementTemplate = elementTemplate;
        return this;
    }

    /** {key, value, format} triples. */
    TemplateParity additionalFields(String[]... fields) {
        this.additionalFields = fields;
        return this;
    }

    JsonTemplateLayout theirs() {
        JsonTemplateLayout.Builder builder = JsonTemplateLayout.newBuilder()
                .setConfiguration(CONFIGURATION)
                .setLocationInfoEnabled(locationInfo)
                .setStackTraceEnabled(stackTraceEnabled)
                .setMaxStringLength(maxStringLength)
                .setTruncatedStringSuffix(truncatedStringSuffix)
                .setEventTemplateRootObjectKey(rootObjectKey);
        if (template != null) {
            builder.setEventTemplate(template);
        } else {
            builder.setEventTemplateUri(templateUri);
        }
        if (stackTraceElementTemplate != null) {
            builder.setStackTraceElementTemplate(stackTraceElementTemplate);
        }
        List<JsonTemplateLayout.EventTemplateAdditionalField> fields = new ArrayList<>();
        for (String[] field : additionalFields) {
            fields.add(JsonTemplateLayout.EventTemplateAdditionalField.newBuilder().setKey(field[0]).setValue(field[1])
                    .setFormat(JsonTemplateLayout.EventTemplateAdditionalField.Format.valueOf(field[2])).build());
        }
        builder.setEventTemplateAdditionalFields(fields.toArray(new JsonTemplateLayout.EventTemplateAdditionalField[0]));
        return builder.build();
    }

    PooledJsonLayout ours() {
        PooledJsonLayout.Builder builder = PooledJsonLayout.newBuilder()
                .setConfiguration(CONFIGURATION)
                .setEventTemplate(template)
                .setEventTemplateUri(templateUri)
                .setLocationInfoEnabled(locationInfo)
                .setStackTraceEnabled(stackTraceEnabled)
                .setMaxStringLength(maxStringLength)
                .setTruncatedStringSuffix(truncatedStringSuffix)
                .setEventTemplateRootObjectKey(rootObjectKey)
                .setStackTraceElementTemplate(stackTraceElementTemplate);
        List<EventTemplateAdditionalField> fields = new ArrayList<>();
        for (String[] field : additionalFields) {
            fields.add(EventTemplateAdditionalField.of(field[0], field[1], field[2]));
        }
        builder.setEventTemplateAdditionalFields(fields.toArray(new EventTemplateAdditionalField[0]));
        return builder.build();
    }

    /** Compares on every event; fails listing each event whose output differs, with both lines. */
    void assertSameOn(List<EventCorpus.Named> events) {
        assertSameOn(events, named -> false);
    }

    /**
     * As {@link #assertSameOn(List)}, skipping the events {@code documentedDifference} accepts (each
     * caller says why in its test).
     */
    void assertSameOn(List<EventCorpus.Named> events, Predicate<EventCorpus.Named> documentedDifference) {
        JsonTemplateLayout theirs = theirs();
        PooledJsonLayout ours = ours();
        List<String> mismatches = new ArrayList<>();
        for (EventCorpus.Named named : events) {
            if (documentedDifference.test(named)) {
                continue;
            }
            String expected = theirs.toSerializable(named.event);
            String actual = LayoutTesting.encodeToText(ours, named.event);
            String problem = compare(expected, actual);
            if (problem != null) {
                mismatches.add(named.name + ": " + problem + "\n  JsonTemplateLayout: " + expected.strip()
                        + "\n  PooledJsonLayout:   " + actual.strip());
            }
        }
        if (!mismatches.isEmpty()) {
            fail("template " + (template != null ? template : templateUri) + "\n" + String.join("\n", mismatches));
        }
    }

    /** {@code null} when both lines are the same JSON value with the same member order; else what differs. */
    static String compare(String expected, String actual) {
        JsonNode theirs;
        JsonNode ours;
        try {
            theirs = LENIENT.readTree(expected);
        } catch (IOException e) {
            return "JsonTemplateLayout wrote invalid JSON (" + e.getMessage() + ")";
        }
        try {
            ours = Json.parse(actual.endsWith("\n") ? actual.substring(0, actual.length() - 1) : actual);
        } catch (AssertionError e) {
            return "ours is not strict JSON: " + e.getMessage();
        }
        return difference(theirs, ours, "$");
    }

    private static String difference(JsonNode expected, JsonNode actual, String path) {
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0 ? null
                    : path + ": " + expected + " != " + actual;
        }
        if (expected.getNodeType() != actual.getNodeType()) {
            return path + ": " + expected.getNodeType() + " " + expected + " != " + actual.getNodeType() + " " + actual;
        }
        if (expected.isObject()) {
            List<String> expectedKeys = Json.keys(expected);
            List<String> actualKeys = Json.keys(actual);
            if (!expectedKeys.equals(actualKeys)) {
                return path + ": keys " + expectedKeys + " != " + actualKeys;
            }
            for (String key : expectedKeys) {
                String problem = difference(expected.get(key), actual.get(key), path + "." + key);
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }
        if (expected.isArray()) {
            if (expected.size() != actual.size()) {
                return path + ": " + expected.size() + " elements != " + actual.size();
            }
            Iterator<JsonNode> a = actual.elements();
            int i = 0;
            for (JsonNode e : expected) {
                String problem = difference(e, a.next(), path + "[" + i++ + "]");
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }
        return expected.equals(actual) ? null : path + ": " + expected + " != " + actual;
    }
}
