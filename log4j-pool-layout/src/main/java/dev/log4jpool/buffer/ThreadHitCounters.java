package dev.log4jpool.buffer;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Counts thread-slot hits without a shared write on the hot path: each thread increments a counter
 * of its own with a plain (opaque) store, and {@link #sum()} adds them up.
 *
 * <p>A counter whose thread has died is folded into {@code retired} and forgotten, the next time a
 * thread registers or someone asks for the sum, so the list stays as long as the live threads that
 * used the pool.
 */
final class ThreadHitCounters {
    private final List<Counter> live = new ArrayList<>(); // guarded by this
    private long retired; // guarded by this
    private int registrations; // guarded by this

    synchronized Counter register(Thread owner) {
        retireDeadThreads();
        registrations++;
        Counter counter = new Counter(owner);
        live.add(counter);
        return counter;
    }

    synchronized long sum() {
        retireDeadThreads();
        long sum = retired;
        for (Counter counter : live) {
            sum += counter.get();
        }
        return sum;
    }

    synchronized int registrations() {
        return registrations;
    }

    private void retireDeadThreads() {
        for (Iterator<Counter> it = live.iterator(); it.hasNext(); ) {
            Counter counter = it.next();
            Thread owner = counter.owner.get();
            // isAlive() == false makes everything the thread did visible here (JLS 17.4.4).
            if (owner == null || !owner.isAlive()) {
                retired += counter.get();
                it.remove();
            }
        }
    }

    /** One thread's hits. Only its owner writes it. */
    static final class Counter {
        private static final VarHandle HITS;

        static {
            try {
                HITS = MethodHandles.lookup().findVarHandle(Counter.class, "hits", long.class);
            } catch (ReflectiveOperationException e) {
                throw new ExceptionInInitializerError(e);
            }
        }

        private final WeakReference<Thread> owner;
        private long hits;

        Counter(Thread owner) {
            this.owner = new WeakReference<>(owner);
        }

        /** Owner thread only. An opaque store is a plain move on x86, yet never torn or lost to readers. */
        void increment() {
            HITS.setOpaque(this, hits + 1);
        }

        long get() {
            return (long) HITS.getOpaque(this);
        }
    }
}
