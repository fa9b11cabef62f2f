package dev.log4jpool.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.impl.MutableLogEvent;
import org.apache.logging.log4j.message.MapMessage;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.message.StringMapMessage;
import org.apache.logging.log4j.util.SortedArrayStringMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The {@code mdc} and {@code map} resolvers against JsonTemplateLayout: every option (key, stringified,
 * pattern, replacement, flatten true and with a prefix) over the corpus and events with typed,
 * nested, null and empty values; the renamed duplicate keys (our documented difference); the
 * configuration errors.
 */
class StringMapResolverTest {

    /** The corpus plus events whose maps hold every kind of value JsonTemplateLayout writes. */
    static List<EventCorpus.Named> events() {
        List<EventCorpus.Named> events = new ArrayList<>(EventCorpus.all());
        SortedArrayStringMap typed = new SortedArrayStringMap();
        for (Map.Entry<String, Object> entry : typedValues().entrySet()) {
            typed.putValue(entry.getKey(), entry.getValue());
        }
        events.add(new EventCorpus.Named("mdc with typed values", EventCorpus.base()
                .setMessage(new SimpleMessage("typed")).setContextData(typed).build()));
        events.add(new EventCorpus.Named("map message with typed values", EventCorpus.base()
                .setMessage(new MapMessage<>(typedValues())).build()));
        events.add(new EventCorpus.Named("empty map message", EventCorpus.base()
                .setMessage(new StringMapMessage()).build()));
        events.add(new EventCorpus.Named("mdc and map keys for patterns", EventCorpus.base()
                .setMessage(new StringMapMessage().with("user:role", "admin").with("user:rank", "3").with("other", "x"))
                .setContextData(EventCorpus.context("user:role", "admin", "user:rank", "3", "user:name", "alice",
                        "other", "x", "aaa", "triple"))
                .build()));
        events.add(new EventCorpus.Named("long keys", EventCorpus.base().setMessage(new StringMapMessage()
                        .with("k".repeat(40), "v"))
                .setContextData(EventCorpus.context("k".repeat(40), "v", "kk", "short")).build()));
        MutableLogEvent mutable = Events.event(new StringMapMessage().with("orderId", "42").with("user", "bob"));
        mutable.setContextData(EventCorpus.context("requestId", "r-9"));
        events.add(new EventCorpus.Named("mutable event", mutable));
        return events;
    }

    static Map<String, Object> typedValues() {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("int", 42);
        values.put("long", -7L);
        values.put("short", (short) 3);
        values.put("byte", (byte) 1);
        values.put("double", 9.99);
        values.put("float", 1.1f);
        values.put("bigDecimal", new BigDecimal("12345678901234567890.125"));
        values.put("bigInteger", new BigInteger("123456789012345678901234567890"));
        values.put("atomic", new AtomicLong(5));
        values.put("true", true);
        values.put("null", null);
        values.put("string", "quoted \"text\"\n");
        values.put("builder", new StringBuilder("built"));
        values.put("formattable", new ParameterizedMessage("order {}", 42));
        values.put("list", List.of(1, "two", 3.5, List.of(true)));
        values.put("linkedList", new LinkedList<>(List.of("a", "b")));
        values.put("set", new TreeSet<>(List.of("x", "y")));
        Map<String, Object> nested = new LinkedHashMap<>();
        nested.put("a", 1);
        nested.put("b", Arrays.asList("c", null));
        values.put("map", nested);
        SortedArrayStringMap stringMap = new SortedArrayStringMap();
        stringMap.putValue("inner", 7);
        values.put("stringMap", stringMap);
        values.put("chars", new char[] {'h', '"'});
        values.put("booleans", new boolean[] {true, false});
        values.put("bytes", new byte[] {1, 2});
        values.put("shorts", new short[] {3});
        values.put("ints", new int[] {4, 5});
        values.put("longs", new long[] {6L});
        values.put("floats", new float[] {0.1f});
        values.put("doubles", new double[] {0.2, -1e300});
        values.put("objects", new Object[] {"o", 1, null});
        values.put("other", Thread.State.RUNNABLE);
        return values;
    }

    private static void assertSame(String template) {
        TemplateParity.of(template).assertSameOn(events());
    }

