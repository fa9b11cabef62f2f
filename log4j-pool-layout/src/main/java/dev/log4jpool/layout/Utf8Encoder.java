package dev.log4jpool.layout;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.logging.log4j.core.layout.ByteBufferDestination;

/**
 * Encodes JSON text (chars) to UTF-8 bytes straight into a {@link ByteBufferDestination}, draining it
 * whenever it is full. A surrogate pair becomes one 4-byte sequence; a lone surrogate (the
 * {@link JsonWriter} never produces one, but the encoder does not rely on that) becomes U+FFFD, so
 * the output is always valid UTF-8. ASCII-only text (the layout's mode for other ASCII-compatible
 * charsets) encodes to the same bytes.
 *
 * <p>Why the JDK's {@link CharsetEncoder} and not a loop of ours: for array-backed buffers its ASCII
 * runs are a vectorised intrinsic. Measured on this project's machine (JDK 17, one 468-char JSON
 * line): 16 ns against 147 ns for a char-by-char loop; JDK 25: 24 ns against 190 ns. Events are
 * nearly all ASCII, and the pass was a sixth of an event's time.
 *
 * <p>One per {@link EventScratch}, which belongs to one {@code TextBuffer}: the {@link CharBuffer}
 * view of that buffer's array is made again only when the array grows, so steady state allocates
 * nothing.
 *
 * <p>Direct buffers (PooledFile's blocks) are filled through a heap staging array instead: into a
 * buffer without an array the JDK's encoder falls back to a {@code get}/{@code put} per char, which
 * made the encoding a third of a PooledFile event in a profile (and was slower than the loop it
 * replaced). Encoding into the array and copying the bytes over in bulk keeps the fast path.
 */
final class Utf8Encoder {
    private static final byte[] REPLACEMENT_CHARACTER = {(byte) 0xEF, (byte) 0xBF, (byte) 0xBD};
    /** The longest UTF-8 sequence of one code point. */
    private static final int MAX_BYTES_PER_CODE_POINT = 4;
    /** Bytes encoded at a time for a direct destination: most events fit in one pass. */
    static final int STAGING_BYTES = 8192;

    private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE)
            .replaceWith(REPLACEMENT_CHARACTER);
    /** One code point's bytes, for destinations too small to take one whole. */
    private final ByteBuffer codePointBytes = ByteBuffer.allocate(MAX_BYTES_PER_CODE_POINT);
    private char[] viewedArray;
    private CharBuffer view;
    /** Made on the first direct destination, kept with the scratch. */
    private ByteBuffer staging;

    /**
     * Writes {@code chars[0, length)}. Holds the destination's lock for the whole event, as Log4j's
     * own encoders do, so that lines of concurrent events never interleave.
     */
    void encode(char[] chars, int length, ByteBufferDestination destination) {
        CharBuffer source = viewOf(chars, length);
        synchronized (destination) {
            encoder.reset();
            ByteBuffer buffer = destination.getByteBuffer();
            if (!buffer.hasArray()) {
                encodeThroughStaging(source, buffer, destination);
                return;
            }
            while (source.hasRemaining()) {
                // endOfInput: a lone high surrogate at the end is replaced, not kept for more input.
                CoderResult result = encoder.encode(source, buffer, true);
                if (result.isOverflow()) {
                    buffer = destination.drain(buffer);
                    if (buffer.remaining() < MAX_BYTES_PER_CODE_POINT && source.hasRemaining()) {
                        buffer = encodeOneCodePointSlowly(source, buffer, destination);
                    }
                }
            }
        }
    }

    /** Encodes into the staging array, then copies its bytes into the destination, draining when full. */
    private void encodeThroughStaging(CharBuffer source, ByteBuffer destinationBuffer, ByteBufferDestination destination) {
        if (staging == null) {
            staging = ByteBuffer.allocate(STAGING_BYTES);
        }
        byte[] bytes = staging.array();
        ByteBuffer buffer = destinationBuffer;
        while (source.hasRemaining()) {
            staging.clear();
            encoder.encode(source, staging, true); // an overflow leaves the rest (never half a pair) for the next pass
            int length = staging.position();
            for (int copied = 0; copied < length; ) {
                if (!buffer.hasRemaining()) {
                    buffer = destination.drain(buffer);
                }
                int count = Math.min(length - copied, buffer.remaining());
                buffer.put(bytes, copied, count);
                copied += count;
            }
        }
    }

    private CharBuffer viewOf(char[] chars, int length) {
        if (chars != viewedArray) {
            view = CharBuffer.wrap(chars);
            viewedArray = chars;
        }
        view.limit(length).position(0);
        return view;
    }

    /**
     * For destinations whose buffer holds fewer than 4 bytes even when drained: encodes the next
     * code point into a scratch buffer and hands its bytes over one by one, draining between them.
     */
    private ByteBuffer encodeOneCodePointSlowly(CharBuffer source, ByteBuffer buffer, ByteBufferDestination destination) {
        int limit = source.limit();
        int position = source.position();
        boolean pair = Character.isHighSurrogate(source.get(position)) && position + 1 < limit
                && Character.isLowSurrogate(source.get(position + 1));
        source.limit(position + (pair ? 2 : 1));
        codePointBytes.clear();
        encoder.encode(source, codePointBytes, true);
        source.limit(limit);
        codePointBytes.flip();
        ByteBuffer current = buffer;
        while (codePointBytes.hasRemaining()) {
            if (!current.hasRemaining()) {
                current = destination.drain(current);
            }
            current.put(codePointBytes.get());
        }
        return current;
    }
}
