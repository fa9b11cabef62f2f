package dev.log4jpool.layout;

import java.util.Locale;

/**
 * Upper- or lower-cases text exactly as {@code String.toUpperCase(locale)} /
 * {@code toLowerCase(locale)} do, into a reused {@code StringBuilder} instead of a new String: char
 * by char where that gives the same result, through the JDK's String method where it does not.
 *
 * <p>Char by char is exact when the language is not one with its own casing rules in the JDK
 * (Turkish, Azerbaijani, Lithuanian): then every char's case mapping is fixed, one char or a few
 * ({@code ß} upper-cases to {@code SS}, {@code İ} lower-cases to {@code i} and a combining dot),
 * except capital sigma, whose lower case depends on the letters around it. The mappings of more
 * than one char are read once from the running JDK, by converting every char of the Basic
 * Multilingual Plane alone, so they follow the JDK's Unicode version. Code points beyond the BMP
 * map to one code point ({@code Character.toUpperCase(int)}/{@code toLowerCase(int)}), as the
 * JDK's String methods map them.
 *
 * <p>So the JDK's String methods (two Strings per conversion) are needed only for a Turkish,
 * Azerbaijani or Lithuanian locale, and for lower-casing text with a capital sigma.
 *
 * <p>Immutable; the tables are built on first use of the class (65,536 one-char conversions each
 * way, milliseconds, once).
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
        Mappings mappings = upper ? Mappings.UPPER : Mappings.LOWER;
        for (int i = from; i < to; i++) {
            char c = chars[i];
            if (c < 0x80) {
                target.append(upper ? asciiUpper(c) : asciiLower(c));
            } else if (Character.isHighSurrogate(c) && i + 1 < to && Character.isLowSurrogate(chars[i + 1])) {
                int codePoint = Character.toCodePoint(c, chars[++i]);
                target.appendCodePoint(upper ? Character.toUpperCase(codePoint) : Character.toLowerCase(codePoint));
            } else if (!mappings.isSpecial(c)) {
                target.append(upper ? Character.toUpperCase(c) : Character.toLowerCase(c));
            } else {
                char[] expansion = mappings.expansion(c);
                if (expansion == null) {
                    target.setLength(start);
                    return false;
                }
                target.append(expansion);
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

    /**
     * One direction's BMP chars whose String conversion is not their {@code Character} mapping: a
     * bit set to tell them quickly, and each one's conversion, sorted by char ({@code null}: depends
     * on its neighbours, the JDK must convert the whole text).
     */
    private static final class Mappings {
        static final Mappings UPPER = new Mappings(true);
        static final Mappings LOWER = new Mappings(false);

        private final long[] special = new long[1024];
        private final char[] chars;
        private final char[][] expansions;

        private Mappings(boolean upper) {
            StringBuilder found = new StringBuilder();
            java.util.List<char[]> converted = new java.util.ArrayList<>();
            for (int c = 0x80; c <= 0xFFFF; c++) {
                char ch = (char) c;
                if (Character.isSurrogate(ch)) {
                    continue; // handled as pairs (a lone one maps to itself either way)
                }
                String one = String.valueOf(ch);
                String jdk = upper ? one.toUpperCase(Locale.ROOT) : one.toLowerCase(Locale.ROOT);
                boolean contextual = !upper && ch == '\u03A3'; // capital sigma: final or not, by its neighbours
                if (contextual || !jdk.equals(String.valueOf(upper ? Character.toUpperCase(ch) : Character.toLowerCase(ch)))) {
                    special[c >>> 6] |= 1L << c;
                    found.append(ch);
                    converted.add(contextual ? null : jdk.toCharArray());
                }
            }
            chars = found.toString().toCharArray();
            expansions = converted.toArray(new char[0][]);
        }

        boolean isSpecial(char c) {
            return (special[c >>> 6] & (1L << c)) != 0;
        }

        char[] expansion(char c) {
            return expansions[java.util.Arrays.binarySearch(chars, c)];
        }
    }
}
