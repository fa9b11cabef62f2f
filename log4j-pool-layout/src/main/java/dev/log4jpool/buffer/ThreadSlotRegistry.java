package dev.log4jpool.buffer;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The thread slots one pool has made, so that their hits can be summed without a shared write on
 * the hot path: each thread counts in its own slot, {@link #hitSum()} adds them up.
 *
 * <p>The slot of a thread that has died is folded into {@code retiredHits} and forgotten (its cached
 * buffer with it) the next time a thread registers or someone asks for the sum, so the list stays
 * as long as the live threads that used the pool, plus those that died since.
 */
final class ThreadSlotRegistry {
    private final List<ThreadSlot> live = new ArrayList<>(); // guarded by this
    private long retiredHits; // guarded by this
    private int registrations; // guarded by this

    synchronized ThreadSlot register(Thread owner) {
        retireDeadThreads();
        registrations++;
        ThreadSlot slot = new ThreadSlot(owner);
        live.add(slot);
        return slot;
    }

    synchronized long hitSum() {
        retireDeadThreads();
        long sum = retiredHits;
        for (ThreadSlot slot : live) {
            sum += slot.hits();
        }
        return sum;
    }

    synchronized int registrations() {
        return registrations;
    }

    private void retireDeadThreads() {
        for (Iterator<ThreadSlot> it = live.iterator(); it.hasNext(); ) {
            ThreadSlot slot = it.next();
            // isAlive() == false makes everything the thread did visible here (JLS 17.4.4).
            if (!slot.owner.isAlive()) {
                retiredHits += slot.hits();
                slot.buffer = null; // its owner is gone: no one else writes the slot
                it.remove();
            }
        }
    }
}
