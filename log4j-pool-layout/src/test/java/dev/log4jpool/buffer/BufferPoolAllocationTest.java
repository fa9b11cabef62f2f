package dev.log4jpool.buffer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/**
 * After warm-up, acquire + release allocates nothing, on the thread tier and on the ring. Measured
 * exactly with the JVM's per-thread allocation counter (DESIGN.md, "Testing").
 */
class BufferPoolAllocationTest {
    private static final int WARM_UP = 300_000;
    private static final int MEASURED = 1_000_000;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    @Test
    void threadTierAllocatesNothing() {
        BufferPool pool = BufferPool.newBuilder().setName("alloc-thread").setThreadLocalEnabled(true).build();
        assertEquals(0, bytesPerCycle(pool), "bytes allocated per acquire+release, thread tier");
        assertEquals(MEASURED + WARM_UP - 1, pool.stats().threadLocalHits());
    }

    @Test
    void ringAllocatesNothing() {
        BufferPool pool = BufferPool.newBuilder().setName("alloc-ring").setThreadLocalEnabled(false).build();
        assertEquals(0, bytesPerCycle(pool), "bytes allocated per acquire+release, ring");
        assertEquals(MEASURED + WARM_UP - 1, pool.stats().ringHits());
    }

    @Test
    void nestedUseAllocatesNothing() {
        // The outer buffer from the thread slot, the inner one from the ring.
        BufferPool pool = BufferPool.newBuilder().setName("alloc-nested").setThreadLocalEnabled(true).build();
        Runnable cycle = () -> {
            TextBuffer outer = pool.acquire();
            TextBuffer inner = pool.acquire();
            inner.append('x');
            outer.append('y');
            pool.release(inner);
            pool.release(outer);
        };
        assertEquals(0, bytesPerCycle(cycle));
    }

    private static long bytesPerCycle(BufferPool pool) {
        return bytesPerCycle(() -> {
            TextBuffer buffer = pool.acquire();
            buffer.append('x');
            pool.release(buffer);
        });
    }

    private static long bytesPerCycle(Runnable cycle) {
        for (int i = 0; i < WARM_UP; i++) {
            cycle.run();
        }
        long thread = Thread.currentThread().getId();
        long before = THREADS.getThreadAllocatedBytes(thread);
        for (int i = 0; i < MEASURED; i++) {
            cycle.run();
        }
        long allocated = THREADS.getThreadAllocatedBytes(thread) - before;
        return allocated / MEASURED;
    }
}
