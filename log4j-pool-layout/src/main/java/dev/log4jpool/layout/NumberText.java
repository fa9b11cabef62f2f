package dev.log4jpool.layout;

import dev.log4jpool.buffer.TextBuffer;

/** Decimal digits of integers straight into a {@link TextBuffer}, without a String in between. */
final class NumberText {
    private NumberText() {}

    static void appendLong(TextBuffer out, long value) {
        if (value == Long.MIN_VALUE) {
            out.append("-9223372036854775808");
            return;
        }
        out.ensureCapacityFor(20);
        char[] target = out.array();
        int start = out.length();
        long remaining = value;
        if (remaining < 0) {
            target[start++] = '-';
            remaining = -remaining;
        }
        int end = start + digitCount(remaining);
        int p = end;
        // Two digits per division, and int divisions once the rest fits an int: epoch times and
        // ids are written on every event, and this was a seventh of the time of a template of them.
        while (remaining > Integer.MAX_VALUE) {
            long quotient = remaining / 100;
            int pair = (int) (remaining - quotient * 100);
            target[--p] = ONES[pair];
            target[--p] = TENS[pair];
            remaining = quotient;
        }
        int rest = (int) remaining;
        while (rest >= 100) {
            int quotient = rest / 100;
            int pair = rest - quotient * 100;
            target[--p] = ONES[pair];
            target[--p] = TENS[pair];
            rest = quotient;
        }
        if (rest >= 10) {
            target[--p] = ONES[rest];
            target[--p] = TENS[rest];
        } else {
            target[--p] = (char) ('0' + rest);
        }
        out.setLength(end);
    }

    /** The tens and ones digit of each number 0–99. */
    private static final char[] TENS = new char[100];
    private static final char[] ONES = new char[100];

    static {
        for (int i = 0; i < 100; i++) {
            TENS[i] = (char) ('0' + i / 10);
            ONES[i] = (char) ('0' + i % 10);
        }
    }

    /** Writes {@code bits} read as an unsigned 64-bit integer (0 to 2^64 - 1). */
    static void appendUnsignedLong(TextBuffer out, long bits) {
        if (bits >= 0) {
            appendLong(out, bits);
            return;
        }
        long tens = (bits >>> 1) / 5; // the unsigned value / 10, which fits a long
        appendLong(out, tens);
        out.append((char) ('0' + (bits - tens * 10)));
    }

    /** Writes {@code value} as exactly {@code width} digits, zero-padded; {@code value} fits. */
    static int appendPadded(char[] target, int p, long value, int width) {
        long remaining = value;
        for (int i = p + width - 1; i >= p; i--) {
            target[i] = (char) ('0' + (remaining % 10));
            remaining /= 10;
        }
        return p + width;
    }

    /** Writes {@code value} (not negative) zero-padded to at least {@code minWidth} digits. */
    static void appendAtLeast(TextBuffer out, long value, int minWidth) {
        int width = Math.max(minWidth, digitCount(value));
        out.ensureCapacityFor(width);
        out.setLength(appendPadded(out.array(), out.length(), value, width));
    }

    private static int digitCount(long value) {
        if (value < 1_000_000_000L) {
            int digits = 1;
            for (int bound = 10; digits < 9 && value >= bound; bound *= 10) {
                digits++;
            }
            return digits;
        }
        int digits = 10;
        for (long bound = 10_000_000_000L; digits < 19 && value >= bound; bound *= 10) {
            digits++;
        }
        return digits;
    }
}
