package dev.log4jpool.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.apache.logging.log4j.core.impl.MutableLogEvent;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.ReusableMessageFactory;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.util.Unbox;
import org.junit.jupiter.api.Test;

/**
 * The {@code pattern} resolver against JsonTemplateLayout 2.26.1 (GcpLayout's patterns, the manual's
 * example, converters of every kind, {@code stackTraceEnabled} from the layout and the option), its
 * configuration errors, and what its converters allocate.
 */
class PatternResolverTest {
    /** GcpLayout.json's three patterns, as it writes them. */
    static final String GCP = "{\"severity\":{\"$resolver\":\"pattern\",\"pattern\":\"%level{WARN=WARNING, TRACE=DEBUG,"
            + " FATAL=EMERGENCY}\",\"stackTraceEnabled\":false},"
            + "\"message\":{\"$resolver\":\"pattern\",\"pattern\":\"%m\",\"stackTraceEnabled\":true},"
            + "\"function\":{\"$resolver\":\"pattern\",\"pattern\":\"%replace{%C.%M}{^\\\\?\\\\.$}{}\",\"stackTraceEnabled\":false}}";

    private static org.apache.logging.log4j.core.layout.PatternLayout patternLayout(String pattern) {
        return org.apache.logging.log4j.core.layout.PatternLayout.newBuilder().withPattern(pattern)
                .withConfiguration(TemplateParity.CONFIGURATION).withAlwaysWriteExceptions(false).build();
    }

    private static String pattern(String pattern) {
        return "{\"p\":{\"$resolver\":\"pattern\",\"pattern\":\"" + pattern + "\"}}";
    }

    private static String pattern(String pattern, boolean stackTraceEnabled) {
        return "{\"p\":{\"$resolver\":\"pattern\",\"pattern\":\"" + pattern + "\",\"stackTraceEnabled\":" + stackTraceEnabled + "}}";
    }

    // ---- parity ----

    @Test
    void gcpLayoutPatterns() {
        TemplateParity.of(GCP).assertSameOn(ExceptionResolverTest.corpus());
        TemplateParity.of(GCP).locationInfo(true).assertSameOn(ExceptionResolverTest.corpus());
        TemplateParity.of(GCP).stackTraceEnabled(false).assertSameOn(ExceptionResolverTest.corpus());
    }

    @Test
    void theManualsExampleWithStackTracesOnAndOff() {
        String template = pattern("%p %c{1.} [%t] %X{requestId} %X %m%ex");
        TemplateParity.of(template).assertSameOn(ExceptionResolverTest.corpus());
        TemplateParity.of(template).stackTraceEnabled(false).assertSameOn(ExceptionResolverTest.corpus());
    }

    @Test
    void stackTraceEnabledOptionOverridesTheLayout() {
        // Without a throwable converter, stackTraceEnabled appends PatternLayout's alwaysWriteExceptions one.
        TemplateParity.of(pattern("%m", false)).assertSameOn(ExceptionResolverTest.corpus());
        TemplateParity.of(pattern("%m", true)).stackTraceEnabled(false).assertSameOn(ExceptionResolverTest.corpus());
        TemplateParity.of(pattern("%m%n", true)).assertSameOn(ExceptionResolverTest.corpus());
    }

