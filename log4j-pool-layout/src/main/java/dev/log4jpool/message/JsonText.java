package dev.log4jpool.message;

/**
 * JSON string escaping (RFC 8259) into a {@code StringBuilder}, with exactly the rules of
 * {@code PooledJsonLayout}'s escaper in its UTF-8 mode: {@code "} and {@code \} get a backslash,
 * {@code U+0000–U+001F} become {@code \b \f \n \r \t} or a lower-case {@code \}{@code u00xx}, a
 * valid surrogate pair is kept, a lone or reversed surrogate becomes {@code U+FFFD}; everything else
 * is kept as it is. So the layout, which decodes these strings and escapes them again with its own
 * settings, writes the same JSON it would write from the original value.
 */
final class JsonText {
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private JsonText() {}

    /**
     * {@code text} with each lone or reversed surrogate replaced by U+FFFD, as {@link #appendString}
     * writes it; {@code text} itself (no copy) when it has none.
     */
    static String withoutLoneSurrogates(String text) {
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                    i++;
                } else {
                    return replaceLoneSurrogates(text);
                }
            }
        }
        return text;
    }

    private static String replaceLoneSurrogates(String text) {
        StringBuilder sanitized = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                sanitized.append(c).append(text.charAt(++i));
            } else {
                sanitized.append(Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return sanitized.toString();
    }

    /** Appends {@code "text"}, escaped; {@code null} as {@code null}. */
    static void appendString(StringBuilder out, String text) {
        if (text == null) {
            out.append("null");
            return;
        }
        out.append('"');
        int length = text.length();
        for (int i = 0; i < length; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < length && Character.isLowSurrogate(text.charAt(i + 1))) {
                    out.append(c).append(text.charAt(++i));
                } else {
                    out.append('\uFFFD');
                }
            } else {
                appendChar(out, c);
            }
        }
        out.append('"');
    }

    /** Appends {@code "chars[from, from + length)"}, escaped. */
    static void appendString(StringBuilder out, char[] chars, int from, int length) {
        out.append('"');
        int end = from + length;
        for (int i = from; i < end; i++) {
            char c = chars[i];
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < end && Character.isLowSurrogate(chars[i + 1])) {
                    out.append(c).append(chars[++i]);
                } else {
                    out.append('\uFFFD');
                }
            } else {
                appendChar(out, c);
            }
        }
        out.append('"');
    }

    /** One char that is not a high surrogate. */
    private static void appendChar(StringBuilder out, char c) {
        if (c >= 0x20 && c != '"' && c != '\\') {
            out.append(Character.isLowSurrogate(c) ? '\uFFFD' : c); // a low half with no high half before it
            return;
        }
        out.append('\\');
        switch (c) {
            case '"':
            case '\\':
                out.append(c);
                break;
            case '\b':
                out.append('b');
                break;
            case '\f':
                out.append('f');
                break;
            case '\n':
                out.append('n');
                break;
            case '\r':
                out.append('r');
                break;
            case '\t':
                out.append('t');
                break;
            default:
                out.append('u').append('0').append('0').append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
        }
    }
}
