package dev.log4jpool.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.log4jpool.buffer.BufferPool;
import dev.log4jpool.message.StructuredMessage;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import org.apache.logging.log4j.core.impl.MutableLogEvent;
import org.junit.jupiter.api.Test;

/**
 * Threads encoding into one destination, as they do into one appender: every event arrives whole,
 * once, on a line of its own, while pooled buffers move between the threads' slots and the ring.
 */
class ConcurrentEncodeTest {
    private static final int THREADS = 4;
    private static final int EVENTS = 20_000;

    @Test
    void everyEventArrivesWholeAndOnce() throws Exception {
        // No thread slots: every buffer goes through the shared ring, the path where they change threads.
        BufferPool pool = BufferPool.newBuilder().setName("concurrent-test").setBufferSize(256).setMaxBuffers(2)
                .setThreadLocalEnabled(false).build();
        PooledJsonLayout layout = PooledJsonLayout.newBuilder().setBufferPool(pool).build();
        CapturingDestination destination = new CapturingDestination(ByteBuffer.allocate(100));
        CyclicBarrier start = new CyclicBarrier(THREADS);
        List<Thread> threads = new ArrayList<>();
        List<Throwable> failures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int thread = t;
            threads.add(new Thread(() -> {
                try {
                    start.await();
                    for (int i = 0; i < EVENTS; i++) {
                        MutableLogEvent fresh = Events.withContext(Events.event(StructuredMessage.of("m" + thread)
                                .with("t", thread).with("i", i).with("pad", "é😀".repeat(i % 50))), "ctx", "c" + i);
                        layout.encode(fresh, destination);
                        fresh.clear();
                    }
                } catch (Throwable failure) {
                    synchronized (failures) {
                        failures.add(failure);
                    }
                }
            }, "encoder-" + t));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(List.of(), failures);
        List<String> lines = destination.lines();
        assertEquals(THREADS * EVENTS, lines.size());
        BitSet[] seen = new BitSet[THREADS];
        for (int t = 0; t < THREADS; t++) {
            seen[t] = new BitSet();
        }
        for (String line : lines) {
            JsonNode json = Json.parse(line);
            int t = json.get("t").intValue();
            int i = json.get("i").intValue();
            assertEquals("m" + t, json.get("message").textValue());
            assertEquals("é😀".repeat(i % 50), json.get("pad").textValue());
            assertEquals("c" + i, json.get("ctx").textValue());
            assertFalse(seen[t].get(i), line);
            seen[t].set(i);
        }
    }
}