    @Test
    void convertersOfEveryKind() {
        for (String pattern : new String[] {
            "%-10level|%5.3logger|%logger{1}|%d{yyyy-MM-dd HH:mm:ss.SSS}{UTC}|%d{UNIX_MILLIS}|%n",
            "%marker %markerSimpleName %NDC %X{user} %equals{%X{user}}{}{-} %maxLen{%m}{5}",
            "%highlight{%level} %style{%m}{bold,red}", // ANSI escapes: control chars to escape
            "%enc{%m}{JSON} %enc{%m}{HTML} %replace{%m}{[aeiou]}{_}",
            "%-30replace{%m %C}{[aeiou]+}{<$0>}|%replace{%m}{x}{y}|%.5replace{%replace{%m}{o}{0}}{([0-9])}{[$1]}",
            "%replace{%m}{(?<v>[aeiou])([a-z])?}{${v}$2$12.}|%replace{%m}{[ ]+}{_}",
            "%C.%M:%L %F %l", // location: present on one event only
            "%m %ex{short} | %rEx{2} | %xEx{1}",
            "%throwable{none}%m",
            "literal \\\"quoted\\\" ${sys:user.name:-nobody} %%",
            "%t %T %tp %pid %level{length=1} %map{orderId} %K",
        }) {
            TemplateParity.of(pattern(pattern)).assertSameOn(ExceptionResolverTest.corpus());
            TemplateParity.of(pattern(pattern)).locationInfo(true).assertSameOn(ExceptionResolverTest.corpus());
        }
    }

    @Test
    void aRepeatedReplacementInputCopiesTheLastOutputAndANewOneRunsTheRegex() {
        // One layout, one thread: the scratch remembers the last %replace input and output.
        PooledJsonLayout layout = LayoutTesting.builder().setEventTemplate(pattern("%replace{%m}{o+}{0}|%replace{%m}{a}{A}"))
                .build();
        PooledJsonLayout single = LayoutTesting.builder().setEventTemplate(pattern("[%replace{%m}{o+}{0}]")).build();
        String[] messages = {"foo", "foo", "bar", "foo", "boo", "boo", "", "foo"};
        for (String message : messages) {
            String expected = message.replaceAll("o+", "0") + "|" + message.replaceAll("a", "A");
            assertEquals(expected, LayoutTesting.encode(layout, Events.event(message)).get("p").asText(), message);
            assertEquals("[" + message.replaceAll("o+", "0") + "]",
                    LayoutTesting.encode(single, Events.event(message)).get("p").asText(), message);
        }
    }

    @Test
    void aPlainMessagePatternWritesWhatLog4jFormats() {
        // %m alone is written without Log4j's converter where the message allows (simple and map messages).
        java.util.List<EventCorpus.Named> events = new java.util.ArrayList<>(EventCorpus.all());
        events.add(new EventCorpus.Named("string map with escapes", EventCorpus.base()
                .setMessage(new org.apache.logging.log4j.message.StringMapMessage().with("a", "").with("b", "q\"x\\\n😀")).build()));
        events.add(new EventCorpus.Named("empty string map", EventCorpus.base()
                .setMessage(new org.apache.logging.log4j.message.StringMapMessage()).build()));
        for (boolean stackTraces : new boolean[] {true, false}) {
            TemplateParity.of(pattern("%m", stackTraces)).assertSameOn(events);
            TemplateParity.of(pattern("%m", stackTraces)).maxStringLength(7, "...").assertSameOn(events);
        }
        TemplateParity.of(pattern("%-30m|")).assertSameOn(events);
        TemplateParity.of(pattern("%.5m")).assertSameOn(events);
    }

