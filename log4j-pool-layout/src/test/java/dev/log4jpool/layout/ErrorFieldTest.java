package dev.log4jpool.layout;

import static dev.log4jpool.layout.LayoutTesting.builder;
import static dev.log4jpool.layout.LayoutTesting.encode;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.Test;

class ErrorFieldTest {
    private final PooledJsonLayout layout = builder().build();

    static Throwable nested() {
        IllegalStateException cause = new IllegalStateException("disk full");
        RuntimeException top = new RuntimeException("could not save order 42", cause);
        top.addSuppressed(new java.io.UncheckedIOException("close failed", new java.io.IOException("io")));
        return top;
    }

    private static String printed(Throwable throwable) {
        StringWriter text = new StringWriter();
        throwable.printStackTrace(new PrintWriter(text));
        return text.toString().replace(System.lineSeparator(), "\n").stripTrailing();
    }

    @Test
    void writesTypeMessageAndTheStackTraceAsTheJdkPrintsIt() {
        Throwable thrown = nested();
        JsonNode error = encode(layout, Events.immutable(new SimpleMessage("failed"), thrown)).get("error");
        assertEquals(List.of("type", "message", "stack_trace"), Json.keys(error));
        assertEquals("java.lang.RuntimeException", error.get("type").asText());
        assertEquals("could not save order 42", error.get("message").asText());
        assertEquals(printed(thrown), error.get("stack_trace").asText());
    }

    @Test
    void writesTheStackTraceAsAnArrayOfLines() {
        Throwable thrown = nested();
        PooledJsonLayout arrays = builder().setStackTraceFormat("array").build();
        JsonNode trace = encode(arrays, Events.immutable(new SimpleMessage("failed"), thrown)).get("error").get("stack_trace");
        assertTrue(trace.isArray());
        List<String> lines = new ArrayList<>();
        trace.forEach(line -> lines.add(line.asText()));
        assertEquals(List.of(printed(thrown).split("\n")), lines);
    }

    @Test
    void limitsTheLinesAndSaysHowManyWereLeftOut() {
        Throwable thrown = nested();
        int total = printed(thrown).split("\n").length;
        PooledJsonLayout limited = builder().setMaxStackTraceLines(3).build();
        String trace = encode(limited, Events.immutable(new SimpleMessage("m"), thrown)).get("error").get("stack_trace").asText();
        String[] lines = trace.split("\n");
        assertEquals(4, lines.length, trace);
        assertEquals("... " + (total - 3) + " lines omitted", lines[3]);
    }

    @Test
    void writesTheRootCauseWhenAsked() {
        PooledJsonLayout withRoot = builder().setIncludeRootCause(true).setStackTraceFormat("NONE").build();
        JsonNode error = encode(withRoot, Events.immutable(new SimpleMessage("m"), nested())).get("error");
        assertEquals(List.of("type", "message", "root_cause_type", "root_cause_message"), Json.keys(error));
        assertEquals("java.lang.IllegalStateException", error.get("root_cause_type").asText());
        assertEquals("disk full", error.get("root_cause_message").asText());
    }

    @Test
    void leavesTheErrorOutWithAnEmptyKey() {
        JsonNode json = encode(builder().setErrorKey("").build(), Events.immutable(new SimpleMessage("m"), nested()));
        assertFalse(json.has("error"));
    }

    @Test
    void survivesACyclicCauseChain() {
        Exception a = new Exception("a");
        Exception b = new Exception("b", a);
        a.initCause(b);
        PooledJsonLayout withRoot = builder().setIncludeRootCause(true).build();
        JsonNode error = encode(withRoot, Events.immutable(new SimpleMessage("m"), a)).get("error");
        assertEquals(printed(a), error.get("stack_trace").asText());
        assertTrue(error.get("stack_trace").asText().contains("[CIRCULAR REFERENCE: java.lang.Exception: a]"));
        assertEquals("b", error.get("root_cause_message").asText());
    }

    @Test
    void survivesAGetMessageThatThrows() {
        RuntimeException hostile = new RuntimeException() {
            @Override
            public String getMessage() {
                throw new IllegalStateException("no message for you");
            }
        };
        JsonNode json = encode(layout, Events.immutable(new SimpleMessage("still here"), hostile));
        assertEquals("still here", json.get("message").asText());
        JsonNode error = json.get("error");
        assertTrue(error.get("message").asText().contains("getMessage() threw java.lang.IllegalStateException"), error.toString());
        assertTrue(error.get("stack_trace").asText().contains("\tat "), error.toString());
    }

    @Test
    void appliesMaxStringLengthToTheWholeTrace() {
        PooledJsonLayout short_ = builder().setMaxStringLength(100).build();
        String trace = encode(short_, Events.immutable(new SimpleMessage("m"), nested())).get("error").get("stack_trace").asText();
        assertEquals(101, trace.length());
        assertTrue(trace.endsWith("…"));
    }

    // ---- issue 14: defects 3, 4 and 9 ----

    private static Throwable chainOf(int length) {
        Throwable thrown = new IllegalStateException("c" + (length - 1));
        for (int i = length - 2; i >= 0; i--) {
            thrown = new RuntimeException("c" + i, thrown);
        }
        return thrown;
    }