    @ParameterizedTest
    @ValueSource(strings = {"mdc", "map"})
    void everyEntryAsAnObject(String resolver) {
        assertSame("{\"m\":{\"$resolver\":\"" + resolver + "\"},\"after\":1}");
        assertSame("{\"m\":{\"$resolver\":\"" + resolver + "\",\"stringified\":true}}");
        assertSame("{\"m\":{\"$resolver\":\"" + resolver + "\",\"flatten\":false,\"stringified\":false}}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mdc", "map"})
    void oneKey(String resolver) {
        for (String key : new String[] {"requestId", "orderId", "int", "null", "list", "map", "float", "absent", "user:role"}) {
            assertSame("{\"before\":0,\"v\":{\"$resolver\":\"" + resolver + "\",\"key\":\"" + key + "\"},\"after\":1}");
            assertSame("{\"v\":{\"$resolver\":\"" + resolver + "\",\"key\":\"" + key + "\",\"stringified\":true},\"a\":1}");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"mdc", "map"})
    void flattened(String resolver) {
        assertSame("{\"first\":1,\"m\":{\"$resolver\":\"" + resolver + "\",\"flatten\":true},\"last\":2}");
        assertSame("{\"m\":{\"$resolver\":\"" + resolver + "\",\"flatten\":true,\"stringified\":true},\"last\":2}");
        assertSame("{\"m\":{\"$resolver\":\"" + resolver + "\",\"flatten\":{\"prefix\":\"ctx.\"}},\"last\":2}");
        assertSame("{\"m\":{\"$resolver\":\"" + resolver + "\",\"flatten\":{}},\"last\":2}");
        assertSame("{\"o\":{\"m\":{\"$resolver\":\"" + resolver + "\",\"flatten\":{\"prefix\":\"p_\"},\"stringified\":true}}}");
        // Two prefixes taking turns (the writer keeps the last one escaped), one of them to escape.
        assertSame("{\"a\":{\"$resolver\":\"" + resolver + "\",\"flatten\":{\"prefix\":\"p1.\"}},"
                + "\"b\":{\"$resolver\":\"" + resolver + "\",\"flatten\":{\"prefix\":\"é\\\"\\n2.\"}}}");
    }

    @ParameterizedTest
    @ValueSource(strings = {"mdc", "map"})
    void patternAndReplacement(String resolver) {
        assertSame("{\"m\":{\"$resolver\":\"" + resolver + "\",\"pattern\":\"user:(role|rank)\"}}");
        assertSame("{\"m\":{\"$resolver\":\"" + resolver + "\",\"pattern\":\"user:(role|rank)\",\"replacement\":\"$1\"}}");
        assertSame("{\"m\":{\"$resolver\":\"" + resolver + "\",\"pattern\":\"nothing\"}}");
        assertSame("{\"m\":{\"$resolver\":\"" + resolver + "\",\"pattern\":\"user:(\\\\w+)\",\"replacement\":\"u_$1\","
                + "\"flatten\":{\"prefix\":\"x.\"},\"stringified\":true}}");
        // replaceAll, not replaceFirst: "a*" matches "aaa" whole, then once more the empty string at its end
        assertSame("{\"m\":{\"$resolver\":\"" + resolver + "\",\"pattern\":\"a*\",\"replacement\":\"[$0]\"}}");
        assertSame("{\"m\":{\"$resolver\":\"" + resolver + "\",\"pattern\":\"(?<field>.*)\",\"replacement\":\"${field}!\"}}");
    }

    @Test
    void inArraysAMissingMapIsNull() {
        assertSame("{\"a\":[{\"$resolver\":\"mdc\"},{\"$resolver\":\"map\"},{\"$resolver\":\"map\",\"key\":\"int\"},"
                + "{\"$resolver\":\"mdc\",\"pattern\":\"x\"}]}");
    }

