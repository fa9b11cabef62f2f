package dev.log4jpool.perf.latency;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * Profile mode only: remembers the first calls of one thread whose response time passed a threshold,
 * in arrays allocated up front (nothing allocated per call), so that the profile summary can line
 * them up with the JFR events (safepoints, parks, file writes) that overlapped them.
 */
final class SlowCalls {
    private final long thresholdNanos;
    private final long[] intended;
    private final long[] start;
    private final long[] end;
    private int size;
    private long overflow;

    SlowCalls(long thresholdNanos, int capacity) {
        this.thresholdNanos = thresholdNanos;
        this.intended = new long[capacity];
        this.start = new long[capacity];
        this.end = new long[capacity];
    }

    void offer(long intendedStart, long actualStart, long endTime) {
        if (endTime - intendedStart < thresholdNanos) {
            return;
        }
        if (size == intended.length) {
            overflow++;
            return;
        }
        intended[size] = intendedStart;
        start[size] = actualStart;
        end[size] = endTime;
        size++;
    }

    /**
     * One CSV line per slow call, times as epoch nanoseconds (the JFR recording's time base), given a
     * pair of readings of {@link System#nanoTime()} and the wall clock taken together.
     */
    void writeCsv(Writer out, String thread, long nanoTimeRef, long epochNanosRef) throws IOException {
        for (int i = 0; i < size; i++) {
            out.write(String.format(Locale.ROOT, "%s,%d,%d,%d%n", thread,
                    epochNanosRef + (intended[i] - nanoTimeRef), epochNanosRef + (start[i] - nanoTimeRef),
                    epochNanosRef + (end[i] - nanoTimeRef)));
        }
    }

    int size() {
        return size;
    }

    long overflow() {
        return overflow;
    }
}
