package dev.log4jpool.internal;

import dev.log4jpool.buffer.TextBuffer;

/**
 * The one JSON string codec of log4j-pool, used by the layout and by {@code StructuredMessage}:
 * escaping (RFC 8259), the surrogate rules, the cut at a char budget, and unescaping. Every place
 * that writes or reads a JSON string goes through here, so a rule changes in one place.
 *
 * <p><b>Escaping</b>, without the quotes: {@code "} and {@code \} get a backslash; control
 * characters {@code U+0000–U+001F} become {@code \b \f \n \r \t} or a six-char lower-case
 * {@code \}{@code u00xx}; everything else is kept, except that in ASCII mode (for charsets other
 * than UTF-8) every non-ASCII char is written as {@code \}{@code uxxxx}. <b>Surrogates</b>: a valid
 * pair is kept (in ASCII mode, as two escapes); a lone or reversed surrogate becomes U+FFFD, so the
 * text always encodes to valid UTF-8. Each char maps to one fixed text, so two strings are the same
 * JSON string exactly when their escaped texts are equal (the layout's key registry relies on it).
 * <b>Cutting</b>: {@link #cut} never ends text between the two halves of a pair (the high half
 * alone would become U+FFFD).
 *
 * <p>Into a {@link TextBuffer} (the hot path), text is escaped in runs of at most {@value #RUN}
 * chars, each with one capacity check; a run never ends between the halves of a pair. Strings,
 * {@code StringBuilder}s and {@code TextBuffer}s are copied in bulk into the output and scanned
 * there, other text goes through a scratch array: an instance holds that array and the ASCII mode,
 * and is used by one thread at a time. The {@code StringBuilder} and configuration-time
 * methods are static.
 *
 * <p>Not API: public only so that both packages of the layout module can use it.
 */
public final class JsonCodec {
    /** Input chars escaped per run: bounds the {@code ensureCapacityFor} of one run to 6× this. */
    static final int RUN = 512;
    /** The ASCII chars JSON strings escape: controls, quote, backslash. */
    private static final boolean[] ESCAPED_ASCII = new boolean[0x80];

