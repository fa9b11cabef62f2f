package dev.log4jpool.buffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Threads acquire and release millions of times, some buffers crossing threads, while the test
 * tracks who holds each buffer: no buffer may ever be held by two threads, and every acquire must be
 * counted in exactly one tier.
 */
class BufferPoolConcurrencyTest {
    private static final int OPERATIONS = 2_000_000;

    @ParameterizedTest(name = "{0} threads, thread tier {1}, ring {2}")
    @CsvSource({"2, true, 32", "4, true, 2", "8, false, 4", "8, true, 32"})
    void noBufferIsEverHeldByTwoThreads(int threads, boolean threadLocal, int ringSize) throws Exception {
        BufferPool pool = BufferPool.newBuilder()
                .setName("stress")
                .setBufferSize(32)
                .setMaxBuffers(ringSize)
                .setThreadLocalEnabled(threadLocal)
                .build();
        // Buffer -> holder. TextBuffer keeps identity equality, so this is an identity map.
        Map<TextBuffer, Thread> holders = new ConcurrentHashMap<>();
        // Buffers handed from each thread to the next, released by the receiver.
        List<BlockingQueue<TextBuffer>> handOffs = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            handOffs.add(new ArrayBlockingQueue<>(64));
        }
        AtomicLong acquires = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        CyclicBarrier start = new CyclicBarrier(threads);
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            Thread worker = new Thread(() -> {
                try {
                    start.await();
                    long mine = 0;
                    BlockingQueue<TextBuffer> inbox = handOffs.get(id);
                    BlockingQueue<TextBuffer> next = handOffs.get((id + 1) % threads);
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    for (int i = 0; i < OPERATIONS / threads; i++) {
                        TextBuffer buffer = pool.acquire();
                        mine++;
                        take(holders, buffer);
                        String token = "t" + id + "#" + i;
                        if (buffer.length() != 0) {
                            throw new AssertionError("acquired a buffer that was not empty: " + buffer);
                        }
                        buffer.append(token);
                        if (random.nextInt(8) == 0) {
                            // Nested use while the first buffer is held.
                            TextBuffer nested = pool.acquire();
                            mine++;
                            take(holders, nested);
                            nested.append("nested");
                            check(nested, "nested");
                            give(holders, nested);
                            pool.release(nested);
                        }
                        check(buffer, token);
                        if (random.nextInt(16) == 0) {
                            // Cross-thread: the next thread releases it. Ownership moves with it.
                            buffer.clear();
                            buffer.append("moved");
                            holders.remove(buffer, Thread.currentThread());
                            if (!next.offer(buffer)) {
                                pool.release(buffer); // the next thread's inbox is full: release here
                            }
                        } else {
                            give(holders, buffer);
                            pool.release(buffer);
                        }
                        TextBuffer received = inbox.poll();
                        if (received != null) {
                            take(holders, received);
                            check(received, "moved");
                            give(holders, received);
                            pool.release(received);
                        }
                    }
                    acquires.addAndGet(mine);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "stress-" + t);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        if (failure.get() != null) {
            throw new AssertionError("a worker failed", failure.get());
        }
        // Release whatever is still waiting in the hand-offs.
        for (BlockingQueue<TextBuffer> queue : handOffs) {
            for (TextBuffer left; (left = queue.poll()) != null; ) {
                pool.release(left);
            }
        }
        BufferPoolStats stats = pool.stats();
        assertEquals(acquires.get(), stats.threadLocalHits() + stats.ringHits() + stats.allocations(),
                "every acquire is counted in exactly one tier: " + stats);
        if (!threadLocal) {
            assertEquals(0, stats.threadLocalHits());
        }
        assertTrue(stats.pooled() <= stats.capacity(), stats::toString);
        assertTrue(holders.isEmpty(), "buffers still marked as held: " + holders.size());
    }

    private static void take(Map<TextBuffer, Thread> holders, TextBuffer buffer) {
        Thread previous = holders.putIfAbsent(buffer, Thread.currentThread());
        if (previous != null) {
            throw new AssertionError("buffer handed to " + Thread.currentThread().getName()
                    + " while " + previous.getName() + " holds it");
        }
    }

    private static void give(Map<TextBuffer, Thread> holders, TextBuffer buffer) {
        if (!holders.remove(buffer, Thread.currentThread())) {
            throw new AssertionError("released a buffer this thread did not hold");
        }
    }

    private static void check(TextBuffer buffer, String expected) {
        if (!expected.contentEquals(buffer)) {
            throw new AssertionError("another writer touched the buffer: expected '" + expected + "', found '" + buffer + "'");
        }
    }
}