    @Test
    void cutKeysAndValuesLikeJsonTemplateLayout() {
        for (String resolver : new String[] {"mdc", "map"}) {
            for (String flatten : new String[] {"true", "false", "{\"prefix\":\"pre.\"}", "{\"prefix\":\"a-long-prefix.\"}"}) {
                // keys cut alike are renamed here, repeated by JsonTemplateLayout: compared with its repeats renamed
                assertSameWithRepeatsRenamed(TemplateParity.of("{\"m\":{\"$resolver\":\"" + resolver + "\",\"flatten\":"
                        + flatten + "}}").maxStringLength(8, "..."), events());
                assertSameWithRepeatsRenamed(TemplateParity.of("{\"m\":{\"$resolver\":\"" + resolver + "\",\"flatten\":"
                        + flatten + ",\"stringified\":true}}").maxStringLength(8, "..."), events());
            }
        }
    }

    @Test
    void lookupsInOptionsAreNotResolved() {
        assertSame("{\"m\":{\"$resolver\":\"mdc\",\"key\":\"${sys:user.name}\"}}");
    }

    @Test
    void nonFiniteNumbersAreStrings() {
        // JsonTemplateLayout 2.26 writes them as strings too; 2.25 wrote them bare, which is not JSON
        SortedArrayStringMap context = new SortedArrayStringMap();
        context.putValue("nan", Double.NaN);
        context.putValue("inf", Float.NEGATIVE_INFINITY);
        context.putValue("array", new double[] {Double.POSITIVE_INFINITY});
        LogEvent event = EventCorpus.base().setMessage(new SimpleMessage("x")).setContextData(context).build();
        for (String stringified : new String[] {"false", "true"}) {
            JsonNode ours = LayoutTesting.encode(TemplateParity.of("{\"m\":{\"$resolver\":\"mdc\",\"stringified\":" + stringified + "}}")
                    .ours(), event);
            JsonNode array = ours.get("m").get("array");
            assertTrue(stringified.equals("true") ? array.textValue().startsWith("[D@") : array.toString().equals("[\"Infinity\"]"),
                    ours.toString());
            assertEquals("-Infinity", ours.get("m").get("inf").textValue());
            assertEquals("NaN", ours.get("m").get("nan").textValue());
        }
        String theirs = TemplateParity.of("{\"m\":{\"$resolver\":\"mdc\"}}").theirs().toSerializable(event).strip();
        assertTrue(theirs.equals("{\"m\":{\"array\":[\"Infinity\"],\"inf\":\"-Infinity\",\"nan\":\"NaN\"}}")
                || theirs.equals("{\"m\":{\"array\":[Infinity],\"inf\":-Infinity,\"nan\":NaN}}"), theirs);
    }

    // ---- duplicates: a documented difference ----

    @Test
    void flattenedKeysEqualToConfiguredNamesAreRenamedWhereJsonTemplateLayoutRepeatsThem() {
        String template = "{\"message\":{\"$resolver\":\"message\"},\"user\":\"configured\","
                + "\"m\":{\"$resolver\":\"mdc\",\"flatten\":true},\"ctx.user\":1,\"p\":{\"$resolver\":\"mdc\",\"flatten\":{\"prefix\":\"ctx.\"}}}";
        LogEvent event = EventCorpus.base().setMessage(new SimpleMessage("text"))
                .setContextData(EventCorpus.context("message", "from mdc", "user", "alice")).build();
        TemplateParity parity = TemplateParity.of(template);
        String theirs = parity.theirs().toSerializable(event);
        assertTrue(theirs.contains("\"message\":\"text\"") && theirs.contains("\"message\":\"from mdc\""), theirs);
        assertTrue(theirs.contains("\"user\":\"configured\"") && theirs.contains("\"user\":\"alice\""), theirs);

        JsonNode ours = LayoutTesting.encode(parity.ours(), event); // strict: no duplicates
        assertEquals(List.of("message", "user", "_message", "_user", "ctx.user", "ctx.message", "_ctx.user"), Json.keys(ours));
        assertEquals("text", ours.get("message").asText());
        assertEquals("from mdc", ours.get("_message").asText());
        assertEquals("alice", ours.get("_user").asText());
        assertEquals("alice", ours.get("_ctx.user").asText());
    }

