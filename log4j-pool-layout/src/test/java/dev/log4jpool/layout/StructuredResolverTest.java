package dev.log4jpool.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.log4jpool.message.StructuredMessage;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.impl.Log4jLogEvent;
import org.apache.logging.log4j.core.impl.MutableLogEvent;
import org.apache.logging.log4j.layout.template.json.JsonTemplateLayout;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.message.StringMapMessage;
import org.junit.jupiter.api.Test;

/**
 * Our {@code structured} resolver. JsonTemplateLayout has no such resolver, so the peer's output is
 * taken from its {@code map} resolver on a {@code MapMessage} with the same typed entries (keys in
 * sorted order, a map message's order): {@code structured} on a structured message must write what
 * {@code map} writes on that map message, in every mode. Also: every way the text reaches the layout
 * (the message, Log4j's mutable event, its memento), left out for other messages and for no fields,
 * renamed duplicates, configuration errors.
 */
class StructuredResolverTest {

    /** A structured message and the map message JsonTemplateLayout writes the same entries from. */
    private static final class Pair {
        final String name;
        final LogEvent structured;
        final LogEvent map;

        Pair(String name, LogEvent structured, LogEvent map) {
            this.name = name;
            this.structured = structured;
            this.map = map;
        }
    }

    private static List<Pair> pairs() {
        List<Pair> pairs = new ArrayList<>();
        // memento(): an independent copy, since of() hands out the thread's one instance
        StructuredMessage typed = (StructuredMessage) StructuredMessage.of("order placed")
                .with("amount", 9.99).with("count", 3).with("express", true).with("id", 42L).with("note", "quoted \"text\"\n\u00e9")
                .with("null", (String) null).with("sku", new StringBuilder("A-1")).memento();
        StringMapMessage typedMap = new StringMapMessage();
        typedMap.with("amount", 9.99).with("count", 3).with("express", true).with("id", 42L).with("note", "quoted \"text\"\n\u00e9");
        typedMap.with("null", (Object) null);
        typedMap.with("sku", "A-1");
        pairs.add(new Pair("typed fields", EventCorpus.base().setMessage(typed).build(), EventCorpus.base().setMessage(typedMap).build()));

        MutableLogEvent mutable = Events.event(StructuredMessage.of("async path").with("a", 1).with("b", "two"));
        LogEvent mutableMap = EventCorpus.base().setMessage(new StringMapMessage().with("a", 1).with("b", "two")).build();
        pairs.add(new Pair("mutable event (Log4j's garbage-free path)", mutable, mutableMap));
        pairs.add(new Pair("memento of a mutable event (async appender copy)", Log4jLogEvent.createMemento(mutable), mutableMap));

        StructuredMessage nullText = (StructuredMessage) StructuredMessage.of(null).with("k", "v").memento();
        pairs.add(new Pair("null text", EventCorpus.base().setMessage(nullText).build(),
                EventCorpus.base().setMessage(new StringMapMessage().with("k", "v")).build()));

        StructuredMessage noFields = (StructuredMessage) StructuredMessage.of("no fields").memento();
        pairs.add(new Pair("no fields", EventCorpus.base().setMessage(noFields).build(),
                EventCorpus.base().setMessage(new StringMapMessage()).build()));

        StructuredMessage longOnes = (StructuredMessage) StructuredMessage.of("long")
                .with("a-long-key-name", "a long string value").with("b", 1234567890123L).memento();
        pairs.add(new Pair("long keys and values", EventCorpus.base().setMessage(longOnes).build(), EventCorpus.base()
                .setMessage(new StringMapMessage().with("a-long-key-name", "a long string value").with("b", 1234567890123L)).build()));

        // Other messages: neither resolver has anything to write.
        for (EventCorpus.Named named : EventCorpus.all()) {
            if (!named.name.contains("map message") && !named.name.equals("structured")) {
                pairs.add(new Pair(named.name, named.event, named.event));
            }
        }
        return pairs;
    }

