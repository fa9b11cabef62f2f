package dev.log4jpool.layout;

import dev.log4jpool.buffer.TextBuffer;

/**
 * JSON string escaping (RFC 8259) into a {@link TextBuffer}, without the quotes: {@code "} and
 * {@code \} are escaped, control characters {@code U+0000–U+001F} as {@code \b \f \n \r \t} or a
 * six-char {@code \}{@code u00XX} escape; a valid surrogate pair is kept, a lone or reversed surrogate
 * becomes {@code U+FFFD}, so the text always encodes to valid UTF-8. In ASCII mode (for charsets
 * other than UTF-8) every non-ASCII char is written as a {@code \}{@code uXXXX} escape.
 *
 * <p>Text is escaped in runs of at most {@value #RUN} chars, each with one capacity check; a run
 * never ends between the two halves of a pair. Strings are read in place; other text is copied to a
 * scratch array first. One per {@link JsonWriter}; not thread-safe.
 */
final class JsonEscaper {
    /** Input chars escaped per run: bounds the {@code ensureCapacityFor} of one run to 6× this. */
    static final int RUN = 512;
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final char[] run = new char[RUN];
    /** Chars at or above this go through the slow path: 0xD800 (surrogates), or 0x80 in ASCII mode. */
    private char fastLimit = 0xD800;

    void setAsciiOnly(boolean asciiOnly) {
        fastLimit = asciiOnly ? (char) 0x80 : (char) 0xD800;
    }

    /** Escapes one char (a lone surrogate becomes U+FFFD). */
    void escape(char c, TextBuffer out) {
        run[0] = c;
        escape(run, 0, 1, out);
    }

    /** Escapes {@code text[from, to)} in runs; a String is read in place, other text through the scratch array. */
    void escape(CharSequence text, int start, int end, TextBuffer out) {
        if (text instanceof String) {
            escapeString((String) text, start, end, out);
            return;
        }
        int from = start;
        while (from < end) {
            int count = Math.min(RUN, end - from);
            if (from + count < end && Character.isHighSurrogate(text.charAt(from + count - 1))) {
                count--; // keep the pair in one run, so the escaper sees both halves
            }
            copy(text, from, from + count);
            escape(run, 0, count, out);
            from += count;
        }
    }

    /**
     * The common case, kept apart so that its loop reads the String directly (no copy) and stays
     * monomorphic. Runs bound each capacity check; a pair is never split between runs.
     */
    private void escapeString(String text, int start, int end, TextBuffer out) {
        int from = start;
        while (from < end) {
            int to = Math.min(end, from + RUN);
            if (to < end && Character.isHighSurrogate(text.charAt(to - 1))) {
                to--;
            }
            out.ensureCapacityFor((to - from) * 6);
            char[] target = out.array();
            int p = out.length();
            char limit = fastLimit;
            int i = from;
            for (; i < to; i++) {
                char c = text.charAt(i);
                if (c >= 0x20 && c < limit && c != '"' && c != '\\') {
                    target[p++] = c;
                } else {
                    break;
                }
            }
            out.setLength(p);
            if (i < to) {
                // Something needs escaping: finish this run on the general path.
                text.getChars(i, to, run, 0);
                escape(run, 0, to - i, out);
            }
            from = to;
        }
    }

    static int runLength(char[] chars, int from, int end) {
        int count = Math.min(RUN, end - from);
        if (from + count < end && Character.isHighSurrogate(chars[from + count - 1])) {
            count--;
        }
        return count;
    }

    /** Bulk copies where the JDK can (String, StringBuilder), else char by char. */
    private void copy(CharSequence text, int start, int end) {
        if (text instanceof String) {
            ((String) text).getChars(start, end, run, 0);
        } else if (text instanceof StringBuilder) {
            ((StringBuilder) text).getChars(start, end, run, 0);
        } else if (text instanceof TextBuffer) {
            System.arraycopy(((TextBuffer) text).array(), start, run, 0, end - start);
        } else {
            for (int i = start; i < end; i++) {
                run[i - start] = text.charAt(i);
            }
        }
    }

    /** Escapes {@code source[from, to)}, in which a surrogate pair is never split at {@code to}. */
    void escape(char[] source, int from, int to, TextBuffer out) {
        out.ensureCapacityFor((to - from) * 6);
        char[] target = out.array();
        int p = out.length();
        char limit = fastLimit;
        for (int i = from; i < to; i++) {
            char c = source[i];
            if (c >= 0x20 && c < limit && c != '"' && c != '\\') {
                target[p++] = c;
            } else if (c < 0x20) {
                p = escapeControl(c, target, p);
            } else if (c == '"' || c == '\\') {
                target[p++] = '\\';
                target[p++] = c;
            } else if (Character.isHighSurrogate(c)) {
                if (i + 1 < to && Character.isLowSurrogate(source[i + 1])) {
                    p = nonAscii(c, target, p);
                    p = nonAscii(source[++i], target, p);
                } else {
                    p = nonAscii('\uFFFD', target, p);
                }
            } else if (Character.isLowSurrogate(c)) {
                p = nonAscii('\uFFFD', target, p); // a low half with no high half before it
            } else {
                p = nonAscii(c, target, p);
            }
        }
        out.setLength(p);
    }

    private static int escapeControl(char c, char[] target, int p) {
        target[p++] = '\\';
        switch (c) {
            case '\b':
                target[p++] = 'b';
                break;
            case '\f':
                target[p++] = 'f';
                break;
            case '\n':
                target[p++] = 'n';
                break;
            case '\r':
                target[p++] = 'r';
                break;
            case '\t':
                target[p++] = 't';
                break;
            default:
                p = hex(c, target, p - 1);
        }
        return p;
    }

    /** A non-ASCII char (or a surrogate half of a valid pair): raw, or escaped in ASCII mode. */
    private int nonAscii(char c, char[] target, int p) {
        if (fastLimit == 0x80) {
            return hex(c, target, p);
        }
        target[p++] = c;
        return p;
    }

    private static int hex(char c, char[] target, int p) {
        target[p++] = '\\';
        target[p++] = 'u';
        target[p++] = HEX[(c >> 12) & 0xF];
        target[p++] = HEX[(c >> 8) & 0xF];
        target[p++] = HEX[(c >> 4) & 0xF];
        target[p++] = HEX[c & 0xF];
        return p;
    }

    /** Escapes text prepared at configuration (names, constants): no truncation, no scratch state. */
    static char[] escapeConstant(String text, boolean asciiOnly) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                escaped.append('\\').append(c);
            } else if (c < 0x20 || (asciiOnly && c >= 0x80) || Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                    if (asciiOnly) {
                        escaped.append(String.format("\\u%04x\\u%04x", (int) c, (int) text.charAt(i + 1)));
                    } else {
                        escaped.append(c).append(text.charAt(i + 1));
                    }
                    i++;
                } else if (Character.isSurrogate(c)) {
                    escaped.append(asciiOnly ? "\\ufffd" : "\uFFFD");
                } else {
                    escaped.append(String.format("\\u%04x", (int) c));
                }
            } else {
                escaped.append(c);
            }
        }
        char[] result = new char[escaped.length()];
        escaped.getChars(0, escaped.length(), result, 0);
        return result;
    }
}
