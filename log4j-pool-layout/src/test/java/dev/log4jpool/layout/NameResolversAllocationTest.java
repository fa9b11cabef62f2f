package dev.log4jpool.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.MarkerManager;
import org.apache.logging.log4j.core.impl.MutableLogEvent;
import org.apache.logging.log4j.core.lookup.MainMapLookup;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.apache.logging.log4j.message.ReusableMessageFactory;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.util.SortedArrayStringMap;
import org.apache.logging.log4j.util.Unbox;
import org.junit.jupiter.api.Test;

/**
 * Allocation of {@code encode} with the logger, thread, source, marker, ndc, main,
 * messageParameter and caseConverter resolvers, measured as {@link GarbageFreeTest} measures it
 * (exactly, after a warm-up long enough for C2, the event's time moving every event). Nothing for
 * every configuration that can be garbage-free; where an API or the user's object allocates, the
 * bound.
 */
class NameResolversAllocationTest {

    private final MutableLogEvent event = baseEvent();

    private static MutableLogEvent baseEvent() {
        MutableLogEvent event = new MutableLogEvent();
        event.setLevel(Level.INFO);
        event.setLoggerName("dev.log4jpool.shop.OrderService");
        event.setLoggerFqcn("org.apache.logging.log4j.spi.AbstractLogger");
        event.setThreadName("http-nio-8080-exec-1");
        event.setThreadId(31);
        event.setThreadPriority(5);
        event.setContextData(new SortedArrayStringMap());
        event.setContextStack(EventCorpus.stack("user:alice", "userRole:admin", "request-42"));
        event.setMessage(new SimpleMessage("order placed"));
        return event;
    }

    private static PooledJsonLayout layout(String template) {
        return PooledJsonLayout.newBuilder().setConfiguration(TemplateParity.CONFIGURATION).setLocationInfoEnabled(true)
                .setEventTemplate(template).build();
    }

    /** Runs {@code step} then encodes, as {@link AllocationMeter} measures; bytes per measured event. */
    private long bytesPerEvent(PooledJsonLayout layout, LongConsumer step) {
        return AllocationMeter.bytesPerEvent(layout, event, step);
    }

    private static String resolver(String name, String options) {
        return "{\"$resolver\":\"" + name + "\"" + (options.isEmpty() ? "" : "," + options) + "}";
    }

    @Test
    void namesSourceMarkerNdcMainAndCaseConversion() {
        MainMapLookup.setMainArguments("--userId", "alice");
        String loggerName = resolver("logger", "\"field\":\"name\"");
        String threadName = resolver("thread", "\"field\":\"name\"");
        String threadId = resolver("thread", "\"field\":\"id\"");
        PooledJsonLayout layout = layout("{\"logger\":" + loggerName + ",\"fqcn\":" + resolver("logger", "\"field\":\"fqcn\"")
                + ",\"thread\":" + threadName + ",\"id\":" + threadId + ",\"priority\":" + resolver("thread", "\"field\":\"priority\"")
                + ",\"class\":" + resolver("source", "\"field\":\"className\"") + ",\"method\":" + resolver("source", "\"field\":\"methodName\"")
                + ",\"file\":" + resolver("source", "\"field\":\"fileName\"") + ",\"line\":" + resolver("source", "\"field\":\"lineNumber\"")
                + ",\"marker\":" + resolver("marker", "\"field\":\"name\"")
                + ",\"ndc\":" + resolver("ndc", "") + ",\"users\":" + resolver("ndc", "\"pattern\":\"user(Role)?:\\\\w+\"")
                + ",\"arg0\":" + resolver("main", "\"index\":0") + ",\"user\":" + resolver("main", "\"key\":\"--userId\"")
                + ",\"LOGGER\":" + resolver("caseConverter", "\"case\":\"upper\",\"input\":" + loggerName)
                + ",\"thread_lower\":" + resolver("caseConverter", "\"case\":\"lower\",\"locale\":\"de_DE\",\"input\":" + threadName)
                + ",\"literal\":" + resolver("caseConverter", "\"case\":\"upper\",\"input\":\"Ünïcödé Ελλάδα\"")
                + ",\"replaced\":" + resolver("caseConverter", "\"case\":\"upper\",\"input\":" + threadId + ",\"replacement\":\"none\"")
                + ",\"passed\":" + resolver("caseConverter", "\"case\":\"upper\",\"input\":" + threadId + ",\"errorHandlingStrategy\":\"pass\"")
                + "}");
        event.setSource(new StackTraceElement("shop.Orders", "place", "Orders.java", 42));
        event.setMarker(MarkerManager.getMarker("AUDIT"));
        assertEquals(0, bytesPerEvent(layout, i -> event.setThreadId(i)), "bytes allocated per event");
    }

    private static final String PARAMETERS = "{\"all\":" + resolver("messageParameter", "")
            + ",\"first\":" + resolver("messageParameter", "\"index\":0")
            + ",\"absent\":" + resolver("messageParameter", "\"index\":9")
            + ",\"strings\":" + resolver("messageParameter", "\"stringified\":true")
            + ",\"second\":" + resolver("messageParameter", "\"index\":1,\"stringified\":true") + "}";

