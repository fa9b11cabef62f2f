package dev.log4jpool.layout;

import java.nio.ByteBuffer;
import org.apache.logging.log4j.core.layout.ByteBufferDestination;

/**
 * Encodes JSON text (chars) to UTF-8 bytes straight into a {@link ByteBufferDestination}, draining
 * it whenever fewer than 4 bytes are free, in one pass with a fast loop for ASCII. A surrogate pair
 * becomes one 4-byte sequence; a lone surrogate (the {@link JsonWriter} never produces one, but the
 * encoder does not rely on that) becomes U+FFFD, so the output is always valid UTF-8. ASCII-only
 * text (the layout's mode for other ASCII-compatible charsets) encodes to the same bytes.
 *
 * <p>One per {@link EventScratch}; its scratch array is used only for destinations whose buffer has
 * no accessible array (direct buffers).
 */
final class Utf8Encoder {
    private final byte[] scratch = new byte[4096];

    /**
     * Writes {@code chars[0, length)}. Holds the destination's lock for the whole event, as Log4j's
     * own encoders do, so that lines of concurrent events never interleave.
     */
    void encode(char[] chars, int length, ByteBufferDestination destination) {
        synchronized (destination) {
            ByteBuffer buffer = destination.getByteBuffer();
            int position = 0;
            while (position < length) {
                if (buffer.remaining() < 4) {
                    buffer = destination.drain(buffer);
                    if (buffer.remaining() < 4) {
                        position = encodeOneSlowly(chars, position, length, buffer, destination);
                        buffer = destination.getByteBuffer();
                        continue;
                    }
                }
                long chunk;
                if (buffer.hasArray()) {
                    byte[] array = buffer.array();
                    int base = buffer.arrayOffset();
                    chunk = encodeChunk(chars, position, length, array, base + buffer.position(), base + buffer.limit());
                    buffer.position(targetEnd(chunk) - base);
                } else {
                    int room = Math.min(scratch.length, buffer.remaining());
                    chunk = encodeChunk(chars, position, length, scratch, 0, room);
                    buffer.put(scratch, 0, targetEnd(chunk));
                }
                position = sourceEnd(chunk);
            }
        }
    }

    /** The position in the source after a chunk: the high half of {@link #encodeChunk}'s result. */
    private static int sourceEnd(long chunk) {
        return (int) (chunk >>> 32);
    }

    /** The position in the target after a chunk: the low half of {@link #encodeChunk}'s result. */
    private static int targetEnd(long chunk) {
        return (int) chunk;
    }

    /**
     * Encodes from {@code chars[from]} while at least 4 bytes fit before {@code limit}; returns
     * {@code (source position << 32) | target position} after it.
     */
    private static long encodeChunk(char[] chars, int from, int length, byte[] target, int start, int limit) {
        int i = from;
        int p = start;
        int safeLimit = limit - 3;
        while (i < length && p < safeLimit) {
            char c = chars[i];
            if (c < 0x80) {
                // ASCII run: one byte per char, as far as both arrays allow.
                int runEnd = Math.min(length, i + (limit - p));
                target[p++] = (byte) c;
                i++;
                while (i < runEnd && (c = chars[i]) < 0x80) {
                    target[p++] = (byte) c;
                    i++;
                }
            } else if (c < 0x800) {
                target[p++] = (byte) (0xC0 | (c >> 6));
                target[p++] = (byte) (0x80 | (c & 0x3F));
                i++;
            } else if (Character.isSurrogate(c)) {
                if (Character.isHighSurrogate(c) && i + 1 < length && Character.isLowSurrogate(chars[i + 1])) {
                    int codePoint = Character.toCodePoint(c, chars[i + 1]);
                    target[p++] = (byte) (0xF0 | (codePoint >> 18));
                    target[p++] = (byte) (0x80 | ((codePoint >> 12) & 0x3F));
                    target[p++] = (byte) (0x80 | ((codePoint >> 6) & 0x3F));
                    target[p++] = (byte) (0x80 | (codePoint & 0x3F));
                    i += 2;
                } else {
                    p = replacement(target, p);
                    i++;
                }
            } else {
                target[p++] = (byte) (0xE0 | (c >> 12));
                target[p++] = (byte) (0x80 | ((c >> 6) & 0x3F));
                target[p++] = (byte) (0x80 | (c & 0x3F));
                i++;
            }
        }
        return ((long) i << 32) | p;
    }

    private static int replacement(byte[] target, int p) {
        target[p++] = (byte) 0xEF;
        target[p++] = (byte) 0xBF;
        target[p++] = (byte) 0xBD;
        return p;
    }

    /** For destinations whose buffer holds fewer than 4 bytes even when drained: byte by byte. */
    private int encodeOneSlowly(char[] chars, int position, int length, ByteBuffer buffer, ByteBufferDestination destination) {
        byte[] bytes = new byte[4];
        long chunk = encodeChunk(chars, position, Math.min(length, position + (Character.isHighSurrogate(chars[position]) ? 2 : 1)), bytes, 0, 4 + 3);
        ByteBuffer current = buffer;
        for (int b = 0, end = targetEnd(chunk); b < end; b++) {
            if (!current.hasRemaining()) {
                current = destination.drain(current);
            }
            current.put(bytes[b]);
        }
        return sourceEnd(chunk);
    }
}
