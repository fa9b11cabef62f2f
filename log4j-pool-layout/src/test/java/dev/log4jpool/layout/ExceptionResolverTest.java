package dev.log4jpool.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.impl.MutableLogEvent;
import org.apache.logging.log4j.layout.template.json.JsonTemplateLayout;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.Test;

/**
 * The {@code exception} and {@code exceptionRootCause} resolvers against JsonTemplateLayout 2.26.1:
 * every field and option over {@link EventCorpus#all()} and throwables of every shape (nested and
 * anonymous classes, an own {@code toString()}, message lines that look like labels, a cycle, no
 * frames, a deep chain with suppressed throwables); the documented differences; configuration
 * errors; allocation.
 */
class ExceptionResolverTest {
    private static final String NL = System.lineSeparator();

    static final class NestedFailure extends RuntimeException {
        NestedFailure(String message) {
            super(message);
        }
    }

    static final class OwnToString extends IllegalStateException {
        OwnToString(String message, Throwable cause) {
            super(message, cause);
        }

        @Override
        public String toString() {
            return "OwnToString says: " + getMessage();
        }
    }

    /** No frames recorded (as a preallocated or a fast control-flow exception has none). */
    static final class Frameless extends RuntimeException {
        Frameless(String message, Throwable cause) {
            super(message, cause, true, false);
        }
    }

    /** getMessage() and getStackTrace() throw: JsonTemplateLayout throws, we write markers. */
    static final class Hostile extends RuntimeException {
        @Override
        public String getMessage() {
            throw new IllegalStateException("no message for you");
        }

        @Override
        public StackTraceElement[] getStackTrace() {
            throw new UnsupportedOperationException("no frames either");
        }
    }

    private static final Throwable NESTED = nestedClass();
    private static final Throwable ANONYMOUS = anonymous();
    private static final Throwable OWN_TO_STRING = new OwnToString("hidden", new IOException("io"));
    private static final Throwable LABEL_LINES = labelLines();
    private static final Throwable CYCLE = cycle();
    private static final Throwable FRAMELESS = new Frameless("no frames", new IOException("with frames"));
    private static final Throwable DEEP = deep(6);
    private static final Throwable ESCAPES = new RuntimeException("na\u00efve \"q\" \\ tab\t \uD83D\uDE00 \u0001 end",
            new Error());
    private static final Throwable LONG_MESSAGE = new RuntimeException("m".repeat(60), new IllegalStateException("inner"));

    private static Throwable nestedClass() {
        return new NestedFailure("nested \"quoted\" message");
    }

    private static Throwable anonymous() {
        return new RuntimeException("anonymous") {
            private static final long serialVersionUID = 1L;
        };
    }

    private static Throwable labelLines() {
        return new IllegalStateException("first line\nCaused by: not a cause\n\tSuppressed: not suppressed\nlast line",
                new RuntimeException("real cause"));
    }

    private static Throwable cycle() {
        RuntimeException a = new RuntimeException("a");
        IllegalStateException b = new IllegalStateException("b", a);
        a.initCause(b);
        return a;
    }

    /** A chain {@code depth} long, thrown from ever deeper frames, with suppressed throwables (one with its own cause). */
    private static Throwable deep(int depth) {
        if (depth == 0) {
            return new IllegalArgumentException("bottom");
        }
        Throwable cause = deep(depth - 1);
        RuntimeException level = new RuntimeException("level " + depth, cause);
        if (depth % 2 == 0) {
            IOException suppressed = new IOException("suppressed at " + depth, new IllegalStateException("its cause"));
            suppressed.addSuppressed(new UnsupportedOperationException("suppressed in suppressed"));
            level.addSuppressed(suppressed);
        }
        return level;
    }

    private static EventCorpus.Named thrown(String name, Throwable throwable) {
        return new EventCorpus.Named(name, EventCorpus.base().setLevel(Level.ERROR)
                .setMessage(new SimpleMessage("failed")).setThrown(throwable).build());
    }

