package dev.log4jpool.layout;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.logging.log4j.Marker;
import org.apache.logging.log4j.MarkerManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.impl.MutableLogEvent;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.ObjectMessage;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.apache.logging.log4j.message.ReusableMessageFactory;
import org.apache.logging.log4j.message.ReusableObjectMessage;
import org.apache.logging.log4j.message.ReusableSimpleMessage;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.util.SortedArrayStringMap;
import org.apache.logging.log4j.util.Unbox;

/**
 * Events for the logger, thread, source, marker, ndc, messageParameter, main and caseConverter
 * resolvers beyond {@link EventCorpus}: markers with no or several parents, stacks to filter,
 * missing names, and message parameters of every type JsonTemplateLayout tells apart, through
 * both ways of reading them (visited by reusable messages, copied by others).
 */
final class NameResolversCorpus {
    private NameResolversCorpus() {}

    /** {@link EventCorpus#all()} and the events below. */
    static List<EventCorpus.Named> all() {
        List<EventCorpus.Named> events = new ArrayList<>(EventCorpus.all());
        events.addAll(extra());
        return events;
    }

    static List<EventCorpus.Named> extra() {
        List<EventCorpus.Named> events = new ArrayList<>();
        events.add(named("marker without parents", EventCorpus.base().setMessage(new SimpleMessage("m"))
                .setMarker(MarkerManager.getMarker("NAMES_LONE"))));
        events.add(named("marker with two parents", EventCorpus.base().setMessage(new SimpleMessage("m"))
                .setMarker(twoParents())));
        events.add(named("ndc to filter", EventCorpus.base().setMessage(new SimpleMessage("s"))
                .setContextStack(EventCorpus.stack("user:alice", "userRole:admin", "req-1", "userRank:7", "x\"q"))));
        events.add(named("ndc nothing matches", EventCorpus.base().setMessage(new SimpleMessage("s"))
                .setContextStack(EventCorpus.stack("req-1", "req-2"))));
        events.add(named("no names", EventCorpus.base().setMessage(new SimpleMessage("s")).setLoggerName(null)
                .setLoggerFqcn(null).setThreadName(null).setThreadId(0).setThreadPriority(10)));
        events.add(named("odd names", EventCorpus.base().setMessage(new SimpleMessage("s")).setLoggerName("Straße.İstanbul.ΣΟΦΙΑΣ \"q\"")
                .setThreadName("worker \u00e9 😀 \t").setThreadId(Long.MAX_VALUE).setThreadPriority(1)));
        events.add(named("native location", EventCorpus.base().setMessage(new SimpleMessage("s"))
                .setSource(new StackTraceElement("shop.Native", "call", null, -2))));
        events.add(named("typed parameters", EventCorpus.base().setMessage(new ParameterizedMessage(
                "{} {} {} {} {} {} {} {} {} {} {} {} {} {} {} {}", typedParameters()))));
        events.add(named("collections as parameters", EventCorpus.base().setMessage(new ParameterizedMessage(
                "{} {} {} {} {} {} {} {} {} {} {} {}", collectionParameters()))));
        events.add(named("throwable as last parameter", EventCorpus.base().setMessage(new ParameterizedMessage(
                "failed {}", "order-1", new IllegalStateException("boom")))));
        events.add(named("long parameter", EventCorpus.base().setMessage(new ParameterizedMessage(
                "{} {}", "z".repeat(300), new StringBuilder("w".repeat(300))))));
        events.add(named("object message of a map", EventCorpus.base().setMessage(new ObjectMessage(nestedMap()))));
        events.add(mutable("reusable parameterized, unboxed", reusable("order {} costs {} paid {}",
                Unbox.box(42L), Unbox.box(9.5), Unbox.box(true))));
        events.add(mutable("reusable parameterized, boxed", reusable("{} {} {} {} {}",
                42, 0.1f, null, List.of(1, "two"), Map.of("k", 1))));
        events.add(mutable("reusable parameterized, none", reusable("no parameters")));
        ReusableObjectMessage object = new ReusableObjectMessage();
        object.set(List.of(3, 4));
        events.add(mutable("reusable object", object));
        ReusableSimpleMessage simple = new ReusableSimpleMessage();
        simple.set("simple text");
        events.add(mutable("reusable simple", simple));
        return events;
    }

    static Object[] typedParameters() {
        return new Object[] {42L, 7, (short) 3, (byte) -1, 9.99, 0.1f, new BigDecimal("1E+3"), new BigDecimal("12.50"),
            new BigInteger("123456789012345678901234567890"), new AtomicLong(5), Double.NaN, Float.NEGATIVE_INFINITY,
            Boolean.FALSE, null, "quote \" \u00e9", new StringBuilder("built")};
    }

    static Object[] collectionParameters() {
        SortedArrayStringMap stringMap = new SortedArrayStringMap();
        stringMap.putValue("b", 2);
        stringMap.putValue("a", "one");
        return new Object[] {new char[] {'a', '"', '\u00e9'}, new int[] {1, -2}, new long[] {Long.MIN_VALUE},
            new double[] {0.5, Double.POSITIVE_INFINITY}, new float[] {0.1f, 2.5f}, new boolean[] {true, false},
            new byte[] {1, 2}, new short[] {-3}, new Object[] {1, "x", new int[] {2}, null},
            new LinkedHashSet<>(Arrays.asList("s1", 2)), nestedMap(), stringMap};
    }

    static Map<String, Object> nestedMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("id", 42);
        map.put("tags", List.of("a", "b"));
        map.put("inner", Map.of("ratio", 0.25));
        map.put("message", new SimpleMessage("formattable \"text\""));
        map.put("none", null);
        return map;
    }

    static Marker twoParents() {
        Marker child = MarkerManager.getMarker("NAMES_CHILD");
        child.setParents(MarkerManager.getMarker("NAMES_P1"), MarkerManager.getMarker("NAMES_P2"));
        return child;
    }

    static Message reusable(String format, Object... parameters) {
        return new ReusableMessageFactory().newMessage(format, parameters);
    }

    private static EventCorpus.Named named(String name, org.apache.logging.log4j.core.impl.Log4jLogEvent.Builder builder) {
        return new EventCorpus.Named(name, builder.build());
    }

    /** A mutable event as Log4j's garbage-free loggers fill it: it takes the reusable message's parameters over. */
    private static EventCorpus.Named mutable(String name, Message message) {
        LogEvent template = EventCorpus.base().setMessage(message).build();
        MutableLogEvent event = new MutableLogEvent();
        event.initFrom(template);
        return new EventCorpus.Named(name, event);
    }
}
