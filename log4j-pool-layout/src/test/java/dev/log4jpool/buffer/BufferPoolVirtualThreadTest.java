package dev.log4jpool.buffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Virtual threads skip the thread tier. Runs on JDK 21+ (the build's JDK 25 pass); the main code
 * and this test compile for Java 17, so virtual threads are started through reflection.
 */
class BufferPoolVirtualThreadTest {

    @Test
    void tenThousandVirtualThreadsLeaveNoBufferInAThreadTier() throws Exception {
        assumeTrue(Runtime.version().feature() >= 21, "virtual threads need JDK 21+");
        BufferPool pool = BufferPool.newBuilder()
                .setName("virtual")
                .setBufferSize(64)
                .setMaxBuffers(32)
                .setThreadLocalEnabled(true)
                .build();
        AtomicLong acquires = new AtomicLong();
        AtomicInteger virtualSeen = new AtomicInteger();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            int id = i;
            threads.add(startVirtual(() -> {
                if (BufferPool.isVirtual(Thread.currentThread())) {
                    virtualSeen.incrementAndGet();
                }
                for (int round = 0; round < 3; round++) {
                    try (TextBuffer outer = pool.acquire(); TextBuffer inner = pool.acquire()) {
                        acquires.addAndGet(2);
                        outer.append("v").append(Integer.toString(id));
                        inner.append(outer);
                        Thread.yield(); // let other virtual threads interleave on the carriers
                        if (!outer.toString().contentEquals(inner)) {
                            throw new AssertionError("buffer shared between virtual threads");
                        }
                    }
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(10_000, virtualSeen.get(), "isVirtual() recognised every virtual thread");
        BufferPoolStats stats = pool.stats();
        assertEquals(0, stats.threadLocalHits(), stats::toString);
        assertEquals(0, pool.threadSlotsCreated(), "no thread slot was made for a virtual thread");
        assertEquals(acquires.get(), stats.ringHits() + stats.allocations(), stats::toString);
        // Every buffer ever made is now in the ring or was dropped: none is pinned anywhere else.
        assertEquals(stats.allocations(), stats.pooled() + stats.ringDrops(), stats::toString);
        assertTrue(stats.pooled() <= 32);
    }

    private static Thread startVirtual(Runnable task) throws ReflectiveOperationException {
        Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
        Class<?> builderType = Class.forName("java.lang.Thread$Builder");
        return (Thread) builderType.getMethod("start", Runnable.class).invoke(builder, task);
    }
}