    /** {@link EventCorpus#all()} and the throwables above. */
    static List<EventCorpus.Named> corpus() {
        List<EventCorpus.Named> events = new ArrayList<>(EventCorpus.all());
        events.add(thrown("nested class", NESTED));
        events.add(thrown("anonymous class", ANONYMOUS));
        events.add(thrown("own toString()", OWN_TO_STRING));
        events.add(thrown("message lines like labels", LABEL_LINES));
        events.add(thrown("cause cycle", CYCLE));
        events.add(thrown("no frames", FRAMELESS));
        events.add(thrown("deep chain with suppressed", DEEP));
        events.add(thrown("escapes in the message", ESCAPES));
        events.add(thrown("long message", LONG_MESSAGE));
        return events;
    }

    /** Whether the event's throwable has causes or suppressed throwables (more than one block of text). */
    private static boolean hasEnclosed(EventCorpus.Named named) {
        Throwable thrown = named.event.getThrown();
        return thrown != null && (thrown.getCause() != null || thrown.getSuppressed().length > 0);
    }

    private static String both(String options) {
        return "{\"e\":{\"$resolver\":\"exception\"," + options + "},\"r\":{\"$resolver\":\"exceptionRootCause\"," + options + "}}";
    }

    private static String stringified(String stringified) {
        return both("\"field\":\"stackTrace\",\"stackTrace\":{\"stringified\":" + stringified + "}");
    }

    // ---- parity ----

    @Test
    void classNameMessageAndFrames() {
        TemplateParity.of("{\"c\":{\"$resolver\":\"exception\",\"field\":\"className\"},"
                + "\"m\":{\"$resolver\":\"exception\",\"field\":\"message\"},"
                + "\"st\":{\"$resolver\":\"exception\",\"field\":\"stackTrace\"},"
                + "\"rc\":{\"$resolver\":\"exceptionRootCause\",\"field\":\"className\"},"
                + "\"rm\":{\"$resolver\":\"exceptionRootCause\",\"field\":\"message\"},"
                + "\"rst\":{\"$resolver\":\"exceptionRootCause\",\"field\":\"stackTrace\"},\"k\":1}")
                .assertSameOn(corpus());
    }

    @Test
    void stringifiedIsTheJdkText() {
        TemplateParity.of(stringified("true")).assertSameOn(corpus());
        TemplateParity.of(stringified("{}")).assertSameOn(corpus());
        TemplateParity.of(stringified("{\"truncation\":{\"suffix\":\"unused without a point\"}}")).assertSameOn(corpus());
    }

    @Test
    void stringifiedTextIsPrintStackTraceExactly() {
        PooledJsonLayout ours = TemplateParity.of(stringified("true")).ours();
        for (EventCorpus.Named named : corpus()) {
            Throwable thrown = named.event.getThrown();
            if (thrown != null) {
                JsonNode line = LayoutTesting.encode(ours, named.event);
                assertEquals(printed(thrown), line.get("e").asText(), named.name);
            }
        }
    }

    @Test
    void deprecatedTopLevelStringifiedCountsUnlessStackTraceSaysOtherwise() {
        TemplateParity.of(both("\"field\":\"stackTrace\",\"stringified\":true")).assertSameOn(corpus());
        TemplateParity.of(both("\"field\":\"stackTrace\",\"stringified\":true,\"stackTrace\":{\"stringified\":false}"))
                .assertSameOn(corpus());
        TemplateParity.of(both("\"field\":\"stackTrace\",\"stringified\":false,\"stackTrace\":{\"stringified\":true}"))
                .assertSameOn(corpus());
    }

