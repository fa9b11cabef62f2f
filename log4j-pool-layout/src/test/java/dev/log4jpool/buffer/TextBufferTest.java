package dev.log4jpool.buffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringWriter;
import java.io.Writer;
import java.nio.CharBuffer;
import org.junit.jupiter.api.Test;

class TextBufferTest {

    @Test
    void appendsEveryKindOfTextAndReturnsItself() {
        TextBuffer buffer = new TextBuffer(4);
        TextBuffer other = new TextBuffer(2).append("xy");
        assertSame(buffer, buffer.append('a'));
        assertSame(buffer, buffer.append("bc"));
        assertSame(buffer, buffer.append(new StringBuilder("de")));
        assertSame(buffer, buffer.append(CharBuffer.wrap("fg")));
        assertSame(buffer, buffer.append("0123456789", 2, 5));
        assertSame(buffer, buffer.append(other));
        assertSame(buffer, buffer.append(new StringBuilder("pqrs"), 1, 3));
        assertSame(buffer, buffer.append(new char[] {'1', '2', '3'}, 1, 2));
        assertEquals("abcdefg234xyqr23", buffer.toString());
        assertEquals(16, buffer.length());
    }

    @Test
    void appendsNullAsAppendableSays() {
        TextBuffer buffer = new TextBuffer(1);
        buffer.append((CharSequence) null).append((CharSequence) null, 1, 3);
        assertEquals("nullul", buffer.toString());
    }

    @Test
    void appendsItselfWhileGrowing() {
        TextBuffer buffer = new TextBuffer(3).append("abc");
        buffer.append(buffer);
        assertEquals("abcabc", buffer.toString());
    }

    @Test
    void rejectsRangesOutsideTheText() {
        TextBuffer buffer = new TextBuffer(8);
        assertThrows(IndexOutOfBoundsException.class, () -> buffer.append("abc", 2, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> buffer.append("abc", -1, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> buffer.append("abc", 0, 4));
        assertThrows(IndexOutOfBoundsException.class, () -> buffer.append(new char[2], 1, 2));
        assertThrows(IndexOutOfBoundsException.class, () -> buffer.charAt(0));
        assertEquals(0, buffer.length(), "a rejected append must leave the buffer as it was");
    }

    @Test
    void clearForgetsTheTextButKeepsTheCapacity() {
        TextBuffer buffer = new TextBuffer(2).append("a long text that grows the buffer");
        int grown = buffer.capacity();
        char[] array = buffer.array();
        buffer.clear();
        assertEquals(0, buffer.length());
        assertEquals(grown, buffer.capacity());
        assertSame(array, buffer.array(), "clear must not reallocate");
        assertEquals("", buffer.toString());
    }

    @Test
    void growsToTwiceTheCapacityOrWhatIsNeededIfMore() {
        TextBuffer buffer = new TextBuffer(10);
        buffer.append("12345678901");
        assertEquals(20, buffer.capacity(), "doubling covers a small overflow");
        buffer.append("x".repeat(100));
        assertEquals(111, buffer.capacity(), "a large append gets exactly what it needs");
        TextBuffer empty = new TextBuffer(0);
        empty.append('z');
        assertEquals(1, empty.capacity());
    }

    @Test
    void refusesToGrowPastTheArrayLimitWithAClearError() {
        TextBuffer buffer = new TextBuffer(4).append("abc");
        CharSequence huge = new CharSequence() {
            @Override
            public int length() {
                return Integer.MAX_VALUE;
            }

            @Override
            public char charAt(int index) {
                return 'x';
            }

            @Override
            public CharSequence subSequence(int start, int end) {
                throw new UnsupportedOperationException();
            }
        };
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> buffer.append(huge));
        assertTrue(e.getMessage().contains("cannot hold more than " + TextBuffer.MAX_CAPACITY), e.getMessage());
        assertEquals("abc", buffer.toString(), "the failed append left the text alone");
    }

    @Test
    void charAtLastCharAndSubSequenceReadTheUsedPart() {
        TextBuffer buffer = new TextBuffer(16);
        assertEquals(-1, buffer.lastChar());
        buffer.append("hello");
        assertEquals('e', buffer.charAt(1));
        assertEquals('o', buffer.lastChar());
        assertEquals("ell", buffer.subSequence(1, 4).toString());
        assertThrows(IndexOutOfBoundsException.class, () -> buffer.charAt(5));
        assertThrows(IndexOutOfBoundsException.class, () -> buffer.subSequence(2, 6));
        buffer.truncate(2);
        assertEquals("he", buffer.toString());
        assertThrows(IndexOutOfBoundsException.class, () -> buffer.truncate(3));
    }

    @Test
    void writeToWritesTheUsedPartInOneCall() throws Exception {
        TextBuffer buffer = new TextBuffer(64).append("one call");
        StringWriter target = new StringWriter();
        int[] calls = new int[1];
        Writer counting = new Writer() {
            @Override
            public void write(char[] chars, int offset, int length) {
                calls[0]++;
                target.write(chars, offset, length);
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        buffer.writeTo(counting);
        assertEquals("one call", target.toString());
        assertEquals(1, calls[0]);
    }

    @Test
    void closeOfABufferMadeWithNewDoesNothing() {
        TextBuffer buffer = new TextBuffer(8).append("kept");
        buffer.close();
        buffer.close();
        assertEquals("kept", buffer.toString());
    }

    @Test
    void rejectsANegativeInitialCapacity() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TextBuffer(-1));
        assertTrue(e.getMessage().contains("initialCapacity"), e.getMessage());
    }
}
