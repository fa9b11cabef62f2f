package dev.log4jpool.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.junit.jupiter.api.Test;

/**
 * The {@code messageParameter} resolver: all parameters, one by index, typed and stringified, over
 * parameters of every type JsonTemplateLayout tells apart, read visited (reusable messages) and
 * copied (other messages); against JsonTemplateLayout, plus where we keep going where it throws, and
 * the configuration errors.
 */
class MessageParameterResolverTest {
    private static String resolver(String options) {
        return "{\"$resolver\":\"messageParameter\"" + (options.isEmpty() ? "" : "," + options) + "}";
    }

    @Test
    void allParametersTyped() {
        org.junit.jupiter.api.Assumptions.assumeTrue(TemplateParity.peerIsAtLeast226(), "JsonTemplateLayout 2.25.0 bug this corpus meets (see TemplateParity.peerIsAtLeast226)");
        TemplateParity.of("{\"p\":" + resolver("") + "}").assertSameOn(NameResolversCorpus.all());
    }

    @Test
    void allParametersStringified() {
        org.junit.jupiter.api.Assumptions.assumeTrue(TemplateParity.peerIsAtLeast226(), "JsonTemplateLayout 2.25.0 bug this corpus meets (see TemplateParity.peerIsAtLeast226)");
        TemplateParity.of("{\"p\":" + resolver("\"stringified\":true") + ",\"q\":" + resolver("\"stringified\":false") + "}")
                .assertSameOn(NameResolversCorpus.all());
    }

    @Test
    void oneParameterByIndex() {
        org.junit.jupiter.api.Assumptions.assumeTrue(TemplateParity.peerIsAtLeast226(), "JsonTemplateLayout 2.25.0 bug this corpus meets (see TemplateParity.peerIsAtLeast226)");
        StringBuilder template = new StringBuilder("{");
        for (int i = 0; i < 17; i++) {
            template.append("\"p").append(i).append("\":").append(resolver("\"index\":" + i)).append(',');
            template.append("\"s").append(i).append("\":").append(resolver("\"index\":" + i + ",\"stringified\":true")).append(',');
        }
        template.append("\"far\":").append(resolver("\"index\":1000")).append('}');
        TemplateParity.of(template.toString()).assertSameOn(NameResolversCorpus.all());
    }

    @Test
    void parametersAreCutLikeEveryString() {
        org.junit.jupiter.api.Assumptions.assumeTrue(TemplateParity.peerIsAtLeast226(), "JsonTemplateLayout 2.25.0 bug this corpus meets (see TemplateParity.peerIsAtLeast226)");
        TemplateParity.of("{\"p\":" + resolver("") + ",\"s\":" + resolver("\"stringified\":true") + "}")
                .maxStringLength(3, "...").assertSameOn(NameResolversCorpus.all());
    }

    @Test
    void inArrays() {
        org.junit.jupiter.api.Assumptions.assumeTrue(TemplateParity.peerIsAtLeast226(), "JsonTemplateLayout 2.25.0 bug this corpus meets (see TemplateParity.peerIsAtLeast226)");
        TemplateParity.of("{\"a\":[" + resolver("\"index\":0") + "," + resolver("") + "," + resolver("\"index\":50") + "]}")
                .assertSameOn(NameResolversCorpus.all());
    }

    /** JsonTemplateLayout fails the event on a map key that is not a String (ClassCastException) or is null. */
    @Test
    void mapKeysThatAreNotStringsAreWrittenAsTheirText() {
        Map<Object, Object> map = new LinkedHashMap<>();
        map.put(1, "one");
        map.put(null, "nothing");
        map.put("1", "string one");
        JsonNode json = LayoutTesting.encode(TemplateParity.of("{\"p\":" + resolver("\"index\":0") + "}").ours(),
                EventCorpus.base().setMessage(new ParameterizedMessage("{}", map)).build());
        assertEquals("{\"p\":{\"1\":\"one\",\"null\":\"nothing\",\"_1\":\"string one\"}}", json.toString());
    }

    /** JsonTemplateLayout overflows the stack on a list that holds itself. */
    @Test
    void nestingIsBounded() {
        List<Object> loop = new java.util.ArrayList<>();
        loop.add(loop);
        JsonNode json = LayoutTesting.encode(TemplateParity.of("{\"p\":" + resolver("\"index\":0") + "}").ours(),
                EventCorpus.base().setMessage(new ParameterizedMessage("{}", loop)).build());
        JsonNode deepest = json.get("p");
        int depth = 0;
        while (deepest.isArray()) {
            deepest = deepest.get(0);
            depth++;
        }
        assertEquals(TypedValues.MAX_DEPTH, depth);
        assertEquals("[nested deeper than 64: java.util.ArrayList]", deepest.asText());
    }

    // ---- configuration errors ----

    private static final String AT = "PooledJsonLayout: template eventTemplate, at $.x: resolver \"messageParameter\", option ";

    @Test
    void configurationErrors() {
        assertEquals(AT + "\"index\" must be 0 or more, not -1", NameResolversTest.error("{\"x\":" + resolver("\"index\":-1") + "}"));
        assertEquals(AT + "\"index\" must be an integer, not the string \"0\"",
                NameResolversTest.error("{\"x\":" + resolver("\"index\":\"0\"") + "}"));
        assertEquals(AT + "\"index\" must be an integer, not 0.5", NameResolversTest.error("{\"x\":" + resolver("\"index\":0.5") + "}"));
        assertEquals(AT + "\"stringified\" must be true or false, not the string \"yes\"",
                NameResolversTest.error("{\"x\":" + resolver("\"stringified\":\"yes\"") + "}"));
    }
}