    @Test
    void levelOnlyPatternsAreWrittenForEveryLevelAsLog4jFormatsThem() {
        // Made at configuration per level; a level made after the layout is formatted as usual.
        org.apache.logging.log4j.Level.forName("PG_BEFORE", 350);
        String template = "{\"a\":{\"$resolver\":\"pattern\",\"pattern\":\"%level{WARN=WARNING, TRACE=DEBUG, FATAL=EMERGENCY}\"},"
                + "\"b\":{\"$resolver\":\"pattern\",\"pattern\":\"[%-7level|%level{length=2}|%level{lowerCase=true}] \\\\ \\\"q\\\"\"},"
                + "\"c\":{\"$resolver\":\"pattern\",\"pattern\":\"%level\",\"stackTraceEnabled\":true}}";
        TemplateParity parity = TemplateParity.of(template);
        PooledJsonLayout layout = parity.ours(); // compiled before PG_AFTER exists
        org.apache.logging.log4j.core.layout.PatternLayout peerA = patternLayout("%level{WARN=WARNING, TRACE=DEBUG, FATAL=EMERGENCY}");
        org.apache.logging.log4j.core.layout.PatternLayout peerB = patternLayout("[%-7level|%level{length=2}|%level{lowerCase=true}] \\ \"q\"");
        org.apache.logging.log4j.Level after = org.apache.logging.log4j.Level.forName("PG_AFTER", 450);
        java.util.List<EventCorpus.Named> events = new java.util.ArrayList<>();
        for (org.apache.logging.log4j.Level level : org.apache.logging.log4j.Level.values()) {
            events.add(new EventCorpus.Named(level.name(), EventCorpus.base().setLevel(level).build()));
            events.add(new EventCorpus.Named(level.name() + " with a throwable",
                    EventCorpus.base().setLevel(level).setThrown(EventCorpus.exception()).build()));
        }
        parity.assertSameOn(events);
        org.apache.logging.log4j.core.LogEvent late = EventCorpus.base().setLevel(after).build();
        com.fasterxml.jackson.databind.JsonNode line = LayoutTesting.encode(layout, late);
        // Log4j's level map is made with the levels of its time (a PatternLayout made then writes "null").
        assertEquals(peerA.toSerializable(late), line.get("a").asText());
        assertEquals(peerB.toSerializable(late), line.get("b").asText());
        assertTrue(LayoutTesting.encode(layout, EventCorpus.base().setLevel(after).setThrown(EventCorpus.exception()).build())
                .get("c").asText().startsWith("PG_AFTER" + System.lineSeparator()));
    }

    @Test
    void theTextIsCutAtMaxStringLength() {
        TemplateParity.of(pattern("%m")).maxStringLength(20, "...").assertSameOn(ExceptionResolverTest.corpus());
    }

    @Test
    void patternsInArraysAndNextToOtherMembers() {
        TemplateParity.of("{\"a\":[{\"$resolver\":\"pattern\",\"pattern\":\"%level\"},{\"$resolver\":\"pattern\",\"pattern\":\"%m\"}],"
                + "\"k\":\"v\",\"e\":{\"$resolver\":\"exception\",\"field\":\"className\"}}")
                .assertSameOn(ExceptionResolverTest.corpus());
    }

    // ---- configuration errors ----