    @Test
    void elementTemplates() {
        String elementTemplate = "{\"at\":{\"$resolver\":\"stackTraceElement\",\"field\":\"className\"},"
                + "\"where\":[{\"$resolver\":\"stackTraceElement\",\"field\":\"fileName\"},"
                + "{\"$resolver\":\"stackTraceElement\",\"field\":\"lineNumber\"}],\"k\":\"literal\"}";
        TemplateParity.of(both("\"field\":\"stackTrace\",\"stackTrace\":{\"elementTemplate\":" + elementTemplate + "}"))
                .assertSameOn(corpus());
        // The layout's element template, and the resolver's own winning over it.
        TemplateParity.of(both("\"field\":\"stackTrace\"")).stackTraceElementTemplate(elementTemplate).assertSameOn(corpus());
        TemplateParity.of(both("\"field\":\"stackTrace\",\"stackTrace\":{\"elementTemplate\":"
                + "{\"m\":{\"$resolver\":\"stackTraceElement\",\"field\":\"methodName\"}}}"))
                .stackTraceElementTemplate(elementTemplate).assertSameOn(corpus());
        // A stringified trace ignores the element template.
        TemplateParity.of(both("\"field\":\"stackTrace\",\"stackTrace\":{\"stringified\":true,\"elementTemplate\":"
                + elementTemplate + "}")).assertSameOn(corpus());
    }

    @Test
    void inArraysAnEventWithoutThrowableWritesNull() {
        TemplateParity.of("{\"a\":[{\"$resolver\":\"exception\",\"field\":\"className\"},"
                + "{\"$resolver\":\"exceptionRootCause\",\"field\":\"message\"},"
                + "{\"$resolver\":\"exception\",\"field\":\"stackTrace\",\"stackTrace\":{\"stringified\":true}},"
                + "{\"$resolver\":\"exceptionRootCause\",\"field\":\"stackTrace\"}]}")
                .assertSameOn(corpus());
    }

    @Test
    void stackTraceEnabledFalseLeavesEveryFieldOut() {
        String template = "{\"c\":{\"$resolver\":\"exception\",\"field\":\"className\"},"
                + "\"m\":{\"$resolver\":\"exceptionRootCause\",\"field\":\"message\"},"
                + "\"st\":{\"$resolver\":\"exception\",\"field\":\"stackTrace\",\"stackTrace\":{\"stringified\":true}},"
                + "\"a\":[{\"$resolver\":\"exception\",\"field\":\"className\"}],\"k\":1}";
        TemplateParity.of(template).stackTraceEnabled(false).assertSameOn(corpus());
        // Nothing left: an empty object.
        TemplateParity.of("{\"c\":{\"$resolver\":\"exception\",\"field\":\"className\"}}").stackTraceEnabled(false)
                .assertSameOn(corpus());
    }

    @Test
    void longTracesAreCutAtMaxStringLength() {
        TemplateParity.of(stringified("true")).maxStringLength(100, "<cut>").assertSameOn(corpus());
        TemplateParity.of(both("\"field\":\"message\"")).maxStringLength(10, "…").assertSameOn(corpus());
    }

    // ---- truncation at point matchers ----

    private static String truncation(String truncation) {
        return stringified("{\"truncation\":" + truncation + "}");
    }

    @Test
    void pointMatcherStrings() {
        for (String points : new String[] {
            "[\"at dev.log4jpool.layout.\"]", // the first frame of every block
            "[\"\\tat java.base/\"]", // only in the first block: later ones are copied whole
            "[\"more\"]", // the "... n more" lines of enclosed blocks
            "[\"\"]", // an empty point: at each later block's start
            "[\"java.lang.RuntimeException\"]", // at the text's first char: does not count
            "[\"no such text\", \"more\", \"at \"]", // the first string that matches wins
            "[\"not a cause\"]", // inside a message line that looks like a label
            "[\"Suppressed\"]",
        }) {
            TemplateParity.of(truncation("{\"suffix\":\"[T]\",\"pointMatcherStrings\":" + points + "}"))
                    .assertSameOn(corpus());
        }
    }

    @Test
    void theSuffixDefaultsToTheLayoutsAndIsEscaped() {
        TemplateParity.of(truncation("{\"pointMatcherStrings\":[\"more\"]}")).maxStringLength(16384, "<\"cut\">")
                .assertSameOn(corpus());
        TemplateParity.of(truncation("{\"suffix\":\"\\n\\t<\\\"cut\\\" \u00e9>\",\"pointMatcherStrings\":[\"more\"]}"))
                .assertSameOn(corpus());
    }

