package dev.log4jpool.layout;

import static dev.log4jpool.layout.LayoutTesting.builder;
import static dev.log4jpool.layout.LayoutTesting.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.log4jpool.message.StructuredMessage;
import java.util.List;
import org.apache.logging.log4j.core.util.KeyValuePair;
import org.apache.logging.log4j.message.StringMapMessage;
import org.junit.jupiter.api.Test;

/** No key twice in one object (Json.parse refuses duplicates); what collides is renamed with "_". */
class KeyCollisionTest {
    private final PooledJsonLayout layout = builder()
            .setAdditionalFields(new KeyValuePair("service", "shop")).build();

    @Test
    void aContextKeyNamedLikeABaseFieldIsPrefixed() {
        JsonNode json = encode(layout, Events.withContext(Events.event("real"), "message", "fake", "level", "fake-level"));
        assertEquals("real", json.get("message").textValue());
        assertEquals("fake", json.get("_message").textValue());
        assertEquals("INFO", json.get("level").textValue());
        assertEquals("fake-level", json.get("_level").textValue());
    }

    @Test
    void aStructuredFieldNamedLikeABaseOrAdditionalFieldIsPrefixed() {
        JsonNode json = encode(layout, Events.event(StructuredMessage.of("real").with("message", "fake")
                .with("@timestamp", 1L).with("service", "other")));
        assertEquals("real", json.get("message").textValue());
        assertEquals("fake", json.get("_message").textValue());
        assertEquals(1, json.get("_@timestamp").asInt());
        assertEquals("shop", json.get("service").textValue());
        assertEquals("other", json.get("_service").textValue());
    }

    @Test
    void aMessageFieldWinsOverAContextEntryOfTheSameName() {
        JsonNode json = encode(layout, Events.withContext(Events.event(StructuredMessage.of("m").with("user", "from-message")),
                "user", "from-context"));
        assertEquals("from-message", json.get("user").textValue());
        assertEquals("from-context", json.get("_user").textValue());
    }

    @Test
    void prefixesAsOftenAsNeeded() {
        // "_level" is taken by a context entry, so the message field "level" becomes "__level".
        JsonNode json = encode(layout, Events.withContext(
                Events.event(new StringMapMessage().with("level", "map").with("_level", "map2")), "level", "ctx"));
        assertEquals("INFO", json.get("level").textValue());
        assertEquals("map2", json.get("_level").textValue()); // sorted map: "_level" comes first
        assertEquals("map", json.get("__level").textValue());
        assertEquals("ctx", json.get("___level").textValue());
        assertEquals(List.of("@timestamp", "level", "logger", "thread", "_level", "__level", "___level", "service"), Json.keys(json));
    }

    @Test
    void aLeftOutBaseFieldFreesItsName() {
        PooledJsonLayout noThread = builder().setThreadKey("").build();
        JsonNode json = encode(noThread, Events.withContext(Events.event("m"), "thread", "worker-7"));
        assertEquals("worker-7", json.get("thread").textValue());
    }

    @Test
    void manyKeysStillComeOutUnique() {
        String[] context = new String[200];
        for (int i = 0; i < 100; i++) {
            context[2 * i] = "k" + i;
            context[2 * i + 1] = "v" + i;
        }
        StructuredMessage message = StructuredMessage.of("m");
        for (int i = 0; i < 100; i += 2) {
            message.with("k" + i, i);
        }
        JsonNode json = encode(layout, Events.withContext(Events.event(message), context));
        assertEquals(0, json.get("k0").asInt());
        assertEquals("v0", json.get("_k0").textValue());
        assertEquals("v1", json.get("k1").textValue());
    }

    // ---- keys as written: sanitised and cut first, then claimed (issue 14, defect 1) ----

    private static final String LONG_A = "x".repeat(PooledJsonLayout.DEFAULT_MAX_STRING_LENGTH) + "a";
    private static final String LONG_B = "x".repeat(PooledJsonLayout.DEFAULT_MAX_STRING_LENGTH) + "b";
    private static final String CUT = "x".repeat(PooledJsonLayout.DEFAULT_MAX_STRING_LENGTH) + "…";

