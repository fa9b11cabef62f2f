package dev.log4jpool.buffer;

/**
 * One platform thread's cached buffer (the pool's first tier) and its hit counter. Only the owner
 * thread reads or writes it.
 */
final class ThreadSlot {
    final Thread owner;
    final ThreadHitCounters.Counter hits;
    /** The cached free buffer, or {@code null} when the thread holds it (or never had one). */
    TextBuffer buffer;

    ThreadSlot(Thread owner, ThreadHitCounters counters) {
        this.owner = owner;
        this.hits = counters.register(owner);
    }
}