    @Test
    void pointMatcherRegexesWhereJsonTemplateLayoutWritesText() {
        // A regex that can only match in the first block, or none: JsonTemplateLayout's index is right there.
        for (String regexes : new String[] {
            "[\"^java\\\\.lang\"]",
            "[\"xyz|order\"]", // the alternation splits the whole expression, as JsonTemplateLayout builds it
            "[\"no such text\"]",
            "[\"(unused)?no such\", \"^java\"]",
        }) {
            TemplateParity.of(truncation("{\"suffix\":\"[T]\",\"pointMatcherRegexes\":" + regexes + "}"))
                    .assertSameOn(corpus());
        }
        // Any regex on a single-block trace.
        TemplateParity.of(truncation("{\"suffix\":\"[T]\",\"pointMatcherRegexes\":[\"Test\\\\.\\\\w+\"]}"))
                .assertSameOn(corpus(), ExceptionResolverTest::hasEnclosed);
        // Strings are tried first.
        TemplateParity.of(truncation("{\"pointMatcherStrings\":[\"more\"],\"pointMatcherRegexes\":[\"^java\"]}"))
                .assertSameOn(corpus());
    }

    @Test
    void pointMatchersOnlySeeTheFirstCharsJsonTemplateLayoutKeeps() {
        // maxStringLength 150 in UTF-8: 450 chars of the text are read; LONG_MESSAGE's "Caused by:" lies beyond.
        TemplateParity.of(truncation("{\"suffix\":\"[T]\",\"pointMatcherStrings\":[\"\\tat \"]}")).maxStringLength(150, "…")
                .assertSameOn(corpus());
    }

    /**
     * Documented difference: past the first block JsonTemplateLayout takes a regex's point (found in
     * the rest of the text) as an index into the whole text, and throws or copies the wrong text. We
     * cut where the match is: the same text as the equivalent point string.
     */
    @Test
    void aRegexCutsEveryBlockWhereJsonTemplateLayoutThrows() {
        LogEvent event = thrown("exception", EventCorpus.exception()).event;
        String regex = truncation("{\"suffix\":\"[T]\",\"pointMatcherRegexes\":[\"EventCorpus\\\\.exception\"]}");
        String string = truncation("{\"suffix\":\"[T]\",\"pointMatcherStrings\":[\"EventCorpus.exception\"]}");
        JsonTemplateLayout theirs = TemplateParity.of(regex).theirs();
        assertThrows(IndexOutOfBoundsException.class, () -> theirs.toSerializable(event));

        String expected = "java.lang.RuntimeException: order not saved" + NL
                + "\tat dev.log4jpool.layout.EventCorpus.exception" + NL + "[T]" + NL
                + "\tSuppressed: java.lang.IllegalArgumentException: cleanup failed" + NL
                + "\t\tat dev.log4jpool.layout.EventCorpus.exception" + NL + "[T]" + NL
                + "Caused by: java.io.IOException: write failed" + NL
                + "\tat dev.log4jpool.layout.EventCorpus.exception" + NL + "[T]" + NL
                + "Caused by: java.lang.IllegalStateException: disk full" + NL
                + "\tat dev.log4jpool.layout.EventCorpus.exception" + NL + "[T]";
        JsonNode theirsWithString = Json.parse(TemplateParity.of(string).theirs().toSerializable(event).strip());
        assertEquals(expected, theirsWithString.get("e").asText());
        assertEquals(expected, LayoutTesting.encode(TemplateParity.of(regex).ours(), event).get("e").asText());
    }

    // ---- hostile throwables: markers where JsonTemplateLayout throws ----

