package dev.log4jpool.appender;

import java.util.Arrays;

/**
 * Where the events held in a file block end: offsets into the block, in order. A write that fails
 * part-way then tells exactly how many events it lost (those ending past the bytes the file took),
 * instead of a count of bytes, and the block can be written up to its last whole event.
 *
 * <p>Bounded: one {@code int} per event in the block, so at most 4 B × events per block; the array
 * grows (doubling) only while a block holds more events than any block before it, so a steady
 * stream of events allocates nothing. Not thread-safe: used under the file manager's monitor.
 */
final class BlockEventEnds {
    private int[] ends = new int[64];
    private int count;

    /** An event ended at {@code offset} (exclusive) in the block. */
    void add(int offset) {
        if (count == ends.length) {
            ends = Arrays.copyOf(ends, count * 2);
        }
        ends[count++] = offset;
    }

    int count() {
        return count;
    }

    /** Offset of the end of the last whole event in the block, or 0 when none ended in it. */
    int lastEnd() {
        return count == 0 ? 0 : ends[count - 1];
    }

    /** How many events end after {@code offset}: those a write that stopped there did not finish. */
    int endingAfter(int offset) {
        int whole = 0;
        while (whole < count && ends[whole] <= offset) {
            whole++;
        }
        return count - whole;
    }

    /** The first {@code length} bytes of the block were written and removed: shift what is left. */
    void removeFirst(int length) {
        int kept = 0;
        for (int i = 0; i < count; i++) {
            if (ends[i] > length) {
                ends[kept++] = ends[i] - length;
            }
        }
        count = kept;
    }

    void clear() {
        count = 0;
    }
}