    @Test
    void messageParametersUnboxedThroughReusableMessages() {
        ReusableMessageFactory factory = new ReusableMessageFactory();
        PooledJsonLayout layout = layout(PARAMETERS);
        assertEquals(0, bytesPerEvent(layout, i -> {
            // as Log4j's garbage-free logger does it: a reusable message, taken over by the event
            Message message = factory.newMessage("order {} costs {} paid {}", Unbox.box(i), Unbox.box(i * 0.25), Unbox.box((i & 1) == 0));
            event.setMessage(message);
            ReusableMessageFactory.release(message);
        }), "bytes allocated per event");
    }

    @Test
    void messageParametersBoxedKeepTheirTypes() {
        ReusableMessageFactory factory = new ReusableMessageFactory();
        Object[] constants = {42L, 9.99, 0.1f, "alice", null, Boolean.TRUE, (short) 3};
        PooledJsonLayout layout = layout(PARAMETERS);
        assertEquals(0, bytesPerEvent(layout, i -> {
            // Integer.valueOf caches -128..127: the boxing is not the layout's to count
            Message message = factory.newMessage("{} {} {} {} {} {} {} {}", Integer.valueOf((int) (i & 127)), constants[0],
                    constants[1], constants[2], constants[3], constants[4], constants[5], constants[6]);
            event.setMessage(message);
            ReusableMessageFactory.release(message);
        }), "bytes allocated per event");
    }

    @Test
    void messageParametersThatAreCollectionsMapsArraysAndFormattables() {
        SortedArrayStringMap stringMap = new SortedArrayStringMap();
        stringMap.putValue("a", 1);
        stringMap.putValue("b", "two");
        Map<String, Object> map = new HashMap<>();
        map.put("id", 42);
        map.put("tags", List.of("x", "y"));
        Object[] parameters = {List.of(1, 2.5, "three"), map, stringMap, new int[] {1, 2}, new double[] {0.5},
            new Object[] {"a", 1L}, new SimpleMessage("formattable"), new char[] {'c'}};
        event.setMessage(new ParameterizedMessage("{} {} {} {} {} {} {} {}", parameters));
        assertEquals(0, bytesPerEvent(layout("{\"all\":" + resolver("messageParameter", "")
                + ",\"map\":" + resolver("messageParameter", "\"index\":1") + "}"), i -> {}), "bytes allocated per event");
    }

    /** {@code stringified} calls the object's {@code toString()}; only what that allocates is allocated. */
    @Test
    void stringifiedObjectsCostTheirToStringOnly() {
        long[] calls = new long[1];
        Object order = new Object() {
            @Override
            public String toString() {
                calls[0]++;
                return "order-42"; // allocates nothing: the rest is ours
            }
        };
        event.setMessage(new ParameterizedMessage("{}", order));
        calls[0] = 0; // the event formatted the message once
        assertEquals(0, bytesPerEvent(layout("{\"p\":" + resolver("messageParameter", "\"stringified\":true") + "}"), i -> {}),
                "bytes allocated per event");
        assertEquals(AllocationMeter.WARM_UP + AllocationMeter.MEASURED, calls[0]);
    }

    /** {@code Marker.getParents()} copies its array: the only way to read them. */
    @Test
    void markerParentsAllocateTheCopyOfTheParents() {
        event.setMarker(NameResolversCorpus.twoParents());
        long perEvent = bytesPerEvent(layout("{\"parents\":" + resolver("marker", "\"field\":\"parents\"") + "}"), i -> {});
        long bound = 24; // 16 + 4 x 2 references (compressed oops), rounded up to 8
        assertTrue(perEvent <= bound, "marker parents allocated " + perEvent + " B, bound " + bound + " B");
    }

    /**
     * Lower-casing a capital sigma depends on its neighbours: that text goes through
     * {@code String.toLowerCase}, whose cost is the JDK's: the input String, the result, its working
     * arrays and its special-casing lookup (it boxes the code point). Measured 384 B for this
     * 9-char name on JDK 17.
     */
    @Test
    void textTheJdkMustConvertAsAWhole() {
        event.setLoggerName("shop.ΟΔΟΣ");
        long perEvent = bytesPerEvent(layout("{\"logger\":" + resolver("caseConverter",
                "\"case\":\"lower\",\"input\":" + resolver("logger", "\"field\":\"name\"")) + "}"), i -> {});
        long bound = 512;
        assertTrue(perEvent > 0 && perEvent <= bound, "lower case of \"shop.ΟΔΟΣ\" allocated " + perEvent + " B, bound " + bound + " B");
    }

    /** A collection other than a list is walked by its own {@code forEach}: {@code HashSet}'s makes an iterator. */
    @Test
    void setsAreWalkedWithTheirIterator() {
        event.setMessage(new ParameterizedMessage("{}", new LinkedHashSet<>(List.of("s", "t"))));
        long perEvent = bytesPerEvent(layout("{\"all\":" + resolver("messageParameter", "") + "}"), i -> {});
        long bound = 32; // one iterator object
        assertTrue(perEvent <= bound, "a set allocated " + perEvent + " B, bound " + bound + " B");
    }
}