    private static void assertConfigurationError(String options, String option, String problem) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> TemplateParity.of("{\"x\":[1,{\"$resolver\":\"pattern\"" + options + "}]}").ours());
        String expected = "PooledJsonLayout: template eventTemplate, at $.x[1]: resolver \"pattern\", option \"" + option + "\" "
                + problem;
        assertTrue(error.getMessage().startsWith(expected), error.getMessage() + "\n expected: " + expected);
    }

    @Test
    void configurationErrorsNameThePathTheResolverAndTheOption() {
        assertConfigurationError("", "pattern", "is required");
        assertConfigurationError(",\"pattern\":null", "pattern", "is required");
        assertConfigurationError(",\"pattern\":\" \"", "pattern", "must not be blank");
        assertConfigurationError(",\"pattern\":1", "pattern", "must be a string, not the number 1");
        assertConfigurationError(",\"pattern\":\"%m\",\"stackTraceEnabled\":\"yes\"", "stackTraceEnabled",
                "must be true or false, not the string \"yes\"");
    }

    // ---- allocation ----

    private static long bytesPerEvent(String template, MutableLogEvent event, java.util.function.LongConsumer step) {
        PooledJsonLayout layout = PooledJsonLayout.newBuilder().setEventTemplate(template).build();
        long perEvent = AllocationMeter.bytesPerEvent(layout, event, step);
        System.out.println("PatternResolverTest allocation: " + perEvent + " B/event for " + template);
        return perEvent;
    }

    private static MutableLogEvent located(Message message) {
        MutableLogEvent event = AllocationMeter.event();
        event.setMessage(message);
        event.setSource(new StackTraceElement("dev.log4jpool.shop.OrderService", "place", "OrderService.java", 42));
        return event;
    }

    @Test
    void levelMessageClassAndMethodAllocateNothing() {
        ReusableMessageFactory factory = new ReusableMessageFactory();
        MutableLogEvent event = located(new SimpleMessage("order placed"));
        String template = "{\"severity\":{\"$resolver\":\"pattern\",\"pattern\":\"%level{WARN=WARNING, TRACE=DEBUG, FATAL=EMERGENCY}\","
                + "\"stackTraceEnabled\":false},\"message\":{\"$resolver\":\"pattern\",\"pattern\":\"%m\",\"stackTraceEnabled\":true},"
                + "\"function\":{\"$resolver\":\"pattern\",\"pattern\":\"%C.%M\"}}";
        assertEquals(0, bytesPerEvent(template, event, i -> {
            // As Log4j's garbage-free logger does it: a reusable message, taken over by the event.
            Message message = factory.newMessage("order {} costs {}", Unbox.box(i), Unbox.box(i * 0.25));
            event.setMessage(message);
            ReusableMessageFactory.release(message);
        }));
    }

    /**
     * Log4j's {@code %replace} makes a builder, a String, a Matcher and the replaced String per event
     * (GcpLayout's function): run by {@link PatternText.Replacement} instead, it allocates nothing.
     */
    @Test
    void replaceIsGarbageFree() {
        MutableLogEvent event = located(new SimpleMessage("order placed"));
        assertEquals(0, bytesPerEvent(GCP, event, i -> { }), "GcpLayout's patterns, B/event");
        String replaced = "{\"r\":{\"$resolver\":\"pattern\",\"pattern\":\"%-30replace{%m %C}{[aeiou]+}{<$0>}|%replace{%m}{x}{y}\"}}";
        assertEquals(0, bytesPerEvent(replaced, event, i -> { }), "widths, groups, no match: B/event");
    }

    /** Our reading of a substitution gives what {@code Matcher.replaceAll} gives, and refuses what it refuses. */
    @Test
    void substitutionsAreReadAsTheJdkReadsThem() {
        String[][] cases = {
            {"([aeiou])([a-z])?", "$1$2$12.", "order placed"},
            {"o", "\\$\\\\x", "foo"},
            {"([a-z]+)", "[$1]", "ab cd ef"},
            {"x", "", "xaxx"},
            {"", "-", "ab"},
            {"(a)(b)(c)(d)(e)(f)(g)(h)(i)(j)(k)", "$11|$10|$1", "abcdefghijk"},
            {"z", "never", "no match"},
        };
        for (String[] c : cases) {
            Pattern regex = Pattern.compile(c[0]);
            StringBuilder ours = new StringBuilder();
            PatternText.Replacement.replaceAll(regex.matcher(c[2]), c[2], PatternText.Replacement.parse(c[1], regex), ours);
            assertEquals(regex.matcher(c[2]).replaceAll(c[1]), ours.toString(), String.join(" / ", c));
        }
        // A named group: read here from Java 20 (Pattern.namedGroups()); before, left to Log4j's converter.
        Pattern named = Pattern.compile("(?<v>[aeiou])([a-z])?");
        if (Runtime.version().feature() >= 20) {
            StringBuilder ours = new StringBuilder();
            PatternText.Replacement.replaceAll(named.matcher("order placed"), "order placed",
                    PatternText.Replacement.parse("${v}$2$12.", named), ours);
            assertEquals(named.matcher("order placed").replaceAll("${v}$2$12."), ours.toString());
        } else {
            assertThrows(IllegalArgumentException.class, () -> PatternText.Replacement.parse("${v}", named));
        }
        for (String refused : new String[] {"$", "\\", "$x", "${v", "${w}", "$3"}) {
            Pattern regex = Pattern.compile("(?<v>a)(b)");
            assertThrows(RuntimeException.class, () -> regex.matcher("ab").replaceAll(refused), refused);
            assertThrows(RuntimeException.class, () -> PatternText.Replacement.parse(refused, regex), refused);
        }
    }
}
