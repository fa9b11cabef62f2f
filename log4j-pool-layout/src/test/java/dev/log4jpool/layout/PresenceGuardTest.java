package dev.log4jpool.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.logging.log4j.core.config.DefaultConfiguration;
import org.apache.logging.log4j.core.impl.MutableLogEvent;
import org.apache.logging.log4j.util.SortedArrayStringMap;
import org.junit.jupiter.api.Test;

/**
 * Members that share a {@link PresenceGuard} (context members, exception members): the guard is
 * asked once per object and event, a failing guard leaves them out, a throwing one rules nothing out.
 * The output itself is checked against JsonTemplateLayout with the same members.
 */
class PresenceGuardTest {
    private static final String TEMPLATE = "{\"message\":{\"$resolver\":\"message\",\"stringified\":true},"
            + "\"trace\":{\"$resolver\":\"mdc\",\"key\":\"trace_id\"},\"span\":{\"$resolver\":\"mdc\",\"key\":\"span_id\"},"
            + "\"labels\":{\"$resolver\":\"mdc\",\"flatten\":false},"
            + "\"error.type\":{\"$resolver\":\"exception\",\"field\":\"className\"},"
            + "\"error.message\":{\"$resolver\":\"exception\",\"field\":\"message\"},"
            + "\"root\":{\"$resolver\":\"exceptionRootCause\",\"field\":\"className\"},"
            + "\"nested\":{\"user\":{\"$resolver\":\"mdc\",\"key\":\"user\"},\"k\":1}}";

    @Test
    void membersSharingAGuardWriteWhatJsonTemplateLayoutWrites() {
        TemplateParity.of(TEMPLATE).assertSameOn(EventCorpus.all());
    }

    @Test
    void anEmptyContextIsAskedOnceForAllTheContextMembersOfAnObject() {
        PooledJsonLayout layout = layout();
        CountingMap empty = new CountingMap(false);
        MutableLogEvent event = Events.event("no context");
        event.setContextData(empty);
        JsonNode line = LayoutTesting.encode(layout, event);
        empty.calls = 0;
        line = LayoutTesting.encode(layout, event); // the same event once more, counted from here
        assertEquals("no context", line.get("message").asText());
        assertFalse(line.has("trace") || line.has("span") || line.has("labels") || line.has("error.type"), line.toString());
        assertEquals(1, line.get("nested").size(), line.toString());
        // encode and toSerializable each write the event once; per write one read of the map for the
        // root object's three context members and one for the nested object's member (asking each
        // member would read it four times).
        assertEquals(2 * 2, empty.calls);
    }

    /** Objects whose members all share a guard: one of context members, one of exception members. */
    private static final String GUARDED_OBJECTS = "{\"message\":{\"$resolver\":\"message\",\"stringified\":true},"
            + "\"ctx\":{\"a\":{\"$resolver\":\"mdc\",\"key\":\"trace_id\"},\"b\":{\"$resolver\":\"mdc\",\"key\":\"user\"}},"
            + "\"thrown\":{\"t\":{\"$resolver\":\"exception\",\"field\":\"className\"},"
            + "\"m\":{\"$resolver\":\"exception\",\"field\":\"message\"}}}";

    @Test
    void anObjectWhoseMembersShareAGuardIsSkippedByItAndWritesWhatJsonTemplateLayoutWrites() {
        TemplateParity.of(GUARDED_OBJECTS).assertSameOn(EventCorpus.all());
        PooledJsonLayout layout = PooledJsonLayout.newBuilder().setConfiguration(new DefaultConfiguration())
                .setEventTemplate(GUARDED_OBJECTS).build();
        CountingMap empty = new CountingMap(false);
        MutableLogEvent event = Events.event("no context");
        event.setContextData(empty);
        LayoutTesting.encode(layout, event);
        empty.calls = 0;
        JsonNode line = LayoutTesting.encode(layout, event);
        assertEquals(java.util.List.of("message"), Json.keys(line));
        // Per write one read of the map, the root's guard for "ctx"; asking "ctx" itself would read
        // it once per member.
        assertEquals(2, empty.calls);
    }

    @Test
    void aGuardThatThrowsLeavesEachMemberToAskAndReportForItself() {
        PooledJsonLayout layout = layout();
        CountingMap hostile = new CountingMap(true);
        hostile.putValue("trace_id", "t-1");
        hostile.putValue("user", "alice");
        MutableLogEvent event = Events.event("hostile map");
        event.setContextData(hostile);
        JsonNode line = LayoutTesting.encode(layout, event);
        assertEquals("t-1", line.get("trace").asText(), line.toString());
        assertEquals("alice", line.get("nested").get("user").asText(), line.toString());
        // The labels member reads isEmpty itself: it fails alone, reported in its place.
        assertFalse(line.has("labels"), line.toString());
        assertTrue(line.get("log4jpool_error").asText().contains("isEmpty refused"), line.toString());
        assertEquals("hostile map", line.get("message").asText());
    }

    private static PooledJsonLayout layout() {
        return PooledJsonLayout.newBuilder().setConfiguration(new DefaultConfiguration()).setEventTemplate(TEMPLATE).build();
    }

    /** A context map that counts the reads the guard and the members make, and can refuse {@code isEmpty}. */
    private static final class CountingMap extends SortedArrayStringMap {
        private static final long serialVersionUID = 1L;
        private final boolean hostile;
        int calls;

        CountingMap(boolean hostile) {
            this.hostile = hostile;
        }

        @Override
        public boolean isEmpty() {
            calls++;
            if (hostile) {
                throw new IllegalStateException("isEmpty refused");
            }
            return super.isEmpty();
        }

        @Override
        public boolean containsKey(String key) {
            calls++;
            return super.containsKey(key);
        }

        @Override
        public <V> V getValue(String key) {
            calls++;
            return super.getValue(key);
        }
    }
}
