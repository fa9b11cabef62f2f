package dev.log4jpool.layout;

import java.util.Locale;

/**
 * Upper- or lower-cases text exactly as {@code String.toUpperCase(locale)} /
 * {@code toLowerCase(locale)} do, into a reused {@code StringBuilder} instead of a new String, char
 * by char where that gives the same result, and through the JDK's String method where it does not.
 *
 * <p>Char by char is exact when the language is not one with its own casing rules in the JDK
 * (Turkish, Azerbaijani, Lithuanian) and every char maps to one char on its own. The chars that do
 * not (upper: {@code ß} becomes {@code SS}, ligatures expand; lower: {@code İ} becomes two chars,
 * and {@code Σ}, whose lower case depends on its neighbours) are found once, by asking the running
 * JDK about every char of the Basic Multilingual Plane, so the table follows the JDK's Unicode
 * version. Code points beyond the BMP have no such special cases in the JDK: they go through
 * {@code Character.toUpperCase(int)}/{@code toLowerCase(int)}, as the JDK's String methods do.
 *
 * <p>Immutable; the tables are built on first use of the class (65,536 one-char conversions, a few
 * milliseconds once).
 */
final class CaseConversion {
    private final boolean upper;
    private final Locale locale;
    /** Turkish, Azerbaijani or Lithuanian: the JDK applies locale rules; every string goes through it. */
    private final boolean localeRules;

    CaseConversion(boolean upper, Locale locale) {
        this.upper = upper;
        this.locale = locale;
        String language = locale.getLanguage();
        this.localeRules = "tr".equals(language) || "az".equals(language) || "lt".equals(language);
    }

    /**
     * Appends {@code chars[from, to)} converted to {@code target}. Returns whether that took no
     * allocation: {@code false} when the text needed the JDK's String method.
     */
    boolean convert(char[] chars, int from, int to, StringBuilder target) {
        if (!localeRules && convertByChar(chars, from, to, target)) {
            return true;
        }
        String text = new String(chars, from, to - from);
        target.append(upper ? text.toUpperCase(locale) : text.toLowerCase(locale));
        return false;
    }

    /** Converts into {@code target}; on a char that needs the JDK, undoes what it appended and returns false. */
    private boolean convertByChar(char[] chars, int from, int to, StringBuilder target) {
        int start = target.length();
        long[] special = upper ? Tables.SPECIAL_UPPER : Tables.SPECIAL_LOWER;
        for (int i = from; i < to; i++) {
            char c = chars[i];
            if (c < 0x80) {
                target.append(upper ? asciiUpper(c) : asciiLower(c));
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(chars[i + 1])) {
                int codePoint = Character.toCodePoint(c, chars[++i]);
                target.appendCodePoint(upper ? Character.toUpperCase(codePoint) : Character.toLowerCase(codePoint));
            } else if ((special[c >>> 6] & (1L << c)) != 0) {
                target.setLength(start);
                return false;
            } else {
                target.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
            }
        }
        return true;
    }

    private static char asciiUpper(char c) {
        return c >= 'a' && c <= 'z' ? (char) (c - 32) : c;
    }

    private static char asciiLower(char c) {
        return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
    }

    /** The BMP chars the JDK does not convert to their {@code Character} mapping alone, as bit sets. */
    private static final class Tables {
        static final long[] SPECIAL_UPPER = new long[1024];
        static final long[] SPECIAL_LOWER = new long[1024];

        static {
            for (int c = 0x80; c <= 0xFFFF; c++) {
                char ch = (char) c;
                if (Character.isSurrogate(ch)) {
                    continue; // handled as pairs (a lone one maps to itself either way)
                }
                String one = String.valueOf(ch);
                if (!one.toUpperCase(Locale.ROOT).equals(String.valueOf(Character.toUpperCase(ch)))) {
                    SPECIAL_UPPER[c >>> 6] |= 1L << c;
                }
                if (!one.toLowerCase(Locale.ROOT).equals(String.valueOf(Character.toLowerCase(ch)))) {
                    SPECIAL_LOWER[c >>> 6] |= 1L << c;
                }
            }
            // capital sigma: final or not depends on the letters around it, so never alone
            SPECIAL_LOWER['\u03A3' >>> 6] |= 1L << '\u03A3';
        }
    }
}
