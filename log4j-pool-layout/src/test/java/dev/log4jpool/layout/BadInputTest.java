package dev.log4jpool.layout;

import static dev.log4jpool.layout.LayoutTesting.builder;
import static dev.log4jpool.layout.LayoutTesting.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.log4jpool.buffer.BufferPool;
import dev.log4jpool.buffer.TextBuffer;
import dev.log4jpool.message.StructuredMessage;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.logging.log4j.core.impl.MutableLogEvent;
import org.apache.logging.log4j.message.MapMessage;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.apache.logging.log4j.message.ReusableMessageFactory;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.message.StringMapMessage;
import org.junit.jupiter.api.Test;

/** Valid JSON, nothing lost, nothing interpreted: every value is parsed back and compared. */
class BadInputTest {
    private final PooledJsonLayout layout = builder().build();

    private String roundTrip(String message) {
        return encode(layout, Events.event(message)).get("message").textValue();
    }

    @Test
    void quotesAndBackslashes() {
        String text = "say \"hi\" \\ and \\\" and \"\\";
        assertEquals(text, roundTrip(text));
        String raw = LayoutTesting.encodeToText(layout, Events.event("\"\\"));
        assertTrue(raw.contains("\"message\":\"\\\"\\\\\""), raw);
    }

    @Test
    void everyControlCharacter() {
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            all.append('<').append(c).append('>');
        }
        all.append('\u007f');
        String text = all.toString();
        assertEquals(text, roundTrip(text));
        String raw = LayoutTesting.encodeToText(layout, Events.event(text));
        for (int i = 0; i < raw.length() - 1; i++) { // the delimiter is the only raw control char
            assertTrue(raw.charAt(i) >= 0x20, "raw control char at " + i);
        }
        assertTrue(raw.contains("<\\n>") && raw.contains("<\\t>") && raw.contains("<\\u0000>") && raw.contains("<\\u001f>"), raw);
    }

    @Test
    void loneAndReversedSurrogatesBecomeReplacementCharacters() {
        // high alone, low alone, low-then-high, high at the end
        String text = "a\uD83Db \uDE00c \uDE00\uD83D d\uD83D";
        assertEquals("a\uFFFDb \uFFFDc \uFFFD\uFFFD d\uFFFD", roundTrip(text)); // the decoder in lines() is strict
    }

    @Test
    void nonAsciiAndEmojiAreRawUtf8() {
        String text = "naïve café 日本語 😀👍🏽 \u2028";
        CapturingDestination destination = new CapturingDestination();
        layout.encode(Events.event(text), destination);
        byte[] bytes = destination.bytes();
        String decoded = new String(bytes, StandardCharsets.UTF_8);
        assertTrue(decoded.contains(text), "written raw, not escaped: " + decoded);
        assertEquals(text, Json.parse(decoded.trim()).get("message").textValue());
    }

    @Test
    void surrogatePairsSurviveEveryRunBoundary() {
        // Pairs straddling the escaper's 512-char runs and the truncation limit.
        for (int pad = 505; pad < 520; pad++) {
            String text = "x".repeat(pad) + "😀".repeat(10);
            assertEquals(text, roundTrip(text), "pad " + pad);
        }
        PooledJsonLayout short_ = builder().setMaxStringLength(5).build();
        assertEquals("abcd…", encode(short_, Events.event("abcd😀")).get("message").textValue(), "pair not split");
        assertEquals("ab😀c…", encode(short_, Events.event("ab😀cd")).get("message").textValue());
    }

    @Test
    void aTenMegabyteMessageIsTruncatedAndThePoolShrinksBack() {
        BufferPool pool = BufferPool.newBuilder().setName("huge-test").setBufferSize(1024).setMaxBuffers(2)
                .setThreadLocalEnabled(true).build();
        PooledJsonLayout bounded = builder().setBufferPool(pool).build();
        String huge = "0123456789".repeat(1_000_000);
        for (Message message : new Message[] {new SimpleMessage(huge), new ParameterizedMessage("{}", huge),
                StructuredMessage.of(huge).with("big", huge)}) {
            JsonNode json = encode(bounded, Events.event(message));
            String written = json.get("message").textValue();
            assertEquals(PooledJsonLayout.DEFAULT_MAX_STRING_LENGTH + 1, written.length());
            assertEquals(huge.substring(0, PooledJsonLayout.DEFAULT_MAX_STRING_LENGTH) + "…", written);
        }
        try (TextBuffer buffer = pool.acquire()) {
            assertTrue(buffer.capacity() <= pool.getMaxRetainedSize(), "retained " + buffer.capacity());
        }
    }

    @Test
    void nullMessageParametersKeysAndValues() {
        assertTrue(encode(layout, Events.immutable(null, null)).get("message").isNull());
        // Log4j's own text for logger.info((String) null) is "null"; the layout keeps it.
        assertEquals("null", encode(layout, Events.event((String) null)).get("message").textValue());
        assertEquals("a null b null", encode(layout, Events.event(new ParameterizedMessage("a {} b {}", (Object) null, (Object) null)))
                .get("message").textValue());
        JsonNode structured = encode(layout, Events.event(StructuredMessage.of(null).with(null, "v").with("k", (String) null)
                .with("o", (Object) null)));
        assertEquals("null", structured.get("message").textValue()); // one rule for null messages (issue 14; NullMessageTest)
        assertEquals("v", structured.get("null").textValue());
        assertTrue(structured.get("k").isNull());
        assertTrue(structured.get("o").isNull());
        // MapMessage refuses null values itself; an empty one is kept.
        StringMapMessage map = new StringMapMessage().with("nothing", "");
        assertEquals("", encode(layout, Events.event(map)).get("nothing").textValue());
        MutableLogEvent event = Events.event("m");
        event.setLoggerName(null);
        event.setThreadName(null);
        org.apache.logging.log4j.util.StringMap data = new org.apache.logging.log4j.util.SortedArrayStringMap();
        data.putValue("empty", null);
        event.setContextData(data);
        JsonNode json = encode(layout, event);
        assertTrue(json.get("logger").isNull());
        assertTrue(json.get("empty").isNull());
    }

    @Test
    void aParameterWhoseToStringThrowsLeavesAMarker() {
        Object hostile = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("boom");
            }
        };
        String message = encode(layout, Events.event(new ParameterizedMessage("value={}", hostile))).get("message").textValue();
        assertTrue(message.startsWith("value=[!!!") && message.contains("IllegalStateException"), message);
        // Through Log4j's reusable message, as the garbage-free logger path does.
        Message reusable = new ReusableMessageFactory().newMessage("value={} then {}", hostile, 7);
        String reused = encode(layout, Events.event(reusable)).get("message").textValue();
        assertTrue(reused.contains("IllegalStateException") && reused.endsWith("then 7"), reused);
        // And as a structured field.
        JsonNode structured = encode(layout, Events.event(StructuredMessage.of("m").with("bad", hostile).with("next", 1)));
        assertTrue(structured.get("bad").textValue().contains("toString() threw java.lang.IllegalStateException"));
        assertEquals(1, structured.get("next").asInt());
        // A message whose own formatting throws.
        Message broken = new SimpleMessage("x") {
            @Override
            public String getFormattedMessage() {
                throw new IllegalStateException("broken");
            }

            @Override
            public void formatTo(StringBuilder buffer) {
                throw new IllegalStateException("broken");
            }
        };
        String brokenText = encode(layout, Events.immutable(broken, null)).get("message").textValue();
        assertTrue(brokenText.contains("threw java.lang.IllegalStateException"), brokenText);
    }

    /** Text whose {@code charAt(4)} throws, as a hostile or broken CharSequence might. */
    static final class BrokenText implements CharSequence {
        @Override
        public int length() {
            return 10;
        }

        @Override
        public char charAt(int index) {
            if (index == 4) {
                throw new IllegalStateException("no char 4");
            }
            return 'x';
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String toString() {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void oneHostileMapValueCostsOnlyItsOwnMember() {
        MapMessage<?, Object> map = new MapMessage<>();
        map.with("a", 1L).with("b", (Object) new BrokenText()).with("c", 3L);
        JsonNode json = encode(layout, Events.withContext(Events.event(map), "a", "context"));
        assertEquals(1, json.get("a").longValue());
        assertEquals(3, json.get("c").longValue());
        String marker = json.get("b").textValue();
        assertTrue(marker.startsWith("[") && marker.contains("threw java.lang.IllegalStateException"), marker);
        assertEquals("context", json.get("_a").textValue(), "renamed because a is written");
        assertFalse(json.has("log4jpool_error"), json.toString());
        assertEquals(List.of("@timestamp", "level", "logger", "thread", "a", "b", "c", "_a"), Json.keys(json));
    }

    @Test
    void oneHostileContextValueCostsOnlyItsOwnMember() {
        MutableLogEvent event = Events.event("m");
        org.apache.logging.log4j.util.StringMap data = new org.apache.logging.log4j.util.SortedArrayStringMap();
        data.putValue("a", "1");
        data.putValue("b", new BrokenText());
        data.putValue("c", "3");
        event.setContextData(data);
        for (PooledJsonLayout each : new PooledJsonLayout[] {layout, builder().setContextDataKey("mdc").build()}) {
            JsonNode json = encode(each, event);
            JsonNode context = each == layout ? json : json.get("mdc");
            assertEquals("1", context.get("a").textValue());
            assertEquals("3", context.get("c").textValue());
            assertTrue(context.get("b").textValue().contains("threw java.lang.IllegalStateException"), json.toString());
            assertFalse(json.has("log4jpool_error"), json.toString());
        }
    }

    @Test
    void lookupsInEventDataAreWrittenLiterally() {
        String jndi = "${jndi:ldap://x/a}";
        String env = "${env:HOME}";
        assertEquals(jndi + " " + env, roundTrip(jndi + " " + env));
        assertEquals("p=" + jndi, encode(layout, Events.event(new ParameterizedMessage("p={}", jndi))).get("message").textValue());
        assertEquals(env, encode(layout, Events.event(new ParameterizedMessage("{}", env))).get("message").textValue());
        JsonNode json = encode(layout, Events.withContext(Events.event("m"), "a", jndi, "b", env, jndi, "key"));
        assertEquals(jndi, json.get("a").textValue());
        assertEquals(env, json.get("b").textValue());
        assertEquals("key", json.get(jndi).textValue());
        JsonNode structured = encode(layout, Events.event(StructuredMessage.of(jndi).with("v", env)));
        assertEquals(jndi, structured.get("message").textValue());
        assertEquals(env, structured.get("v").textValue());
    }
}
