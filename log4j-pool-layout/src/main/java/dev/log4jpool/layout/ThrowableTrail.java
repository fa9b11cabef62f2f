package dev.log4jpool.layout;

/**
 * The throwables already written for one event, compared by identity, so that a cause or
 * suppressed chain that loops back is written once and then marked, as the JDK marks it
 * ({@code [CIRCULAR REFERENCE: …]}). Bounded: past {@value #MAX} entries a throwable counts as seen,
 * which also bounds the work one pathological event can cause.
 */
final class ThrowableTrail {
    static final int MAX = 64;
    private final Throwable[] seen = new Throwable[MAX];
    private int count;

    /** Records {@code throwable}; {@code false} when it was already there or the trail is full. */
    boolean add(Throwable throwable) {
        for (int i = 0; i < count; i++) {
            if (seen[i] == throwable) {
                return false;
            }
        }
        if (count == MAX) {
            return false;
        }
        seen[count++] = throwable;
        return true;
    }

    void clear() {
        java.util.Arrays.fill(seen, 0, count, null);
        count = 0;
    }
}
