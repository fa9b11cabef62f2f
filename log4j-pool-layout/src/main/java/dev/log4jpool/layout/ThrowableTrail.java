package dev.log4jpool.layout;

import java.util.Arrays;

/**
 * The throwables already written for one event, compared by identity, so that a cause or
 * suppressed chain that loops back is written once and then marked, as the JDK marks it
 * ({@code [CIRCULAR REFERENCE: …]}). Bounded: at most {@value #MAX} throwables are written per
 * event, which bounds the work one pathological event can cause; past that a trace is cut, and
 * {@link #countLeftOut} says how many throwables the cut left out (a long acyclic chain is not a
 * loop, issue 14).
 */
final class ThrowableTrail {
    static final int MAX = 64;
    /** Throwables counted as left out at most, per event; past it the count says "at least". */
    static final int MAX_COUNTED = 1024;

    /** {@link #add} results. */
    static final int ADDED = 0;
    static final int SEEN = 1;
    static final int FULL = 2;

    private final Throwable[] seen = new Throwable[MAX];
    private int count;
    /** Left-out throwables already counted this event; made on the first cut (a rare, pathological event). */
    private Throwable[] leftOut;
    private int leftOutCount;

    /** Records {@code throwable}: {@link #ADDED}, {@link #SEEN} (written already: a loop), or {@link #FULL}. */
    int add(Throwable throwable) {
        if (contains(seen, count, throwable)) {
            return SEEN;
        }
        if (count == MAX) {
            return FULL;
        }
        seen[count++] = throwable;
        return ADDED;
    }

    /**
     * How many throwables not written this event are reachable from {@code cut} (itself included)
     * through causes and suppressed throwables, each counted once per event; {@link #MAX_COUNTED}
     * at most. A method of a hostile throwable that throws ends that branch of the count.
     */
    int countLeftOut(Throwable cut) {
        if (leftOut == null) {
            leftOut = new Throwable[MAX_COUNTED];
        }
        int first = leftOutCount;
        offerLeftOut(cut);
        // Breadth first, with the array as both the set and the work list.
        for (int i = first; i < leftOutCount && leftOutCount < MAX_COUNTED; i++) {
            Throwable next = leftOut[i];
            try {
                offerLeftOut(next.getCause());
                for (Throwable suppressed : next.getSuppressed()) {
                    offerLeftOut(suppressed);
                }
            } catch (RuntimeException | LinkageError | StackOverflowError hostile) { // NOPMD: see the Javadoc
                // this branch is not counted further
            }
        }
        return leftOutCount - first;
    }

    private void offerLeftOut(Throwable throwable) {
        if (throwable != null && leftOutCount < MAX_COUNTED && !contains(seen, count, throwable)
                && !contains(leftOut, leftOutCount, throwable)) {
            leftOut[leftOutCount++] = throwable;
        }
    }

    private static boolean contains(Throwable[] array, int length, Throwable throwable) {
        for (int i = 0; i < length; i++) {
            if (array[i] == throwable) {
                return true;
            }
        }
        return false;
    }

    void clear() {
        Arrays.fill(seen, 0, count, null);
        count = 0;
        if (leftOut != null) {
            Arrays.fill(leftOut, 0, leftOutCount, null);
            leftOutCount = 0;
        }
    }
}