    @Test
    void anAcyclicChainPastTheCapSaysTheTraceWasCutNotThatItLoops() {
        PooledJsonLayout withRoot = builder().setIncludeRootCause(true).setMaxStringLength(1 << 20).build();
        JsonNode error = encode(withRoot, Events.immutable(new SimpleMessage("m"), chainOf(70))).get("error");
        String trace = error.get("stack_trace").asText();
        assertFalse(trace.contains("CIRCULAR REFERENCE"), trace);
        assertTrue(trace.contains("Caused by: java.lang.RuntimeException: c63\n"), trace);
        assertFalse(trace.contains(": c64"), trace);
        assertTrue(trace.endsWith("Caused by: [TRACE CUT: 6 more throwables left out; at most 64 are written]"), trace);
        assertEquals("java.lang.IllegalStateException", error.get("root_cause_type").asText());
        assertEquals("c69", error.get("root_cause_message").asText());
        // At the cap exactly, nothing is cut.
        Throwable atTheCap = chainOf(64);
        String whole = encode(builder().setMaxStringLength(1 << 20).build(), Events.immutable(new SimpleMessage("m"), atTheCap))
                .get("error").get("stack_trace").asText();
        assertEquals(printed(atTheCap), whole);
    }

    @Test
    void aRealCycleKeepsTheCircularMarker() {
        Throwable top = chainOf(3);
        Throwable root = top.getCause().getCause();
        root.initCause(top.getCause());
        String trace = encode(layout, Events.immutable(new SimpleMessage("m"), top)).get("error").get("stack_trace").asText();
        assertEquals(printed(top), trace);
        assertTrue(trace.contains("[CIRCULAR REFERENCE: java.lang.RuntimeException: c1]"), trace);
    }

    static final class Localized extends Exception {
        Localized(String message, Throwable cause) {
            super(message, cause);
        }

        @Override
        public String getLocalizedMessage() {
            return "localized:" + getMessage();
        }
    }

    @Test
    void theHeaderUsesTheLocalizedMessageAsThrowableToStringDoes() {
        Localized thrown = new Localized("plain", new Localized("inner", null));
        String trace = encode(layout, Events.immutable(new SimpleMessage("m"), thrown)).get("error").get("stack_trace").asText();
        assertTrue(trace.startsWith(Localized.class.getName() + ": localized:plain\n"), trace);
        assertEquals(printed(thrown), trace);
    }

    private static JsonNode errorOf(Throwable thrown) {
        JsonNode json = encode(builder().setIncludeRootCause(true).build(), Events.immutable(new SimpleMessage("m"), thrown));
        assertFalse(json.has("log4jpool_error"), json.toString());
        JsonNode error = json.get("error");
        assertEquals(thrown.getClass().getName(), error.get("type").asText(), error.toString());
        return error;
    }

    @Test
    void aNullStackTraceCostsOnlyTheFrames() {
        RuntimeException thrown = new RuntimeException("no frames") {
            @Override
            public StackTraceElement[] getStackTrace() {
                return null;
            }
        };
        JsonNode error = errorOf(thrown);
        assertEquals("no frames", error.get("message").asText());
        String trace = error.get("stack_trace").asText();
        assertTrue(trace.startsWith(thrown.getClass().getName() + ": no frames\n\t[getStackTrace() returned null]"), trace);
        // In a cause too, where the frames in common are counted against the enclosing trace.
        JsonNode wrapped = errorOf(new IllegalStateException("outer", thrown));
        assertTrue(wrapped.get("stack_trace").asText().contains("Caused by: " + thrown.getClass().getName()
                + ": no frames\n\t[getStackTrace() returned null]"), wrapped.toString());
    }

    @Test
    void aCauseWhoseMessagesThrowCostsOnlyItsHeader() {
        RuntimeException cause = new RuntimeException() {
            @Override
            public String getMessage() {
                throw new IllegalStateException("no message");
            }

            @Override
            public String getLocalizedMessage() {
                throw new IllegalStateException("no localized message");
            }
        };
        JsonNode error = errorOf(new IllegalArgumentException("top", cause));
        assertEquals("top", error.get("message").asText());
        String trace = error.get("stack_trace").asText();
        assertTrue(trace.contains("Caused by: " + cause.getClass().getName()
                + ": [" + cause.getClass().getName() + ".getLocalizedMessage() threw java.lang.IllegalStateException]\n\tat "), trace);
        assertTrue(error.get("root_cause_message").asText().contains("getMessage() threw java.lang.IllegalStateException"));
    }

    @Test
    void aThrowableWhoseEveryMethodThrowsStillHasItsType() {
        RuntimeException hostile = new RuntimeException("m") {
            @Override
            public String getMessage() {
                throw new IllegalStateException();
            }

            @Override
            public String getLocalizedMessage() {
                throw new IllegalStateException();
            }

            @Override
            public String toString() {
                throw new IllegalStateException();
            }

            @Override
            public StackTraceElement[] getStackTrace() {
                throw new IllegalStateException();
            }

            @Override
            public synchronized Throwable getCause() {
                throw new IllegalStateException();
            }
        };
        JsonNode error = errorOf(hostile);
        assertTrue(error.get("message").asText().contains("getMessage() threw java.lang.IllegalStateException"));
        String trace = error.get("stack_trace").asText();
        assertTrue(trace.contains("[getStackTrace() threw java.lang.IllegalStateException]"), trace);
        assertTrue(trace.contains("[getCause() threw java.lang.IllegalStateException]"), trace);
        assertEquals(hostile.getClass().getName(), error.get("root_cause_type").asText());
    }
}