    @Test
    void keysThatAReplacementMakesEqualAreRenamedWhereJsonTemplateLayoutRepeatsThem() {
        String template = "{\"m\":{\"$resolver\":\"mdc\",\"pattern\":\"(user|owner):name\",\"replacement\":\"name\"}}";
        LogEvent event = EventCorpus.base().setMessage(new SimpleMessage("text"))
                .setContextData(EventCorpus.context("user:name", "alice", "owner:name", "bob")).build();
        TemplateParity parity = TemplateParity.of(template);
        assertEquals("{\"m\":{\"name\":\"bob\",\"name\":\"alice\"}}", parity.theirs().toSerializable(event).strip());
        JsonNode ours = LayoutTesting.encode(parity.ours(), event);
        assertEquals("{\"m\":{\"name\":\"bob\",\"_name\":\"alice\"}}", ours.toString());
    }

    @Test
    void aValueThatThrowsCostsOnlyItsEntry() {
        SortedArrayStringMap context = new SortedArrayStringMap();
        context.putValue("a", "first");
        context.putValue("b", new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("hostile");
            }
        });
        context.putValue("c", "last");
        LogEvent event = EventCorpus.base().setMessage(new SimpleMessage("x")).setContextData(context).build();
        JsonNode ours = LayoutTesting.encode(TemplateParity.of("{\"m\":{\"$resolver\":\"mdc\"},\"k\":{\"$resolver\":\"mdc\",\"key\":\"b\"}}")
                .ours(), event);
        assertEquals("first", ours.get("m").get("a").asText());
        assertTrue(ours.get("m").get("b").asText().contains("threw java.lang.IllegalStateException"), ours.toString());
        assertEquals("last", ours.get("m").get("c").asText());
        assertTrue(ours.get("k").asText().contains("threw java.lang.IllegalStateException"), ours.toString());
    }

    // ---- configuration errors ----

    @Test
    void optionsThatExcludeEachOther() {
        assertError("{\"x\":{\"$resolver\":\"mdc\",\"key\":\"k\",\"flatten\":true}}", "$.x", "mdc", "key", "cannot be combined with \"flatten\"");
        assertError("{\"x\":{\"$resolver\":\"map\",\"key\":\"k\",\"pattern\":\"p\"}}", "$.x", "map", "pattern", "cannot be combined with \"key\"");
        assertError("{\"x\":{\"y\":{\"$resolver\":\"mdc\",\"replacement\":\"r\"}}}", "$.x.y", "mdc", "replacement", "needs a \"pattern\"");
    }

    @Test
    void optionsOfTheWrongType() {
        assertError("{\"x\":{\"$resolver\":\"mdc\",\"flatten\":\"yes\"}}", "$.x", "mdc", "flatten", "must be true, false or an object");
        assertError("{\"x\":{\"$resolver\":\"mdc\",\"flatten\":{\"prefix\":1}}}", "$.x", "mdc", "flatten.prefix", "must be a string");
        assertError("{\"x\":{\"$resolver\":\"map\",\"key\":1}}", "$.x", "map", "key", "must be a string");
        assertError("{\"x\":{\"$resolver\":\"map\",\"stringified\":\"true\"}}", "$.x", "map", "stringified", "must be true or false");
        assertError("{\"x\":{\"$resolver\":\"mdc\",\"pattern\":[\"a\"]}}", "$.x", "mdc", "pattern", "must be a string");
        assertError("{\"x\":{\"$resolver\":\"mdc\",\"pattern\":\"a\",\"replacement\":false}}", "$.x", "mdc", "replacement", "must be a string");
    }

    @Test
    void badPatternsAndReplacements() {
        assertError("{\"x\":{\"$resolver\":\"mdc\",\"pattern\":\"(user\"}}", "$.x", "mdc", "pattern", "is not a valid regular expression");
        assertError("{\"x\":{\"$resolver\":\"mdc\",\"pattern\":\"(a)\",\"replacement\":\"$2\"}}", "$.x", "mdc", "replacement",
                "refers to group 2, but the pattern has 1 group");
        assertError("{\"x\":{\"$resolver\":\"mdc\",\"pattern\":\"a\",\"replacement\":\"x\\\\\"}}", "$.x", "mdc", "replacement",
                "ends with a lone backslash");
        assertError("{\"x\":{\"$resolver\":\"mdc\",\"pattern\":\"a\",\"replacement\":\"cost $\"}}", "$.x", "mdc", "replacement",
                "ends with a lone '$'");
        assertError("{\"x\":{\"$resolver\":\"mdc\",\"pattern\":\"a\",\"replacement\":\"$x\"}}", "$.x", "mdc", "replacement",
                "neither a group number nor {name}");
        assertError("{\"x\":{\"$resolver\":\"mdc\",\"pattern\":\"a\",\"replacement\":\"${name\"}}", "$.x", "mdc", "replacement",
                "without its closing brace");
    }

    @Test
    void theReplacementCheckAgreesWithTheJdk() {
        String[] replacements = {"$0", "$1", "$12", "\\$", "a\\\\b", "${g}", "x$1y", "$", "\\", "$a", "${", "$2"};
        for (String replacement : replacements) {
            java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("(?<g>k)").matcher("k");
            matcher.matches();
            boolean jdkAccepts;
            try {
                matcher.replaceAll(replacement);
                jdkAccepts = true;
            } catch (RuntimeException rejected) {
                jdkAccepts = false;
            }
            boolean weAccept = StringMapResolvers.KeyRewrite.replacementProblem(replacement, 1) == null;
            assertEquals(jdkAccepts, weAccept, "replacement " + replacement);
        }
    }

    /**
     * As {@link TemplateParity#assertSameOn}, for output where JsonTemplateLayout repeats a key in an
     * object: its later occurrences are renamed first ({@code _} prefixed until free), which is what we
     * write, so the rest of the output is still compared member by member.
     */
    static void assertSameWithRepeatsRenamed(TemplateParity parity, List<EventCorpus.Named> events) {
        org.apache.logging.log4j.layout.template.json.JsonTemplateLayout theirs = parity.theirs();
        PooledJsonLayout ours = parity.ours();
        List<String> mismatches = new ArrayList<>();
        for (EventCorpus.Named named : events) {
            String expected = renameRepeats(theirs.toSerializable(named.event));
            String actual = LayoutTesting.encodeToText(ours, named.event);
            String problem = TemplateParity.compare(expected, actual);
            if (problem != null) {
                mismatches.add(named.name + ": " + problem + "\n  JsonTemplateLayout, renamed: " + expected
                        + "\n  PooledJsonLayout:            " + actual.strip());
            }
        }
        assertTrue(mismatches.isEmpty(), String.join("\n", mismatches));
    }

    static String renameRepeats(String json) {
        try (com.fasterxml.jackson.core.JsonParser parser = new com.fasterxml.jackson.core.JsonFactory().createParser(json)) {
            parser.nextToken();
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(readRenaming(parser));
        } catch (java.io.IOException e) {
            throw new AssertionError("JsonTemplateLayout wrote invalid JSON: " + json, e);
        }
    }

    private static JsonNode readRenaming(com.fasterxml.jackson.core.JsonParser parser) throws java.io.IOException {
        com.fasterxml.jackson.databind.node.JsonNodeFactory nodes = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        switch (parser.currentToken()) {
            case START_OBJECT: {
                com.fasterxml.jackson.databind.node.ObjectNode object = nodes.objectNode();
                while (parser.nextToken() != com.fasterxml.jackson.core.JsonToken.END_OBJECT) {
                    String key = parser.currentName();
                    while (object.has(key)) {
                        key = "_" + key;
                    }
                    parser.nextToken();
                    object.set(key, readRenaming(parser));
                }
                return object;
            }
            case START_ARRAY: {
                com.fasterxml.jackson.databind.node.ArrayNode array = nodes.arrayNode();
                while (parser.nextToken() != com.fasterxml.jackson.core.JsonToken.END_ARRAY) {
                    array.add(readRenaming(parser));
                }
                return array;
            }
            case VALUE_STRING:
                return nodes.textNode(parser.getText());
            case VALUE_NUMBER_INT:
                return nodes.numberNode(parser.getBigIntegerValue());
            case VALUE_NUMBER_FLOAT:
                return nodes.numberNode(parser.getDecimalValue());
            case VALUE_TRUE:
            case VALUE_FALSE:
                return nodes.booleanNode(parser.getBooleanValue());
            default:
                return nodes.nullNode();
        }
    }

    static void assertError(String template, String path, String resolver, String option, String problem) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> TemplateParity.of(template).ours());
        String message = error.getMessage();
        assertTrue(message.contains("at " + path + ": resolver \"" + resolver + "\", option \"" + option + "\" "), message);
        assertTrue(message.contains(problem), message);
    }
}
