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
        int digits = digitCount(remaining);
        int end = start + digits;
        for (int p = end - 1; p >= start; p--) {
            target[p] = (char) ('0' + (remaining % 10));
            remaining /= 10;
        }
        out.setLength(end);
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

    private static int digitCount(long value) {
        int digits = 1;
        long bound = 10;
        while (digits < 19 && value >= bound) {
            digits++;
            bound *= 10;
        }
        return digits;
    }
}
