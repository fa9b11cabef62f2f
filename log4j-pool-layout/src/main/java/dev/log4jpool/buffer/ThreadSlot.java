package dev.log4jpool.buffer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;

/**
 * One platform thread's cached buffer (the pool's first tier) and its hit count. Only the owner
 * thread writes it while it lives; {@link ThreadSlotRegistry} reads the count from other threads.
 */
final class ThreadSlot {
    private static final VarHandle HITS;

    static {
        try {
            HITS = MethodHandles.lookup().findVarHandle(ThreadSlot.class, "hits", long.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    final Thread owner;
    /** The cached free buffer, or {@code null} when the thread holds it (or never had one). */
    TextBuffer buffer;
    /** Acquires served from this slot. In the slot itself: one less object to load per acquire. */
    private long hits;

    ThreadSlot(Thread owner) {
        this.owner = owner;
    }

    /** Owner thread only. An opaque store is a plain move on x86, yet never torn or lost to readers. */
    void countHit() {
        HITS.setOpaque(this, hits + 1);
    }

    long hits() {
        return (long) HITS.getOpaque(this);
    }
}