    static {
        for (int c = 0; c < 0x20; c++) {
            ESCAPED_ASCII[c] = true;
        }
        ESCAPED_ASCII['"'] = true;
        ESCAPED_ASCII['\\'] = true;
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final char[] run = new char[RUN];
    /** Chars at or above this go through the slow path: 0xD800 (surrogates), or 0x80 in ASCII mode. */
    private char fastLimit = 0xD800;

    /** ASCII mode: every non-ASCII char as a {@code \}{@code uxxxx} escape. */
    public void setAsciiOnly(boolean asciiOnly) {
        fastLimit = asciiOnly ? (char) 0x80 : (char) 0xD800;
    }

    // ---- the surrogate rules and the cut ----

    /**
     * Where to end {@code text[from, end)} to keep at most {@code budget} chars: {@code end} when it
     * fits, else {@code from + budget}, one less when that would split a surrogate pair.
     */
    public static int cut(CharSequence text, int from, int end, int budget) {
        if (end - from <= budget) {
            return end;
        }
        int to = from + budget;
        return budget > 0 && Character.isHighSurrogate(text.charAt(to - 1)) ? to - 1 : to;
    }

    /** {@link #cut(CharSequence, int, int, int)} for a char array. */
    public static int cut(char[] chars, int from, int end, int budget) {
        if (end - from <= budget) {
            return end;
        }
        int to = from + budget;
        return budget > 0 && Character.isHighSurrogate(chars[to - 1]) ? to - 1 : to;
    }

    /**
     * {@code text} with each lone or reversed surrogate replaced by U+FFFD, as the escaper writes it:
     * {@code text} itself (no copy) when it has none.
     */
    public static String withoutLoneSurrogates(String text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                char[] sanitized = text.toCharArray();
                for (int j = i; j < length; j++) {
                    if (Character.isHighSurrogate(sanitized[j]) && j + 1 < length && Character.isLowSurrogate(sanitized[j + 1])) {
                        j++;
                    } else if (Character.isSurrogate(sanitized[j])) {
                        sanitized[j] = '\uFFFD';
                    }
                }
                return new String(sanitized);
            }
        }
        return text;
    }

    // ---- escaping into a TextBuffer: the hot path ----

    /** Escapes one char (a lone surrogate becomes U+FFFD). */
    public void escape(char c, TextBuffer out) {
        run[0] = c;
        escape(run, 0, 1, out);
    }

    /**
     * Escapes {@code text[start, end)} in runs: text the JDK copies in bulk (String, StringBuilder,
     * TextBuffer) straight into the output, other text through the scratch array.
     */
    public void escape(CharSequence text, int start, int end, TextBuffer out) {
        if (text instanceof String && start == 0 && end <= RUN && end == text.length()) {
            escapeShort((String) text, out);
            return;
        }
        if (text instanceof String || text instanceof StringBuilder || text instanceof TextBuffer) {
            escapeCopied(text, start, end, out);
            return;
        }
        int from = start;
        while (from < end) {
            int to = cut(text, from, end, RUN); // keep a pair in one run, so the escaper sees both halves
            for (int i = from; i < to; i++) {
                run[i - from] = text.charAt(i);
            }
            escape(run, 0, to - from, out);
            from = to;
        }
    }

    /**
     * The common case: each run is copied in bulk into the output (for a Latin-1 String the JDK
     * inflates it with vector instructions), then scanned there for the first char that needs
     * escaping; from that char on, the run goes through the general path, which overwrites the
     * copied rest. Most text needs no escaping, and a copy plus an array scan costs less than
     * reading the text char by char. Runs bound each capacity check; a pair is never split.
     */
    private void escapeCopied(CharSequence text, int start, int end, TextBuffer out) {
        int from = start;
        while (from < end) {
            int to = cut(text, from, end, RUN);
            int count = to - from;
            out.ensureCapacityFor(count * 6);
            char[] target = out.array();
            int p = out.length();
            copy(text, from, to, target, p);
            int plain = plainPrefix(target, p, count);
            out.setLength(p + plain);
            if (plain < count) {
                copy(text, from + plain, to, run, 0);
                escape(run, 0, count - plain, out);
            }
            from = to;
        }
    }

    /**
     * A whole String of at most {@value #RUN} chars (most names and values): one run, without the
     * cuts and the copy's dispatch. Measured: a GcpLayout map event, ten such parts, 340 -> 314 ns.
     */
    private void escapeShort(String text, TextBuffer out) {
        int count = text.length();
        out.ensureCapacityFor(count * 6);
        char[] target = out.array();
        int p = out.length();
        text.getChars(0, count, target, p);
        int plain = plainPrefix(target, p, count);
        out.setLength(p + plain);
        if (plain < count) {
            text.getChars(plain, count, run, 0);
            escape(run, 0, count - plain, out);
        }
    }

    /** How many of {@code chars[p, p + count)}, from the first, need no escaping. */
    private int plainPrefix(char[] chars, int p, int count) {
        char limit = fastLimit;
        int plain = 0;
        while (plain < count) {
            char c = chars[p + plain];
            if (c < 0x80 ? ESCAPED_ASCII[c] : c >= limit) {
                break;
            }
            plain++;
        }
        return plain;
    }

    /** Copies {@code text[start, end)} of a String, StringBuilder or TextBuffer into {@code target} at {@code p}. */
    private static void copy(CharSequence text, int start, int end, char[] target, int p) {
        if (text instanceof String) {
            ((String) text).getChars(start, end, target, p);
        } else if (text instanceof StringBuilder) {
            ((StringBuilder) text).getChars(start, end, target, p);
        } else {
            System.arraycopy(((TextBuffer) text).array(), start, target, p, end - start);
        }
    }

    /** Escapes {@code chars[from, end)} of any length, in runs. */
    public void escapeAll(char[] chars, int from, int end, TextBuffer out) {
        int start = from;
        while (start < end) {
            int to = cut(chars, start, end, RUN);
            escape(chars, start, to, out);
            start = to;
        }
    }

    /** Escapes {@code source[from, to)}, at most {@value #RUN} chars, in which a pair is never split at {@code to}. */
    private void escape(char[] source, int from, int to, TextBuffer out) {
        out.ensureCapacityFor((to - from) * 6);
        char[] target = out.array();
        int p = out.length();
        char limit = fastLimit;
        boolean ascii = limit == 0x80;
        for (int i = from; i < to; i++) {
            char c = source[i];
            if (c < 0x80 ? !ESCAPED_ASCII[c] : c < limit) {
                target[p++] = c;
            } else if (c < 0x20) {
                p = escapeControl(c, target, p);
            } else if (c == '"' || c == '\\') {
                target[p++] = '\\';
                target[p++] = c;
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(source[i + 1])) {
                p = nonAscii(c, target, p, ascii);
                p = nonAscii(source[++i], target, p, ascii);
            } else if (Character.isSurrogate(c)) {
                p = nonAscii('\uFFFD', target, p, ascii); // lone, or a low half with no high half before it
            } else {
                p = nonAscii(c, target, p, ascii);
            }
        }
        out.setLength(p);
    }

    private static int escapeControl(char c, char[] target, int p) {
        target[p++] = '\\';
        char simple = simpleEscape(c);
        if (simple != 0) {
            target[p++] = simple;
            return p;
        }
        return hex(c, target, p - 1);
    }

    /** A non-ASCII char (or a surrogate half of a valid pair): raw, or escaped in ASCII mode. */
    private static int nonAscii(char c, char[] target, int p, boolean ascii) {
        if (ascii) {
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

    /** The letter of a two-char escape for a control char ({@code \b \f \n \r \t}), or 0. */
    private static char simpleEscape(char c) {
        switch (c) {
            case '\b':
                return 'b';
            case '\f':
                return 'f';
            case '\n':
                return 'n';
            case '\r':
                return 'r';
            case '\t':
                return 't';
            default:
                return 0;
        }
    }

    // ---- escaping into a StringBuilder: messages and configuration ----

    /** Appends {@code text[start, end)} escaped by the same rules, into a {@code StringBuilder}. */
    public static void escape(CharSequence text, int start, int end, StringBuilder out, boolean asciiOnly) {
        for (int i = start; i < end; i++) {
            char c = text.charAt(i);
            if (c >= 0x20 && c < 0x80 && c != '"' && c != '\\') {
                out.append(c);
            } else if (c < 0x20) {
                char simple = simpleEscape(c);
                if (simple != 0) {
                    out.append('\\').append(simple);
                } else {
                    appendHex(out, c);
                }
            } else if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(text.charAt(i + 1))) {
                appendNonAscii(out, c, asciiOnly);
                appendNonAscii(out, text.charAt(++i), asciiOnly);
            } else if (Character.isSurrogate(c)) {
                appendNonAscii(out, '\uFFFD', asciiOnly);
            } else {
                appendNonAscii(out, c, asciiOnly);
            }
        }
    }

    /** Appends {@code "text"}, escaped (UTF-8 mode); {@code null} as {@code null}. */
    public static void appendQuoted(StringBuilder out, String text) {
        if (text == null) {
            out.append("null");
            return;
        }
        out.append('"');
        escape(text, 0, text.length(), out, false);
        out.append('"');
    }

    private static void appendNonAscii(StringBuilder out, char c, boolean asciiOnly) {
        if (asciiOnly) {
            appendHex(out, c);
        } else {
            out.append(c);
        }
    }

    private static void appendHex(StringBuilder out, char c) {
        out.append('\\').append('u').append(HEX[(c >> 12) & 0xF]).append(HEX[(c >> 8) & 0xF])
                .append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
    }

    /** Escapes text prepared at configuration (names, constants), without the quotes: no cut, no scratch state. */
    public static char[] escapeConstant(String text, boolean asciiOnly) {
        StringBuilder escaped = new StringBuilder(text.length() + 8);
        escape(text, 0, text.length(), escaped, asciiOnly);
        char[] result = new char[escaped.length()];
        escaped.getChars(0, escaped.length(), result, 0);
        return result;
    }

    // ---- unescaping ----

    /** {@link #unescape} result when the string is not closed or has a bad escape. */
    public static final long MALFORMED = -1;

    /**
     * Unescapes, in place, the JSON string whose content starts at {@code chars[from]} (after its
     * opening quote), reading no further than {@code limit}. Returns
     * {@code (closingQuote << 32) | decodedEnd}: the index of the closing quote and the end of the
     * decoded content (which starts at {@code from}); or {@link #MALFORMED}. A {@code \}{@code u}
     * escape gives its char as it is, a lone surrogate included: the escaper replaces it when the
     * text is written again.
     */
    public static long unescape(char[] chars, int from, int limit) {
        int write = from;
        for (int read = from; read < limit; read++) {
            char c = chars[read];
            if (c == '"') {
                return ((long) read << 32) | write;
            }
            if (c != '\\') {
                chars[write++] = c;
                continue;
            }
            if (++read >= limit) {
                return MALFORMED;
            }
            char escape = chars[read];
            if (escape == 'u') {
                if (read + 4 >= limit) {
                    return MALFORMED;
                }
                int code = 0;
                for (int k = 1; k <= 4; k++) {
                    int digit = Character.digit(chars[read + k], 16);
                    if (digit < 0) {
                        return MALFORMED;
                    }
                    code = code * 16 + digit;
                }
                chars[write++] = (char) code;
                read += 4;
            } else {
                char decoded = unescapeSimple(escape);
                if (decoded == 0) {
                    return MALFORMED;
                }
                chars[write++] = decoded;
            }
        }
        return MALFORMED;
    }

    /** The char a two-char escape stands for in JSON ({@code \" \\ \/ \b \f \n \r \t}), or 0. */
    private static char unescapeSimple(char escape) {
        switch (escape) {
            case '"':
            case '\\':
            case '/':
                return escape;
            case 'b':
                return '\b';
            case 'f':
                return '\f';
            case 'n':
                return '\n';
            case 'r':
                return '\r';
            case 't':
                return '\t';
            default:
                return 0;
        }
    }

    /**
     * Unescapes a configured text written with Java's escapes ({@code eventDelimiter}): {@code \n},
     * {@code \r}, {@code \t}, {@code \\} as in JSON and Java, and {@code \0}; any other backslash is
     * kept as written. {@code null} gives the empty string.
     */
    public static String unescapeConfigured(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder unescaped = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char next = text.charAt(++i);
                if (next == '0') {
                    unescaped.append('\0');
                } else if (next == 'n' || next == 'r' || next == 't' || next == '\\') {
                    unescaped.append(unescapeSimple(next));
                } else {
                    unescaped.append(c).append(next);
                }
            } else {
                unescaped.append(c);
            }
        }
        return unescaped.toString();
    }
}
