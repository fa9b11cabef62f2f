package dev.log4jpool.buffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BufferPoolTest {

    private static BufferPool pool(boolean threadLocal, int maxBuffers) {
        return BufferPool.newBuilder()
                .setName("test")
                .setBufferSize(16)
                .setMaxBuffers(maxBuffers)
                .setThreadLocalEnabled(threadLocal)
                .build();
    }

    @Test
    void defaultsAreThoseDocumented() {
        BufferPool pool = BufferPool.newBuilder().build();
        assertEquals(8192, pool.getBufferSize());
        assertEquals(32, pool.getRingCapacity());
        assertEquals(8 * 8192, pool.getMaxRetainedSize());
        assertEquals(org.apache.logging.log4j.util.Constants.ENABLE_THREADLOCALS, pool.isThreadLocalEnabled());
        assertEquals(8192, pool.acquire().capacity());
    }

    @Test
    void invalidSettingsFailWithTheirName() {
        assertMessage("bufferSize", "was 0", () -> BufferPool.newBuilder().setBufferSize(0));
        assertMessage("bufferSize", "was -5", () -> BufferPool.newBuilder().setBufferSize(-5));
        assertMessage("maxBuffers", "was 0", () -> BufferPool.newBuilder().setMaxBuffers(0));
        assertMessage("maxBuffers", "was -1", () -> BufferPool.newBuilder().setMaxBuffers(-1));
        assertMessage("maxRetainedSize", "was 0", () -> BufferPool.newBuilder().setMaxRetainedSize(0));
        assertMessage("maxRetainedSize (100) must be at least bufferSize (200)",
                "",
                () -> BufferPool.newBuilder().setBufferSize(200).setMaxRetainedSize(100).build());
        assertMessage("name", "", () -> BufferPool.newBuilder().setName(" "));
    }

    private static void assertMessage(String setting, String detail, Runnable action) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, action::run);
        assertTrue(e.getMessage().contains(setting) && e.getMessage().contains(detail), e.getMessage());
    }

    @Test
    void ringCapacityIsRoundedUpToAPowerOfTwoOfAtLeastTwo() {
        assertEquals(2, pool(false, 1).getRingCapacity());
        assertEquals(8, pool(false, 5).getRingCapacity());
        assertEquals(4, pool(false, 4).getRingCapacity());
        assertEquals(4, pool(false, 4).stats().capacity());
    }

    @Test
    void threadTierServesTheSameBufferAgainOnOneThread() {
        BufferPool pool = pool(true, 4);
        TextBuffer first = pool.acquire();
        pool.release(first);
        TextBuffer second = pool.acquire();
        assertSame(first, second);
        pool.release(second);
        BufferPoolStats stats = pool.stats();
        assertEquals(1, stats.allocations());
        assertEquals(1, stats.threadLocalHits());
        assertEquals(0, stats.ringHits());
        assertEquals(0, stats.pooled(), "the thread slot held the buffer, not the ring");
    }

    @Test
    void ringServesWhenTheThreadTierIsOff() {
        BufferPool pool = pool(false, 4);
        TextBuffer first = pool.acquire();
        pool.release(first);
        assertEquals(1, pool.stats().pooled());
        assertSame(first, pool.acquire());
        BufferPoolStats stats = pool.stats();
        assertEquals(1, stats.allocations());
        assertEquals(1, stats.ringHits());
        assertEquals(0, stats.threadLocalHits());
        assertEquals(0, stats.pooled());
    }

    @Test
    void nestedAcquiresOnOneThreadGetDifferentBuffers() {
        BufferPool pool = pool(true, 4);
        TextBuffer outer = pool.acquire();
        TextBuffer inner = pool.acquire();
        assertNotSame(outer, inner);
        outer.append("outer");
        inner.append("inner");
        assertEquals("outer", outer.toString());
        pool.release(inner);
        pool.release(outer);
        assertEquals(1, pool.stats().pooled(), "the second release found the slot full and went to the ring");
        TextBuffer a = pool.acquire();
        TextBuffer b = pool.acquire();
        assertNotSame(a, b);
        assertEquals(Set.of(outer, inner), identitySet(a, b));
    }

    @Test
    void acquireAlwaysReturnsAnEmptyBuffer() {
        BufferPool pool = pool(true, 4);
        TextBuffer buffer = pool.acquire();
        buffer.append("left over");
        pool.release(buffer);
        assertEquals(0, pool.acquire().length());
        TextBuffer viaRing = pool(false, 4).acquire();
        viaRing.append("x");
        viaRing.close();
        assertEquals(0, viaRing.length());
    }

    @Test
    void releaseIntoAFullRingDropsTheBuffer() {
        BufferPool pool = pool(false, 2);
        List<TextBuffer> held = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            held.add(pool.acquire());
        }
        held.forEach(pool::release);
        BufferPoolStats stats = pool.stats();
        assertEquals(5, stats.allocations());
        assertEquals(2, stats.pooled());
        assertEquals(3, stats.ringDrops());
    }

    @Test
    void aBufferThatGrewPastTheRetainedSizeIsShrunkOnRelease() {
        BufferPool pool = BufferPool.newBuilder()
                .setBufferSize(16)
                .setMaxRetainedSize(64)
                .setThreadLocalEnabled(true)
                .build();
        TextBuffer buffer = pool.acquire();
        buffer.append("x".repeat(60));
        pool.release(buffer);
        assertEquals(60, buffer.capacity(), "within the bound: kept as grown");
        assertEquals(0, pool.stats().trims());

        buffer = pool.acquire();
        buffer.append("x".repeat(10_000));
        pool.release(buffer);
        assertEquals(16, buffer.capacity(), "past the bound: back to bufferSize");
        assertEquals(1, pool.stats().trims());
        assertSame(buffer, pool.acquire(), "a trimmed buffer is still pooled");
    }

    @Test
    void releasingTwiceThrows() {
        BufferPool pool = pool(true, 4);
        TextBuffer buffer = pool.acquire();
        pool.release(buffer);
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> pool.release(buffer));
        assertTrue(e.getMessage().contains("released twice"), e.getMessage());
        assertThrows(IllegalStateException.class, buffer::close);
        // The pool is unharmed: one buffer, handed out once.
        TextBuffer again = pool.acquire();
        assertSame(buffer, again);
        assertNotSame(again, pool.acquire());
    }

    @Test
    void releasingABufferOfAnotherPoolThrows() {
        BufferPool one = BufferPool.newBuilder().setName("one").build();
        BufferPool two = BufferPool.newBuilder().setName("two").build();
        TextBuffer buffer = one.acquire();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> two.release(buffer));
        assertTrue(e.getMessage().contains("'one'") && e.getMessage().contains("'two'"), e.getMessage());
        IllegalArgumentException unpooled =
                assertThrows(IllegalArgumentException.class, () -> two.release(new TextBuffer(4)));
        assertTrue(unpooled.getMessage().contains("belongs to no pool"), unpooled.getMessage());
        one.release(buffer); // still releasable where it belongs
    }

    @Test
    void closeReleasesToTheOwningPool() {
        BufferPool pool = pool(false, 4);
        try (TextBuffer buffer = pool.acquire()) {
            buffer.append("in use");
        }
        assertEquals(1, pool.stats().pooled());
    }

    @Test
    void buffersCrossThreadsThroughTheRing() throws Exception {
        BufferPool pool = pool(true, 4);
        TextBuffer fromMain = pool.acquire();
        fromMain.append("handed over");
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Thread other = new Thread(() -> {
            try {
                assertEquals("handed over", fromMain.toString());
                pool.release(fromMain); // goes to the other thread's empty slot
                TextBuffer mine = pool.acquire();
                assertSame(fromMain, mine);
                TextBuffer second = pool.acquire();
                pool.release(second);
                pool.release(mine); // slot full: to the ring
            } catch (Throwable t) {
                failure.set(t);
            }
        });
        other.start();
        other.join();
        if (failure.get() != null) {
            throw new AssertionError(failure.get());
        }
        assertEquals(1, pool.stats().pooled());
        assertSame(fromMain, pool.acquire(), "main's slot is empty, so the ring serves it");
    }

    @Test
    void threadSlotsOfDeadThreadsStillCount() throws Exception {
        BufferPool pool = pool(true, 4);
        for (int t = 0; t < 3; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 10; i++) {
                    pool.release(pool.acquire());
                }
            });
            thread.start();
            thread.join();
        }
        BufferPoolStats stats = pool.stats();
        assertEquals(27, stats.threadLocalHits());
        assertEquals(3, stats.allocations());
        assertEquals(30, stats.acquires());
    }

    @Test
    void isVirtualIsFalseForPlatformThreads() {
        assertFalse(BufferPool.isVirtual(Thread.currentThread()));
    }

    @Test
    void theDefaultPoolIsOneProcessWideInstance() {
        assertSame(BufferPool.getDefault(), BufferPool.getDefault());
        assertEquals("default", BufferPool.getDefault().getName());
    }

    private static Set<TextBuffer> identitySet(TextBuffer... buffers) {
        Set<TextBuffer> set = Collections.newSetFromMap(new IdentityHashMap<>());
        Collections.addAll(set, buffers);
        return set;
    }
}
