package dev.log4jpool.layout;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The encoder on its own: text the layout never hands it (lone surrogates) and every destination
 * size, checked against the JDK's {@code String.getBytes(UTF_8)} of the same text with each lone
 * surrogate replaced by U+FFFD.
 */
class Utf8EncoderTest {
    private static final String[] TEXTS = {
        "",
        "plain ascii {\"k\":1}\n",
        "é ü ß – ✓ 中文 😀 𝄞",
        "lone high \uD800 then text",
        "lone low \uDC00 then text",
        "high then high \uD83D\uD83D\uDE00",
        "ends on a lone high \uD83D",
        "\uDE00 starts on a lone low",
        "x".repeat(5000) + "😀" + "é".repeat(3000),
        // Around the staging array's end (direct destinations): a pair, a 2-byte char and a lone
        // surrogate each where only part of their bytes would fit, and text of several passes.
        "x".repeat(Utf8Encoder.STAGING_BYTES - 1) + "😀y",
        "x".repeat(Utf8Encoder.STAGING_BYTES - 2) + "😀y",
        "x".repeat(Utf8Encoder.STAGING_BYTES - 1) + "éy",
        "x".repeat(Utf8Encoder.STAGING_BYTES - 1) + "\uD800y",
        "x".repeat(Utf8Encoder.STAGING_BYTES - 1) + "\uD800",
        "中😀é\uDC00".repeat(5000),
    };

    @Test
    void encodesLikeTheJdkWithLoneSurrogatesReplaced() {
        Utf8Encoder encoder = new Utf8Encoder();
        for (String text : TEXTS) {
            byte[] expected = replaceLoneSurrogates(text).getBytes(StandardCharsets.UTF_8);
            for (ByteBuffer buffer : new ByteBuffer[] {ByteBuffer.allocate(1), ByteBuffer.allocate(3),
                    ByteBuffer.allocate(4), ByteBuffer.allocate(7), ByteBuffer.allocateDirect(1), ByteBuffer.allocateDirect(3),
                    ByteBuffer.allocateDirect(5), ByteBuffer.allocateDirect(8192), ByteBuffer.allocateDirect(64 * 1024),
                    ByteBuffer.allocate(64 * 1024)}) {
                CapturingDestination destination = new CapturingDestination(buffer);
                char[] chars = text.toCharArray();
                encoder.encode(chars, chars.length, destination);
                assertArrayEquals(expected, destination.bytes(), "\"" + text.substring(0, Math.min(40, text.length()))
                        + "\" through " + buffer);
            }
        }
    }

    @Test
    void encodesOnlyTheGivenLengthAndFollowsAGrownArray() {
        Utf8Encoder encoder = new Utf8Encoder();
        char[] small = "abc😀def".toCharArray();
        CapturingDestination first = new CapturingDestination();
        encoder.encode(small, 3, first);
        assertEquals("abc", first.text());
        char[] larger = "0123456789é".toCharArray();
        CapturingDestination second = new CapturingDestination();
        encoder.encode(larger, larger.length, second);
        assertEquals("0123456789é", second.text());
        CapturingDestination third = new CapturingDestination();
        encoder.encode(small, small.length, third);
        assertEquals("abc😀def", third.text());
    }

    private static String replaceLoneSurrogates(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                out.append(c).append(text.charAt(++i));
            } else {
                out.append(Character.isSurrogate(c) ? '\uFFFD' : c);
            }
        }
        return out.toString();
    }
}
