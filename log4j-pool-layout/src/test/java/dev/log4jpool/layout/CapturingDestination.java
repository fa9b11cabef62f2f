package dev.log4jpool.layout;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.core.layout.ByteBufferDestination;

/**
 * A {@link ByteBufferDestination} that keeps every byte, with a buffer small enough (by default) to
 * make the layout drain in the middle of events. Decodes strictly: invalid UTF-8 fails the test.
 */
final class CapturingDestination implements ByteBufferDestination {
    private ByteBuffer buffer;
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int drains;

    CapturingDestination() {
        this(ByteBuffer.allocate(64));
    }

    CapturingDestination(ByteBuffer buffer) {
        this.buffer = buffer;
    }

    @Override
    public ByteBuffer getByteBuffer() {
        return buffer;
    }

    @Override
    public ByteBuffer drain(ByteBuffer full) {
        full.flip();
        while (full.hasRemaining()) {
            bytes.write(full.get());
        }
        full.clear();
        drains++;
        return full;
    }

    @Override
    public void writeBytes(ByteBuffer data) {
        while (data.hasRemaining()) {
            bytes.write(data.get());
        }
    }

    @Override
    public void writeBytes(byte[] data, int offset, int length) {
        bytes.write(data, offset, length);
    }

    byte[] bytes() {
        drain(buffer);
        return bytes.toByteArray();
    }

    /** The text, decoded with {@code charset}, refusing malformed input. */
    String text(Charset charset) {
        try {
            return charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes()))
                    .toString();
        } catch (CharacterCodingException e) {
            throw new AssertionError("output is not valid " + charset, e);
        }
    }

    String text() {
        return text(StandardCharsets.UTF_8);
    }

    /** The lines, each without its {@code \n}; the output must end with one. */
    List<String> lines() {
        String text = text();
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new AssertionError("output does not end with a newline: " + text);
        }
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                lines.add(text.substring(start, i));
                start = i + 1;
            }
        }
        return lines;
    }
}
