package dev.log4jpool.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedList;
import java.util.List;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.util.SortedArrayStringMap;
import org.junit.jupiter.api.Test;

/**
 * {@link TypedValues} as the {@code mdc}, {@code map} and {@code message} resolvers use it (the
 * {@code messageParameter} resolver's use is in {@link MessageParameterResolverTest}): the depth
 * bound and the contained failure of a hostile value hold there too, and a list that is not
 * {@code RandomAccess} is written in its order.
 */
class TypedValuesTest {
    private static JsonNode encode(String template, LogEvent event) {
        return LayoutTesting.encode(TemplateParity.of(template).ours(), event);
    }

    @Test
    void nestingIsBoundedInContextValues() {
        List<Object> loop = new ArrayList<>();
        loop.add(loop);
        SortedArrayStringMap context = new SortedArrayStringMap();
        context.putValue("loop", loop);
        context.putValue("next", "kept");
        JsonNode json = encode("{\"m\":{\"$resolver\":\"mdc\"}}",
                EventCorpus.base().setMessage(new SimpleMessage("x")).setContextData(context).build());
        JsonNode deepest = json.get("m").get("loop");
        int depth = 0;
        while (deepest.isArray()) {
            deepest = deepest.get(0);
            depth++;
        }
        assertEquals(TypedValues.MAX_DEPTH, depth);
        assertEquals("[nested deeper than 64: java.util.ArrayList]", deepest.asText());
        assertEquals("kept", json.get("m").get("next").asText());
        assertFalse(json.has("log4jpool_error"), json.toString());
    }

    @Test
    void aHostileCharSequenceCostsOnlyItsValueTypedAndStringified() {
        SortedArrayStringMap context = new SortedArrayStringMap();
        context.putValue("a", "first");
        context.putValue("b", List.of("x", new BadInputTest.BrokenText()));
        context.putValue("c", new BadInputTest.BrokenText());
        context.putValue("d", "last");
        LogEvent event = EventCorpus.base().setMessage(new SimpleMessage("x")).setContextData(context).build();
        for (String stringified : new String[] {"false", "true"}) {
            JsonNode m = encode("{\"m\":{\"$resolver\":\"mdc\",\"stringified\":" + stringified + "}}", event).get("m");
            assertEquals("first", m.get("a").asText());
            assertEquals("last", m.get("d").asText());
            assertTrue(m.get("c").asText().contains("threw java.lang.IllegalStateException"), m.toString());
            // typed, the whole list gives way to one marker; stringified, its toString() is the list's own
            assertTrue(m.get("b").isTextual() && m.get("b").asText().contains("threw"), m.toString());
        }
    }

    @Test
    void listsThatAreNotRandomAccessAreWrittenInOrder() {
        List<Object> linked = new LinkedList<>(List.of(1, "two", List.of(3.5)));
        JsonNode json = encode("{\"p\":{\"$resolver\":\"messageParameter\",\"index\":0}}",
                EventCorpus.base().setMessage(new ParameterizedMessage("{}", linked)).build());
        assertEquals("[1,\"two\",[3.5]]", json.get("p").toString());
    }
}