    /** {@code structured} in {@code ours} on each structured event = {@code map} in {@code theirs} on its map event. */
    private static void assertLikeMap(String structuredTemplate, int maxStringLength) {
        String mapTemplate = structuredTemplate.replace("\"structured\"", "\"map\"");
        JsonTemplateLayout theirs = TemplateParity.of(mapTemplate).maxStringLength(maxStringLength, "~").theirs();
        PooledJsonLayout ours = TemplateParity.of(structuredTemplate).maxStringLength(maxStringLength, "~").ours();
        List<String> mismatches = new ArrayList<>();
        for (Pair pair : pairs()) {
            // keys that JsonTemplateLayout repeats (cut alike) are renamed here: its repeats renamed the same way
            String expected = StringMapResolverTest.renameRepeats(theirs.toSerializable(pair.map));
            String actual = LayoutTesting.encodeToText(ours, pair.structured);
            String problem = TemplateParity.compare(expected, actual);
            if (problem != null) {
                mismatches.add(pair.name + ": " + problem + "\n  JsonTemplateLayout (map): " + expected
                        + "\n  PooledJsonLayout:         " + actual.strip());
            }
        }
        assertTrue(mismatches.isEmpty(), structuredTemplate + "\n" + String.join("\n", mismatches));
    }

    @Test
    void fieldsAsAnObject() {
        assertLikeMap("{\"before\":1,\"fields\":{\"$resolver\":\"structured\"},\"after\":2}", 16384);
        assertLikeMap("{\"fields\":{\"$resolver\":\"structured\",\"flatten\":false}}", 16384);
    }

    @Test
    void fieldsFlattened() {
        assertLikeMap("{\"before\":1,\"fields\":{\"$resolver\":\"structured\",\"flatten\":true},\"after\":2}", 16384);
        assertLikeMap("{\"fields\":{\"$resolver\":\"structured\",\"flatten\":{\"prefix\":\"labels.\"}},\"after\":2}", 16384);
        assertLikeMap("{\"o\":{\"fields\":{\"$resolver\":\"structured\",\"flatten\":{}}}}", 16384);
    }

    @Test
    void inArraysNoFieldsIsNull() {
        assertLikeMap("{\"a\":[{\"$resolver\":\"structured\"},1]}", 16384);
    }

    @Test
    void keysAndValuesAreCutLikeJsonTemplateLayoutCutsMapEntries() {
        assertLikeMap("{\"fields\":{\"$resolver\":\"structured\"}}", 6);
        assertLikeMap("{\"fields\":{\"$resolver\":\"structured\",\"flatten\":{\"prefix\":\"p.\"}}}", 6);
        assertLikeMap("{\"fields\":{\"$resolver\":\"structured\",\"flatten\":{\"prefix\":\"longer\"}}}", 6);
    }

    @Test
    void theMessageIsTheTextAndTheFieldsAreBesideIt() {
        LogEvent event = Events.event(StructuredMessage.of("order placed").with("orderId", 42L).with("paid", true));
        JsonNode ours = LayoutTesting.encode(TemplateParity.of(
                "{\"message\":{\"$resolver\":\"structured\",\"field\":\"message\"},\"fields\":{\"$resolver\":\"structured\",\"flatten\":true}}").ours(), event);
        assertEquals("{\"message\":\"order placed\",\"orderId\":42,\"paid\":true}", ours.toString());
    }

    @Test
    void flattenedFieldsEqualToConfiguredNamesAreRenamed() {
        LogEvent event = Events.event(StructuredMessage.of("text").with("message", "field").with("level", 3));
        JsonNode ours = LayoutTesting.encode(TemplateParity.of("{\"message\":{\"$resolver\":\"structured\",\"field\":\"message\"},"
                + "\"f\":{\"$resolver\":\"structured\",\"flatten\":true},\"level\":\"INFO\"}").ours(), event);
        assertEquals("{\"message\":\"text\",\"_message\":\"field\",\"_level\":3,\"level\":\"INFO\"}", ours.toString());
    }

    @Test
    void aForgedFormatIsNotTakenApart() {
        // A message that claims the format but whose text has no JSON object at its end: not structured
        MutableLogEvent event = Events.event(new SimpleMessage("x"));
        event.setMessage(new org.apache.logging.log4j.core.impl.MementoMessage("plain text", StructuredMessage.FORMAT, new Object[0]));
        JsonNode ours = LayoutTesting.encode(TemplateParity.of("{\"m\":{\"$resolver\":\"message\"},"
                + "\"f\":{\"$resolver\":\"structured\"},\"g\":{\"$resolver\":\"structured\",\"flatten\":true}}").ours(), event);
        assertEquals("{\"m\":\"plain text\"}", ours.toString());
    }

    @Test
    void configurationErrors() {
        StringMapResolverTest.assertError("{\"x\":{\"$resolver\":\"structured\",\"flatten\":1}}", "$.x", "structured", "flatten",
                "must be true, false or an object");
        StringMapResolverTest.assertError("{\"x\":{\"$resolver\":\"structured\",\"flatten\":{\"prefix\":true}}}", "$.x", "structured",
                "flatten.prefix", "must be a string");
    }
}
