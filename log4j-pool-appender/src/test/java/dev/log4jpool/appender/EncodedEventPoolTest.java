package dev.log4jpool.appender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class EncodedEventPoolTest {
    @Test
    void isFilledUpFrontAndMakesBuffersOnlyWhenEmpty() {
        EncodedEventPool pool = new EncodedEventPool(16, 32, 64, 1 << 20);
        assertEquals(16 + EncodedEventPool.SLACK, pool.size());
        Set<EncodedEvent> taken = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int i = 0; i < 16 + EncodedEventPool.SLACK; i++) {
            assertTrue(taken.add(pool.acquire()), "each buffer handed out once");
        }
        assertEquals(0, pool.created());
        EncodedEvent extra = pool.acquire();
        assertEquals(1, pool.created());
        taken.add(extra);
        taken.forEach(pool::release);
        assertEquals(0, pool.discarded(), "capacity is a power of two above ring + slack: " + pool.size());
    }

    @Test
    void releaseEmptiesAndShrinksOversizedBuffers() {
        EncodedEventPool pool = new EncodedEventPool(1, 32, 64, 1 << 20);
        EncodedEvent event = pool.acquire();
        event.writeBytes(new byte[1000], 0, 1000);
        assertEquals(1000, event.length());
        pool.release(event);
        // Take every buffer until that one comes back.
        List<EncodedEvent> all = new ArrayList<>();
        for (int i = 0; i < 1 + EncodedEventPool.SLACK; i++) {
            all.add(pool.acquire());
        }
        assertTrue(all.contains(event));
        assertEquals(0, event.length());
        assertEquals(32, event.capacity(), "grown past maxRetained, so shrunk back");
    }

    /**
     * Grown buffers keep their size while the pool's growth budget lasts, and are shrunk back past
     * it: the free buffers never keep more than the budget beyond their initial size.
     */
    @Test
    void grownBuffersStayWithinTheByteBudget() {
        EncodedEventPool pool = new EncodedEventPool(16, 32, 1024, 1000);
        List<EncodedEvent> taken = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            EncodedEvent event = pool.acquire();
            event.writeBytes(new byte[300], 0, 300); // grows 32 -> 300 (+268 each)
            taken.add(event);
        }
        taken.forEach(pool::release);
        assertEquals(3 * 268, pool.grownBytes(), "three grown buffers fit in 1000 bytes, the other seven were shrunk");
        int grown = 0;
        for (int i = 0; i < 16 + EncodedEventPool.SLACK; i++) {
            EncodedEvent event = pool.acquire();
            grown += event.capacity() > 32 ? 1 : 0;
        }
        assertEquals(3, grown);
        assertEquals(0, pool.grownBytes(), "every grown buffer is out of the pool");
    }

    @Test
    void aZeroBudgetShrinksEveryGrownBuffer() {
        EncodedEventPool pool = new EncodedEventPool(1, 32, 1024, 0);
        EncodedEvent event = pool.acquire();
        event.writeBytes(new byte[100], 0, 100);
        pool.release(event);
        assertEquals(32, event.capacity());
        assertEquals(0, pool.grownBytes());
    }

    /** Four threads take and give back: no buffer is ever held by two at once. */
    @Test
    void neverHandsOneBufferToTwoHolders() throws Exception {
        EncodedEventPool pool = new EncodedEventPool(8, 16, 64, 1 << 20);
        Set<EncodedEvent> held = ConcurrentHashMap.newKeySet();
        AtomicReference<String> failure = new AtomicReference<>();
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 200_000 && failure.get() == null; i++) {
                    EncodedEvent event = pool.acquire();
                    if (!held.add(event)) {
                        failure.set("a buffer was handed out while held");
                    }
                    held.remove(event);
                    pool.release(event);
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(null, failure.get());
        assertNotSame(null, pool.acquire());
    }
}
