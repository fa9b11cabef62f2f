package dev.log4jpool.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.log4jpool.message.StructuredMessage;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.async.AsyncLogger;
import org.apache.logging.log4j.core.async.AsyncLoggerContext;
import org.junit.jupiter.api.Test;

/**
 * Under {@code AsyncLoggerContextSelector} (set for this class's own surefire run, see the pom), the
 * event crosses to the ring's thread while the logging thread reuses its StructuredMessage at once:
 * every typed field must still arrive as it was logged.
 */
class AsyncLoggerStructuredIT {
    private static final int THREADS = 4;
    private static final int EVENTS = 25_000;

    @Test
    void typedFieldsArriveIntactThroughTheRing() throws Exception {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        assertTrue(context instanceof AsyncLoggerContext, "selector: " + context.getClass());
        Logger logger = LogManager.getLogger("shop.Orders");
        assertTrue(logger instanceof AsyncLogger, "logger: " + logger.getClass());

        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            threads.add(new Thread(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
                for (int i = 0; i < EVENTS; i++) {
                    logger.info(StructuredMessage.of("order " + thread).with("thread", thread).with("seq", i)
                            .with("amount", i + thread / 10.0).with("even", i % 2 == 0).with("id", "t" + thread + "-" + i)
                            .with("text", new StringBuilder("sb").append(i)));
                }
            }, "producer-" + t));
        }
        threads.forEach(Thread::start);
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        LogManager.shutdown(); // drains the ring

        List<String> lines = EncodeCaptureAppender.named("async-test").lines();
        assertEquals(THREADS * EVENTS, lines.size());
        BitSet[] seen = new BitSet[THREADS];
        for (int t = 0; t < THREADS; t++) {
            seen[t] = new BitSet(EVENTS);
        }
        for (String line : lines) {
            JsonNode json = Json.parse(line);
            // "thread" is the base field (the producer's name); the structured field became "_thread".
            int thread = json.get("_thread").intValue();
            int i = json.get("seq").intValue();
            assertEquals("producer-" + thread, json.get("thread").textValue(), line);
            assertEquals("order " + thread, json.get("message").textValue(), line);
            assertTrue(json.get("amount").isFloatingPointNumber(), line);
            assertEquals(i + thread / 10.0, json.get("amount").doubleValue(), line);
            assertTrue(json.get("even").isBoolean(), line);
            assertEquals(i % 2 == 0, json.get("even").booleanValue(), line);
            assertEquals("t" + thread + "-" + i, json.get("id").textValue(), line);
            assertEquals("sb" + i, json.get("text").textValue(), line);
            assertTrue(!seen[thread].get(i), "twice: " + line);
            seen[thread].set(i);
        }
        for (int t = 0; t < THREADS; t++) {
            assertEquals(EVENTS, seen[t].cardinality(), "events of thread " + t);
        }

        // The same events through a template layout: typed fields intact, and endOfBatch as Log4j set it
        // (true at least on the last event the ring handed over before it ran empty).
        List<String> templated = EncodeCaptureAppender.named("async-test-template").lines();
        assertEquals(THREADS * EVENTS, templated.size());
        int endsOfBatch = 0;
        for (String line : templated) {
            JsonNode json = Json.parse(line);
            int thread = json.get("thread").intValue();
            assertEquals("order " + thread, json.get("message").textValue(), line);
            assertEquals("t" + thread + "-" + json.get("seq").intValue(), json.get("id").textValue(), line);
            assertTrue(json.get("even").isBoolean() && json.get("amount").isFloatingPointNumber(), line);
            endsOfBatch += json.get("endOfBatch").booleanValue() ? 1 : 0;
        }
        assertTrue(endsOfBatch >= 1, "no event was the end of a batch");
        assertTrue(Json.parse(templated.get(templated.size() - 1)).get("endOfBatch").booleanValue(),
                "the last event drained is the end of its batch");

        // Behind an AsyncAppender the ring's events are copied; the copy keeps the event's text, and
        // with it every typed field.
        List<String> copied = EncodeCaptureAppender.named("async-test-behind-appender").lines();
        assertEquals(THREADS * EVENTS, copied.size());
        BitSet[] copiedSeen = new BitSet[THREADS];
        for (int t = 0; t < THREADS; t++) {
            copiedSeen[t] = new BitSet(EVENTS);
        }
        for (String line : copied) {
            JsonNode json = Json.parse(line);
            int thread = json.get("_thread").intValue();
            int i = json.get("seq").intValue();
            assertEquals("order " + thread, json.get("message").textValue(), line);
            assertEquals("t" + thread + "-" + i, json.get("id").textValue(), line);
            assertEquals("sb" + i, json.get("text").textValue(), line);
            assertTrue(json.get("amount").isFloatingPointNumber(), line);
            assertEquals(i + thread / 10.0, json.get("amount").doubleValue(), line);
            assertTrue(json.get("even").isBoolean(), line);
            assertEquals(i % 2 == 0, json.get("even").booleanValue(), line);
            assertTrue(!copiedSeen[thread].get(i), "twice: " + line);
            copiedSeen[thread].set(i);
        }
        for (int t = 0; t < THREADS; t++) {
            assertEquals(EVENTS, copiedSeen[t].cardinality(), "copied events of thread " + t);
        }
    }
}
