package dev.log4jpool.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.log4jpool.buffer.TextBuffer;
import java.nio.CharBuffer;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The codec's rules, each checked on every path: TextBuffer (String and other text), StringBuilder, constants. */
class JsonCodecTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static String intoBuffer(CharSequence text, boolean ascii) {
        JsonCodec codec = new JsonCodec();
        codec.setAsciiOnly(ascii);
        TextBuffer out = new TextBuffer(16);
        codec.escape(text, 0, text.length(), out);
        return out.toString();
    }

    private static String intoBuilder(CharSequence text, boolean ascii) {
        StringBuilder out = new StringBuilder();
        JsonCodec.escape(text, 0, text.length(), out, ascii);
        return out.toString();
    }

    /** Every path gives the same text, for a String and for other text. */
    private static String escaped(String text, boolean ascii) {
        String expected = intoBuffer(text, ascii);
        assertEquals(expected, intoBuffer(new StringBuilder(text), ascii), "StringBuilder into TextBuffer");
        assertEquals(expected, intoBuffer(CharBuffer.wrap(text), ascii), "other text into TextBuffer");
        assertEquals(expected, intoBuilder(text, ascii), "into StringBuilder");
        assertEquals(expected, new String(JsonCodec.escapeConstant(text, ascii)), "constant");
        return expected;
    }

    private static String decoded(String escaped) throws Exception {
        return JSON.readValue("\"" + escaped + "\"", String.class);
    }

    @Test
    void quotesBackslashesAndControlCharacters() throws Exception {
        assertEquals("a\\\"b\\\\c/", escaped("a\"b\\c/", false));
        assertEquals("\\b\\f\\n\\r\\t\\u0000\\u001f\u007f", escaped("\b\f\n\r\t\u0000\u001f\u007f", false));
        StringBuilder all = new StringBuilder();
        for (char c = 0; c < 0x80; c++) {
            all.append(c);
        }
        assertEquals(all.toString(), decoded(escaped(all.toString(), false)));
    }

    @Test
    void pairsAreKeptAndLoneSurrogatesBecomeReplacementChars() {
        assertEquals("😀", escaped("😀", false));
        assertEquals("a\uFFFDb\uFFFDc\uFFFD\uFFFDd\uFFFD", escaped("a\uD83Db\uDE00c\uDE00\uD83Dd\uD83D", false));
        assertEquals("\\ud83d\\ude00\\ufffd\\u00e9", escaped("😀\uD800é", true));
        assertEquals("k\uFFFD", JsonCodec.withoutLoneSurrogates("k\uD800"));
        assertEquals("\uFFFD\uFFFD😀", JsonCodec.withoutLoneSurrogates("\uDC00\uD800😀"));
        String clean = "no surrogates 😀";
        assertSame(clean, JsonCodec.withoutLoneSurrogates(clean), "no copy when there is nothing to replace");
    }

    @Test
    void asciiModeEscapesEverythingAboveAscii() {
        assertEquals("caf\\u00e9 \\u2028 \\u65e5", escaped("café \u2028 日", true));
        assertEquals("café \u2028 日", escaped("café \u2028 日", false));
    }

    @Test
    void eachCharHasOneTextSoEqualTextMeansEqualStrings() throws Exception {
        // What the layout's key registry relies on: decode(escape(x)) is x sanitised, for random text.
        Random random = new Random(42);
        for (int round = 0; round < 2000; round++) {
            char[] chars = new char[random.nextInt(12)];
            for (int i = 0; i < chars.length; i++) {
                int pick = random.nextInt(6);
                chars[i] = pick == 0 ? (char) random.nextInt(0x20) : pick == 1 ? (char) (0xD800 + random.nextInt(0x800))
                        : pick == 2 ? "\"\\/".charAt(random.nextInt(3)) : (char) random.nextInt(0x10000);
            }
            String text = new String(chars);
            for (boolean ascii : new boolean[] {false, true}) {
                assertEquals(JsonCodec.withoutLoneSurrogates(text), decoded(escaped(text, ascii)), text);
            }
        }
    }

    @Test
    void longStringsWithEscapesAnywhereAgreeWithOtherText() {
        // Strings are copied in bulk and then scanned; other text goes char by char: same output for
        // runs longer than one, escapes at any offset, sub-ranges, whole Strings, and a buffer that already holds text.
        Random random = new Random(7);
        for (int round = 0; round < 300; round++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(3 * JsonCodec.RUN);
            for (int i = 0; i < length; i++) {
                int pick = random.nextInt(40);
                text.append(pick == 0 ? '"' : pick == 1 ? '\n' : pick == 2 ? '\uD83D' : pick == 3 ? '\u00e9'
                        : (char) ('a' + random.nextInt(26)));
            }
            String string = text.toString();
            int start = length == 0 ? 0 : random.nextInt(length);
            int end = start + random.nextInt(length - start + 1);
            for (boolean ascii : new boolean[] {false, true}) {
                JsonCodec codec = new JsonCodec();
                codec.setAsciiOnly(ascii);
                TextBuffer fromString = new TextBuffer(4).append("head");
                codec.escape(string, start, end, fromString);
                TextBuffer fromOther = new TextBuffer(4).append("head");
                codec.escape(CharBuffer.wrap(string), start, end, fromOther);
                assertEquals(fromOther.toString(), fromString.toString(), "round " + round);
                // The whole String (one run when it has at most RUN chars: the short path).
                TextBuffer whole = new TextBuffer(4).append("head");
                codec.escape(string, 0, length, whole);
                TextBuffer wholeOther = new TextBuffer(4).append("head");
                codec.escape(CharBuffer.wrap(string), 0, length, wholeOther);
                assertEquals(wholeOther.toString(), whole.toString(), "round " + round + ", whole");
            }
        }
    }

    @Test
    void runsNeverSplitAPair() {
        for (int pad = JsonCodec.RUN - 4; pad < JsonCodec.RUN + 4; pad++) {
            String text = "x".repeat(pad) + "😀".repeat(4);
            assertEquals(text, escaped(text, false), "pad " + pad);
            char[] chars = text.toCharArray();
            TextBuffer out = new TextBuffer(16);
            new JsonCodec().escapeAll(chars, 0, chars.length, out);
            assertEquals(text, out.toString());
        }
    }

    @Test
    void theCutNeverSplitsAPair() {
        assertEquals(4, JsonCodec.cut("abcd😀", 0, 6, 5), "before the pair, not between its halves");
        assertEquals(6, JsonCodec.cut("abcd😀", 0, 6, 6));
        assertEquals(6, JsonCodec.cut("abcd😀", 0, 6, 100), "fits");
        assertEquals(3, JsonCodec.cut("abcd😀", 0, 6, 3));
        assertEquals(0, JsonCodec.cut("😀", 0, 2, 0));
        assertEquals(0, JsonCodec.cut("😀", 0, 2, 1));
        assertEquals(2, JsonCodec.cut("ab😀c", 1, 5, 1), "from an offset");
        assertEquals(4, JsonCodec.cut("ab😀c", 1, 5, 3), "from an offset, after the pair");
        assertEquals(2, JsonCodec.cut("ab😀c", 1, 5, 2), "from an offset, before the pair");
        char[] chars = "ab😀c".toCharArray();
        assertEquals(2, JsonCodec.cut(chars, 1, 5, 2));
        assertEquals(4, JsonCodec.cut(chars, 1, 5, 3));
    }

    @Test
    void unescapeInPlaceReturnsTheClosingQuoteAndTheEnd() {
        char[] chars = "x\"a\\n\\u00e9\\\"\\/b\" tail".toCharArray();
        long result = JsonCodec.unescape(chars, 2, chars.length);
        int closingQuote = (int) (result >>> 32);
        int end = (int) result;
        assertEquals("x\"a\\n\\u00e9\\\"\\/b\" tail".indexOf("\" tail"), closingQuote);
        assertEquals("a\né\"/b", new String(chars, 2, end - 2));
        for (String bad : new String[] {"abc", "a\\", "\\q\"", "\\u12\"", "\\u12g4\""}) {
            char[] badChars = bad.toCharArray();
            assertEquals(JsonCodec.MALFORMED, JsonCodec.unescape(badChars, 0, badChars.length), bad);
        }
    }

    @Test
    void unescapeUndoesEscape() {
        String text = "q\"b\\s/\b\f\n\r\t\u0001\u001f\u007f é 😀 ${x}";
        for (boolean ascii : new boolean[] {false, true}) {
            char[] chars = (escaped(text, ascii) + "\"").toCharArray();
            long result = JsonCodec.unescape(chars, 0, chars.length);
            assertEquals(text, new String(chars, 0, (int) result));
        }
    }

    @Test
    void configuredTextUnderstandsJavaEscapesAndKeepsTheRest() {
        assertEquals("\n", JsonCodec.unescapeConfigured("\\n"));
        assertEquals("\r\n\t\0\\", JsonCodec.unescapeConfigured("\\r\\n\\t\\0\\\\"));
        assertEquals("a\\xb\\", JsonCodec.unescapeConfigured("a\\xb\\"));
        assertEquals("", JsonCodec.unescapeConfigured(null));
        assertArrayEquals(new char[] {'\\', 'u', '0', '0', '4', '1'}, JsonCodec.unescapeConfigured("\\u0041").toCharArray(),
                "only Java's simple escapes, as before");
    }
}