    @Test
    void contextKeysThatBecomeTheSameAfterSanitisingAreRenamed() {
        JsonNode json = encode(layout, Events.withContext(Events.event("m"), "k\uD800", "one", "k\uDC00", "two"));
        assertEquals("one", json.get("k\uFFFD").textValue());
        assertEquals("two", json.get("_k\uFFFD").textValue());
    }

    @Test
    void mapKeysThatBecomeTheSameAfterSanitisingAreRenamed() {
        JsonNode json = encode(layout, Events.event(new StringMapMessage().with("\uD800", "lone").with("\uFFFD", "real")));
        assertEquals("lone", json.get("\uFFFD").textValue()); // sorted map: \uD800 comes first
        assertEquals("real", json.get("_\uFFFD").textValue());
    }

    @Test
    void keysThatBecomeTheSameWhenCutAreRenamed() {
        JsonNode context = encode(layout, Events.withContext(Events.event("m"), LONG_A, "a", LONG_B, "b"));
        assertEquals("a", context.get(CUT).textValue());
        assertEquals("b", context.get("_" + CUT).textValue());
        JsonNode structured = encode(layout, Events.event(StructuredMessage.of("m").with(LONG_A, 1).with(LONG_B, 2)));
        assertEquals(1, structured.get(CUT).intValue());
        assertEquals(2, structured.get("_" + CUT).intValue());
        JsonNode map = encode(layout, Events.event(new StringMapMessage().with(LONG_A, "a").with(LONG_B, "b")));
        assertEquals("a", map.get(CUT).textValue());
        assertEquals("b", map.get("_" + CUT).textValue());
    }

    @Test
    void aCutKeyIsRenamedAgainstAKeyWrittenAsTheSameText() {
        PooledJsonLayout short_ = builder().setMaxStringLength(3).build();
        // "abcd" is written "abc…", which a context key "abc…" already is.
        JsonNode json = encode(short_, Events.withContext(Events.event(new StringMapMessage().with("abcd", "1")), "abc…", "2"));
        assertEquals("1", json.get("abc…").textValue());
        assertEquals("2", json.get("_abc…").textValue());
    }

    @Test
    void keysAreUniqueAsWrittenInASCIIModeAndInANestedContextObject() {
        PooledJsonLayout ascii = builder().setCharset("US-ASCII").build();
        JsonNode json = encode(ascii, Events.withContext(Events.event("m"), "k\uD800", "one", "k\uDC00", "two", "k\uFFFD", "three"));
        assertEquals("one", json.get("k\uFFFD").textValue());
        assertEquals("two", json.get("_k\uFFFD").textValue());
        assertEquals("three", json.get("__k\uFFFD").textValue());
        PooledJsonLayout nested = builder().setContextDataKey("mdc").build();
        JsonNode mdc = encode(nested, Events.withContext(Events.event("m"), "k\uD800", "one", "k\uDC00", "two", LONG_A, "a", LONG_B, "b"))
                .get("mdc");
        assertEquals("one", mdc.get("k\uFFFD").textValue());
        assertEquals("two", mdc.get("_k\uFFFD").textValue());
        assertEquals("a", mdc.get(CUT).textValue());
        assertEquals("b", mdc.get("_" + CUT).textValue());
    }

    @Test
    void structuredKeysThatBecomeTheSameAfterSanitisingAreOneField() {
        // The message's own text is JSON too: sanitised first, then a key given twice keeps its last value.
        StructuredMessage message = StructuredMessage.of("m").with("k\uD800", "one").with("k\uDC00", "two");
        Json.parse(message.getFormattedMessage().substring(2));
        JsonNode json = encode(layout, Events.event(message));
        assertEquals("two", json.get("k\uFFFD").textValue());
        assertEquals(List.of("@timestamp", "level", "logger", "thread", "message", "k\uFFFD", "service"), Json.keys(json));
    }

