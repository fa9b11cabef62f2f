package dev.log4jpool.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import org.apache.logging.log4j.core.LogEvent;
import org.junit.jupiter.api.Test;

/**
 * The {@code counter} resolver against JsonTemplateLayout (each layout has its own counters, so
 * the sequences over the corpus are compared), across the {@code long} range's end, shared by
 * threads, configuration errors, allocation.
 */
class CounterResolverTest {
    private static final String MAX = Long.toString(Long.MAX_VALUE);
    /** Bytes per event of a counter whose values need a BigInteger (see CounterResolvers). */
    private static final int BOUND = 1_500;

    private static String member(String options) {
        return "{\"$resolver\":\"counter\"" + (options.isEmpty() ? "" : "," + options) + "}";
    }

    private static String template(String... options) {
        StringBuilder template = new StringBuilder("{");
        for (int i = 0; i < options.length; i++) {
            template.append(i == 0 ? "" : ",").append("\"c").append(i).append("\":").append(member(options[i]));
        }
        return template.append("}").toString();
    }

    @Test
    void defaultsAndStart() {
        TemplateParity.of(template("", "\"start\":5", "\"start\":-3", "\"start\":null", "\"overflowing\":true",
                "\"start\":-2147483649", "\"start\":0,\"overflowing\":false")).assertSameOn(EventCorpus.all());
    }

    @Test
    void stringified() {
        TemplateParity.of(template("\"stringified\":true", "\"stringified\":true,\"start\":-12",
                "\"stringified\":false", "\"stringified\":true,\"overflowing\":false,\"start\":7")).assertSameOn(EventCorpus.all());
    }

    @Test
    void stringsAreCutAtMaxStringLength() {
        TemplateParity.of(template("\"stringified\":true,\"start\":123456", "\"stringified\":true,\"start\":-99",
                "\"start\":123456", "\"stringified\":true,\"overflowing\":false,\"start\":" + MAX))
                .maxStringLength(3, "\u2026").assertSameOn(EventCorpus.all());
    }

    @Test
    void acrossTheEndOfTheLongRange() {
        // The corpus has ~25 events: each counter passes Long.MAX_VALUE after 4.
        String start = "\"start\":" + (Long.MAX_VALUE - 3);
        TemplateParity.of(template(start, start + ",\"overflowing\":false", start + ",\"stringified\":true",
                start + ",\"overflowing\":false,\"stringified\":true")).assertSameOn(EventCorpus.all());
    }

    @Test
    void startsOutsideTheLongRange() {
        String big = "\"start\":" + BigInteger.TWO.pow(70).add(BigInteger.valueOf(5));
        String negative = "\"start\":-" + BigInteger.TWO.pow(64).add(BigInteger.valueOf(2));
        TemplateParity.of(template(big, big + ",\"overflowing\":false", big + ",\"stringified\":true",
                big + ",\"overflowing\":false,\"stringified\":true", negative + ",\"overflowing\":false",
                negative, "\"start\":" + MAX + "0,\"overflowing\":false", "\"start\":-" + MAX + "0"))
                .assertSameOn(EventCorpus.all());
    }

    @Test
    void threadsShareOneCounterAndEachValueIsTakenOnce() throws InterruptedException {
        PooledJsonLayout layout = TemplateParity.of(template("\"start\":100", "\"stringified\":true,\"overflowing\":false")).ours();
        int threads = 4;
        int perThread = 5_000;
        Set<Long> numbers = ConcurrentHashMap.newKeySet();
        Set<String> strings = ConcurrentHashMap.newKeySet();
        List<Throwable> failures = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                try {
                    start.await();
                    LogEvent event = EventCorpus.base().build();
                    for (int i = 0; i < perThread; i++) {
                        JsonNode line = Json.parse(LayoutTesting.encodeToText(layout, event).strip());
                        assertTrue(numbers.add(line.get("c0").asLong()), "taken twice: " + line);
                        assertTrue(strings.add(line.get("c1").asText()), "taken twice: " + line);
                    }
                } catch (Throwable failure) { // NOPMD: reported below
                    synchronized (failures) {
                        failures.add(failure);
                    }
                }
            });
            workers.add(worker);
            worker.start();
        }
        start.countDown();
        for (Thread worker : workers) {
            worker.join();
        }
        assertEquals(List.of(), failures);
        int values = threads * perThread;
        for (long n = 100; n < 100 + values; n++) {
            assertTrue(numbers.contains(n), "never taken: " + n);
            assertTrue(strings.contains(Long.toString(n - 100)), "never taken: " + (n - 100));
        }
        assertEquals(values, numbers.size());
        assertEquals(values, strings.size());
    }

    // ---- configuration errors ----

    private static void assertError(String options, String option, String problem) {
        ResolverErrors.assertRejected("{\"a\":" + member(options) + "}", "$.a", "counter", option, problem, false);
    }

    @Test
    void configurationErrors() {
        assertError("\"start\":\"5\"", "start", "must be an integer, not the string \"5\"");
        assertError("\"start\":1.5", "start", "must be an integer, not the number 1.5");
        assertError("\"start\":1e3", "start", "must be an integer");
        assertError("\"start\":true", "start", "must be an integer");
        assertError("\"start\":{}", "start", "must be an integer");
        assertError("\"overflowing\":\"no\"", "overflowing", "must be true or false");
        assertError("\"stringified\":1", "stringified", "must be true or false");
    }

    // ---- allocation ----

    @Test
    void countersBelowTwoToThe64AllocateNothing() {
        String pastMax = "\"start\":" + (Long.MAX_VALUE - 100_000) + ",\"overflowing\":false"; // passes Long.MAX_VALUE in the warm-up
        String template = template("", "\"stringified\":true", "\"overflowing\":false", "\"overflowing\":false,\"stringified\":true",
                "\"start\":" + (Long.MAX_VALUE - 100) + ",\"stringified\":true", // wraps, as overflowing does
                pastMax, pastMax + ",\"stringified\":true");
        double perEvent = TemplateAllocation.bytesPerEvent(template);
        assertEquals(0, (long) perEvent, "bytes allocated per event " + perEvent);
    }

    @Test
    void valuesPastTheUnsignedRangeWorkAndAllocateLessThanTheirBound() {
        // 2^64 - 2 and on: unsigned longs, then BigIntegers, numbers and strings
        String start = "\"start\":" + BigInteger.TWO.pow(64).subtract(BigInteger.TWO) + ",\"overflowing\":false";
        TemplateParity.of(template(start, start + ",\"stringified\":true")).assertSameOn(EventCorpus.all());
        TemplateParity.of(template("\"start\":" + MAX + ",\"overflowing\":false,\"stringified\":true"))
                .maxStringLength(19, "~").assertSameOn(EventCorpus.all());
        // As CounterResolvers says: a BigInteger sum and its text per event, under 1,500 B.
        String big = "\"start\":" + BigInteger.TWO.pow(70) + ",\"overflowing\":false";
        double number = TemplateAllocation.bytesPerEvent(template(big));
        double string = TemplateAllocation.bytesPerEvent(template(big + ",\"stringified\":true"));
        System.out.printf("counter past 2^64: %.1f B per event as a number, %.1f as a string%n", number, string);
        assertTrue(number > 0 && number <= BOUND, "as a number: " + number + " B per event");
        assertTrue(string > 0 && string <= BOUND, "as a string: " + string + " B per event");
    }
}
