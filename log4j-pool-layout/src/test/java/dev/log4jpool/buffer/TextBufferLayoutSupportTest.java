package dev.log4jpool.buffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** The two methods the layout added to TextBuffer: bulk writes through setLength, and the attachment. */
class TextBufferLayoutSupportTest {
    @Test
    void setLengthCommitsCharsWrittenIntoTheArray() {
        TextBuffer buffer = new TextBuffer(4);
        buffer.append("ab");
        buffer.ensureCapacityFor(3);
        char[] array = buffer.array();
        array[2] = 'c';
        array[3] = 'd';
        array[4] = 'e';
        buffer.setLength(5);
        assertEquals("abcde", buffer.toString());
        assertThrows(IndexOutOfBoundsException.class, () -> buffer.setLength(buffer.capacity() + 1));
        assertThrows(IndexOutOfBoundsException.class, () -> buffer.setLength(-1));
    }

    @Test
    void theAttachmentTravelsWithTheBufferThroughThePool() {
        BufferPool pool = BufferPool.newBuilder().setName("attachment-test").setBufferSize(16).setMaxRetainedSize(32)
                .setThreadLocalEnabled(true).build();
        Object state = new Object();
        TextBuffer buffer = pool.acquire();
        buffer.setAttachment(state);
        buffer.append("x".repeat(100)); // grows past maxRetainedSize: shrunk on release
        pool.release(buffer);
        TextBuffer again = pool.acquire();
        assertSame(buffer, again);
        assertSame(state, again.getAttachment());
        assertEquals(16, again.capacity());
        pool.release(again);
    }
}