    // ---- names written before (JsonWriter's NameCache): same text as the first time, wherever written ----

    @Test
    void aKeyWrittenBeforeIsRenamedWhereItIsReservedAndNotWhereItIsNot() {
        // One key String, one thread's scratch, two objects: "thread" is a base field of one layout only.
        PooledJsonLayout noThread = builder().setThreadKey("").build();
        String key = "thread";
        for (int round = 0; round < 3; round++) {
            JsonNode free = encode(noThread, Events.withContext(Events.event("m"), key, "ctx"));
            assertEquals("ctx", free.get("thread").textValue());
            assertEquals(null, free.get("_thread"));
            JsonNode taken = encode(layout, Events.withContext(Events.event("m"), key, "ctx"));
            assertEquals("ctx", taken.get("_thread").textValue());
            assertEquals("main", taken.get("thread").textValue());
        }
    }

    @Test
    void aKeyWrittenBeforeIsWrittenWithEachLayoutsOwnSettings() {
        PooledJsonLayout ascii = builder().setCharset("US-ASCII").build();
        PooledJsonLayout cut = builder().setMaxStringLength(3).build();
        String key = "caf\u00e9-key";
        for (int round = 0; round < 3; round++) {
            assertTrue(LayoutTesting.encodeToText(layout, Events.withContext(Events.event("m"), key, "v"))
                    .contains("\"caf\u00e9-key\":\"v\""));
            assertTrue(LayoutTesting.encodeToText(ascii, Events.withContext(Events.event("m"), key, "v"))
                    .contains("\"caf\\u00e9-key\":\"v\""));
            assertEquals("v", encode(cut, Events.withContext(Events.event("m"), key, "v")).get("caf\u2026").textValue());
        }
    }

    @Test
    void aKeyWrittenBeforeIsStillRenamedAgainstAnEarlierRunTimeKey() {
        // The message's field "user" comes first; the context's "user" (known from earlier events) yields.
        for (int round = 0; round < 3; round++) {
            JsonNode json = encode(layout, Events.withContext(Events.event(StructuredMessage.of("m").with("user", "msg")),
                    "user", "ctx"));
            assertEquals("msg", json.get("user").textValue());
            assertEquals("ctx", json.get("_user").textValue());
            JsonNode alone = encode(layout, Events.withContext(Events.event("m"), "user", "ctx"));
            assertEquals("ctx", alone.get("user").textValue());
        }
    }

    @Test
    void prefixedKeysWrittenBeforeKeepTheirPrefixAndYieldToTheSameTextWithout() {
        // The context twice: under "x." and flattened as it is; "x." + "k" and the key "x.k" are one name.
        PooledJsonLayout twice = builder().setEventTemplate("{\"a\": {\"$resolver\": \"mdc\", \"flatten\": {\"prefix\": \"x.\"}},"
                + " \"b\": {\"$resolver\": \"mdc\", \"flatten\": true}}").build();
        for (int round = 0; round < 3; round++) {
            JsonNode json = encode(twice, Events.withContext(Events.event("m"), "k", "1", "x.k", "2"));
            assertEquals(List.of("x.k", "x.x.k", "k", "_x.k"), Json.keys(json));
            assertEquals("1", json.get("x.k").textValue());
            assertEquals("2", json.get("_x.k").textValue());
        }
    }

    @Test
    void duplicateConfiguredNamesAreAConfigurationError() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> builder().setLevelKey("message").build());
        assertEquals("PooledJsonLayout: messageKey=\"message\" is already the name of levelKey; member names must be unique",
                error.getMessage());
        IllegalArgumentException additional = assertThrows(IllegalArgumentException.class,
                () -> builder().setAdditionalFields(new KeyValuePair("level", "x")).build());
        assertTrue(additional.getMessage().contains("KeyValuePair key=\"level\""), additional.getMessage());
    }
}