    @Test
    void aThrowableWhoseMethodsThrowGetsMarkers() {
        LogEvent event = thrown("hostile", new Hostile()).event;
        String fields = "{\"c\":{\"$resolver\":\"exception\",\"field\":\"className\"},"
                + "\"m\":{\"$resolver\":\"exception\",\"field\":\"message\"},"
                + "\"st\":{\"$resolver\":\"exception\",\"field\":\"stackTrace\"},"
                + "\"s\":{\"$resolver\":\"exception\",\"field\":\"stackTrace\",\"stackTrace\":{\"stringified\":true}}}";
        for (String one : new String[] {"message", "stackTrace"}) {
            JsonTemplateLayout theirs = TemplateParity.of(
                    "{\"x\":{\"$resolver\":\"exception\",\"field\":\"" + one + "\"}}").theirs();
            assertThrows(RuntimeException.class, () -> theirs.toSerializable(event), one);
        }
        JsonNode line = LayoutTesting.encode(TemplateParity.of(fields).ours(), event);
        assertEquals(Hostile.class.getCanonicalName(), line.get("c").asText());
        assertEquals("[" + Hostile.class.getName() + ".getMessage() threw java.lang.IllegalStateException]",
                line.get("m").asText());
        assertEquals("[getStackTrace() threw java.lang.UnsupportedOperationException]", line.get("st").asText());
        assertEquals(Hostile.class.getName() + ": [" + Hostile.class.getName()
                + ".getLocalizedMessage() threw java.lang.IllegalStateException]" + NL
                + "\t[getStackTrace() threw java.lang.UnsupportedOperationException]" + NL, line.get("s").asText());
    }

    @Test
    void anOwnToStringThatThrowsCostsOnlyTheHeader() {
        Throwable thrown = new IllegalStateException("x") {
            private static final long serialVersionUID = 1L;

            @Override
            public String toString() {
                throw new UnsupportedOperationException();
            }
        };
        LogEvent event = thrown("toString() throws", thrown).event;
        String text = LayoutTesting.encode(TemplateParity.of(stringified("true")).ours(), event).get("e").asText();
        String header = "[" + thrown.getClass().getName() + ".toString() threw java.lang.UnsupportedOperationException]";
        assertTrue(text.startsWith(header + NL + "\tat "), text);
    }

    /** Documented difference: the JDK prints the frames it recorded, we read getStackTrace() (as the frames array does). */
    @Test
    void anOverriddenGetStackTraceIsWhatTheTextShows() {
        Throwable thrown = new RuntimeException("rewritten") {
            private static final long serialVersionUID = 1L;

            @Override
            public StackTraceElement[] getStackTrace() {
                return new StackTraceElement[] {new StackTraceElement("shop.Orders", "place", "Orders.java", 42)};
            }
        };
        LogEvent event = thrown("rewritten frames", thrown).event;
        String ours = LayoutTesting.encode(TemplateParity.of(stringified("true")).ours(), event).get("e").asText();
        assertEquals(thrown.getClass().getName() + ": rewritten" + NL + "\tat shop.Orders.place(Orders.java:42)" + NL, ours);
        String theirs = Json.parse(TemplateParity.of(stringified("true")).theirs().toSerializable(event).strip()).get("e").asText();
        assertEquals(printed(thrown), theirs);
        assertTrue(theirs.contains("anOverriddenGetStackTraceIsWhatTheTextShows"), theirs);
    }

    /** Documented difference: past 64 throwables in one trace we cut it (a bound on one event's work); the JDK prints all. */
    @Test
    void aTraceOfMoreThan64ThrowablesIsCut() {
        Throwable chain = new IllegalStateException("bottom");
        for (int i = 0; i < 70; i++) {
            chain = new RuntimeException("level " + i, chain);
        }
        LogEvent event = thrown("70 causes", chain).event;
        String ours = LayoutTesting.encode(TemplateParity.of(stringified("true")).ours(), event).get("e").asText();
        assertTrue(ours.endsWith("Caused by: [TRACE CUT: 7 more throwables left out; at most 64 are written]" + NL), ours);
        assertTrue(printed(chain).contains("Caused by: java.lang.IllegalStateException: bottom" + NL));
        assertFalse(ours.contains("bottom"), ours);
    }

    // ---- configuration errors ----

