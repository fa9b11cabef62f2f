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