    private static void assertConfigurationError(String resolverOptions, String option, String problem) {
        for (String resolver : new String[] {"exception", "exceptionRootCause"}) {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> TemplateParity.of("{\"x\":{\"y\":{\"$resolver\":\"" + resolver + "\"," + resolverOptions + "}}}")
                            .ours());
            String expected = "PooledJsonLayout: template eventTemplate, at $.x.y: resolver \"" + resolver + "\", option \""
                    + option + "\" " + problem;
            assertTrue(error.getMessage().startsWith(expected), error.getMessage() + "\n expected: " + expected);
        }
    }

    @Test
    void configurationErrorsNameThePathTheResolverAndTheOption() {
        assertConfigurationError("\"k\":1", "field", "is required; one of className, message, stackTrace");
        assertConfigurationError("\"field\":\"type\"", "field", "is \"type\"; expected one of className, message, stackTrace");
        assertConfigurationError("\"field\":1", "field", "must be a string, not the number 1");
        assertConfigurationError("\"field\":\"stackTrace\",\"stackTrace\":true", "stackTrace", "must be an object, not true");
        assertConfigurationError("\"field\":\"stackTrace\",\"stringified\":\"yes\"", "stringified",
                "must be true or false, not the string \"yes\"");
        assertConfigurationError("\"field\":\"stackTrace\",\"stackTrace\":{\"stringified\":\"false\"}", "stackTrace.stringified",
                "must be true, false or an object (with \"truncation\"), not the string \"false\"");
        assertConfigurationError("\"field\":\"stackTrace\",\"stackTrace\":{\"stringified\":{\"truncation\":[]}}",
                "stackTrace.stringified.truncation", "must be an object, not a list");
        assertConfigurationError("\"field\":\"stackTrace\",\"stackTrace\":{\"stringified\":{\"truncation\":{\"suffix\":1}}}",
                "stackTrace.stringified.truncation.suffix", "must be a string, not the number 1");
        assertConfigurationError(
                "\"field\":\"stackTrace\",\"stackTrace\":{\"stringified\":{\"truncation\":{\"pointMatcherStrings\":[1]}}}",
                "stackTrace.stringified.truncation.pointMatcherStrings", "must be a list of strings; it holds the number 1");
        assertConfigurationError(
                "\"field\":\"stackTrace\",\"stackTrace\":{\"stringified\":{\"truncation\":{\"pointMatcherRegexes\":\"x\"}}}",
                "stackTrace.stringified.truncation.pointMatcherRegexes", "must be a list of strings, not the string \"x\"");
        assertConfigurationError(
                "\"field\":\"stackTrace\",\"stackTrace\":{\"stringified\":{\"truncation\":{\"pointMatcherRegexes\":[\"ok\",\"(\"]}}}",
                "stackTrace.stringified.truncation.pointMatcherRegexes", "holds an invalid regex at index 1, \"(\"");
    }

    @Test
    void optionsAreCheckedEvenWithStackTracesOff() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> TemplateParity.of("{\"x\":{\"$resolver\":\"exception\",\"field\":\"nope\"}}").stackTraceEnabled(false).ours());
        assertTrue(error.getMessage().contains("option \"field\" is \"nope\""), error.getMessage());
    }

    @Test
    void aBadElementTemplateNamesWhereItIs() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> TemplateParity.of("{\"x\":{\"$resolver\":\"exception\",\"field\":\"stackTrace\","
                        + "\"stackTrace\":{\"elementTemplate\":{\"a\":{\"$resolver\":\"stackTraceElement\",\"field\":\"nope\"}}}}}")
                        .ours());
        assertTrue(error.getMessage().startsWith("PooledJsonLayout: template eventTemplate ($.x.stackTrace.elementTemplate), at $.a:"
                + " resolver \"stackTraceElement\", option \"field\" is \"nope\""), error.getMessage());
    }

    /** Documented difference: JsonTemplateLayout takes any non-boolean {@code stringified}, even "false", as true. */
    @Test
    void aStringifiedThatIsNeitherBooleanNorObjectIsAnError() {
        String template = stringified("\"false\"");
        assertNotNull(TemplateParity.of(template).theirs());
        assertThrows(IllegalArgumentException.class, () -> TemplateParity.of(template).ours());
    }

    // ---- allocation ----

    private static final String FIELDS = "{\"c\":{\"$resolver\":\"exception\",\"field\":\"className\"},"
            + "\"m\":{\"$resolver\":\"exception\",\"field\":\"message\"},"
            + "\"rc\":{\"$resolver\":\"exceptionRootCause\",\"field\":\"className\"},"
            + "\"rm\":{\"$resolver\":\"exceptionRootCause\",\"field\":\"message\"}}";

    private static long bytesPerEvent(String template, Throwable thrown) {
        return bytesPerEvent(template, thrown, AllocationMeter.WARM_UP, AllocationMeter.MEASURED);
    }

    /** For traces written frame by frame (~100 µs an event), checked against a bound: fewer events. */
    private static long traceBytesPerEvent(String template, Throwable thrown) {
        return bytesPerEvent(template, thrown, 50_000, 20_000);
    }

    private static long bytesPerEvent(String template, Throwable thrown, int warmUp, int measured) {
        PooledJsonLayout layout = PooledJsonLayout.newBuilder().setEventTemplate(template).build();
        MutableLogEvent event = AllocationMeter.event();
        event.setMessage(new SimpleMessage("failed"));
        event.setThrown(thrown);
        long perEvent = AllocationMeter.bytesPerEvent(layout, event, i -> { }, warmUp, measured);
        System.out.println("ExceptionResolverTest allocation: " + perEvent + " B/event for " + template);
        return perEvent;
    }

    /** Every throwable of the trace: the getStackTrace() copy of each, the getSuppressed() copy of those with some. */
    private static long traceBound(Throwable... chain) {
        long bound = 0;
        for (Throwable t : chain) {
            bound += AllocationMeter.stackTraceCopy(t) + AllocationMeter.suppressedCopy(t);
        }
        return bound;
    }

    @Test
    void classNamesAndMessagesAllocateNothing() {
        assertEquals(0, bytesPerEvent(FIELDS, EventCorpus.exception()), "className and message of the throwable and its root");
    }

    @Test
    void framesAllocateOnlyTheStackTraceCopy() {
        Throwable thrown = EventCorpus.exception();
        Throwable root = thrown.getCause().getCause();
        long perEvent = traceBytesPerEvent(both("\"field\":\"stackTrace\""), thrown);
        long bound = AllocationMeter.stackTraceCopy(thrown) + AllocationMeter.stackTraceCopy(root);
        assertTrue(perEvent <= bound, "frames of the throwable and its root: " + perEvent + " B/event, bound " + bound);
    }

    @Test
    void aStringifiedTraceAllocatesOnlyTheJdksCopies() {
        Throwable thrown = EventCorpus.exception();
        Throwable cause = thrown.getCause();
        long perEvent = traceBytesPerEvent("{\"e\":{\"$resolver\":\"exception\",\"field\":\"stackTrace\",\"stackTrace\":{\"stringified\":true}}}",
                thrown);
        long bound = traceBound(thrown, thrown.getSuppressed()[0], cause, cause.getCause());
        assertTrue(perEvent <= bound, "stringified: " + perEvent + " B/event, bound " + bound);
    }

    @Test
    void aTruncatedTraceAllocatesOnlyTheJdksCopies() {
        Throwable thrown = EventCorpus.exception();
        Throwable cause = thrown.getCause();
        long perEvent = traceBytesPerEvent("{\"e\":{\"$resolver\":\"exception\",\"field\":\"stackTrace\",\"stackTrace\":{\"stringified\":"
                + "{\"truncation\":{\"pointMatcherStrings\":[\"no such text\",\"more\"],\"pointMatcherRegexes\":[\"^java\\\\.lang\","
                + "\"EventCorpus\\\\.exc\\\\w+\"]}}}}}", thrown);
        long bound = traceBound(thrown, thrown.getSuppressed()[0], cause, cause.getCause());
        assertTrue(perEvent <= bound, "truncated: " + perEvent + " B/event, bound " + bound);
    }

    private static String printed(Throwable throwable) {
        StringWriter text = new StringWriter();
        throwable.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
