package dev.log4jpool.buffer;

import java.io.IOException;
import java.io.Writer;

/**
 * A growable run of characters: a {@code char[]} and a length, reused from event to event.
 *
 * <p>It is what {@link BufferPool} hands out. {@link #clear()} forgets the contents in O(1) and keeps
 * the capacity, so a buffer that has grown to fit the largest message seen so far formats the next
 * one without allocating. Bulk appends copy in bulk ({@link String#getChars},
 * {@link StringBuilder#getChars}, {@link System#arraycopy}).
 *
 * <p>A buffer from a pool is returned with {@link #close()}, so the idiom is
 * <pre>{@code
 * try (TextBuffer buffer = pool.acquire()) {
 *     buffer.append("order ").append(orderId);
 *     writer.write(buffer);
 * }
 * }</pre>
 * A buffer made with {@code new} belongs to no pool and {@code close()} does nothing.
 *
 * <p>Not thread-safe: one thread at a time holds a buffer, which is what the pool guarantees between
 * {@code acquire()} and {@code release()}.
 */
public final class TextBuffer implements CharSequence, Appendable, AutoCloseable {
    /** The largest array the JVMs we run on will allocate; larger requests fail with a clear error. */
    static final int MAX_CAPACITY = Integer.MAX_VALUE - 8;

    private char[] chars;
    private int length;

    /** The pool this buffer returns to, or {@code null} for a buffer made with {@code new}. */
    final BufferPool pool;
    /** Capacity the buffer is given back when it grew past the pool's retained size. */
    final int initialCapacity;
    /**
     * {@code true} between acquire and release. Written only by the holder (plain field: the pool's
     * ring orders the hand-over between threads), read by release to refuse a second release.
     */
    boolean leased;
    /**
     * Whatever a user of the pool wants to keep with this buffer across leases (a layout keeps its
     * scratch state here, so that the state travels with the buffer through every tier of the pool
     * instead of needing a {@code ThreadLocal} of its own). The pool never reads it.
     */
    private Object attachment;

    /** Makes a buffer that belongs to no pool. */
    public TextBuffer(int initialCapacity) {
        this(initialCapacity, null);
    }

    TextBuffer(int initialCapacity, BufferPool pool) {
        if (initialCapacity < 0 || initialCapacity > MAX_CAPACITY) {
            throw new IllegalArgumentException(
                    "initialCapacity must be between 0 and " + MAX_CAPACITY + ", was " + initialCapacity);
        }
        this.chars = new char[initialCapacity];
        this.initialCapacity = initialCapacity;
        this.pool = pool;
    }

    @Override
    public TextBuffer append(char c) {
        int newLength = length + 1;
        if (newLength > chars.length) {
            grow(1);
        }
        chars[length] = c;
        length = newLength;
        return this;
    }

    /** Appends the text, or {@code "null"} for {@code null}, as {@link Appendable} requires. */
    @Override
    public TextBuffer append(CharSequence text) {
        if (text == null) {
            return append("null", 0, 4);
        }
        return append(text, 0, text.length());
    }

    /** Appends {@code text[start, end)}; {@code null} appends that range of {@code "null"}. */
    @Override
    public TextBuffer append(CharSequence text, int start, int end) {
        CharSequence source = text == null ? "null" : text;
        if (start < 0 || end < start || end > source.length()) {
            throw new IndexOutOfBoundsException(
                    "start " + start + ", end " + end + ", length " + source.length());
        }
        int count = end - start;
        ensureCapacityFor(count);
        if (source instanceof String) {
            ((String) source).getChars(start, end, chars, length);
        } else if (source instanceof TextBuffer) {
            System.arraycopy(((TextBuffer) source).chars, start, chars, length, count);
        } else if (source instanceof StringBuilder) {
            ((StringBuilder) source).getChars(start, end, chars, length);
        } else {
            for (int i = 0; i < count; i++) {
                chars[length + i] = source.charAt(start + i);
            }
        }
        length += count;
        return this;
    }

    /** Appends the whole contents of another buffer. */
    public TextBuffer append(TextBuffer other) {
        return append(other, 0, other.length);
    }

    /** Appends {@code source[offset, offset + count)}. */
    public TextBuffer append(char[] source, int offset, int count) {
        if (offset < 0 || count < 0 || count > source.length - offset) {
            throw new IndexOutOfBoundsException(
                    "offset " + offset + ", count " + count + ", length " + source.length);
        }
        ensureCapacityFor(count);
        System.arraycopy(source, offset, chars, length, count);
        length += count;
        return this;
    }

    /** Forgets the contents in O(1); the capacity stays. */
    public void clear() {
        length = 0;
    }

    @Override
    public int length() {
        return length;
    }

    /** How many characters fit before the buffer must grow. */
    public int capacity() {
        return chars.length;
    }

    @Override
    public char charAt(int index) {
        if (index < 0 || index >= length) {
            throw new IndexOutOfBoundsException("index " + index + ", length " + length);
        }
        return chars[index];
    }

    /** The last character, or -1 when the buffer is empty. */
    public int lastChar() {
        return length == 0 ? -1 : chars[length - 1];
    }

    /**
     * Cuts the contents to {@code newLength} characters.
     *
     * @throws IndexOutOfBoundsException when {@code newLength} is negative or beyond the length
     */
    public void truncate(int newLength) {
        if (newLength < 0 || newLength > length) {
            throw new IndexOutOfBoundsException("newLength " + newLength + ", length " + length);
        }
        length = newLength;
    }

    /**
     * The backing array, for encoders that read the characters in bulk. Only
     * {@code array()[0, length())} is meaningful, and only until the next append, which may replace
     * the array.
     */
    public char[] array() {
        return chars;
    }

    /**
     * Sets the length to {@code newLength}, which may be longer than the current length, for writers
     * that fill {@link #array()} in bulk after {@link #ensureCapacityFor(int)}: one capacity check per
     * run of characters instead of one per character. Characters beyond the old length are whatever
     * the writer put there.
     *
     * @throws IndexOutOfBoundsException when {@code newLength} is negative or beyond the capacity
     */
    public void setLength(int newLength) {
        if (newLength < 0 || newLength > chars.length) {
            throw new IndexOutOfBoundsException("newLength " + newLength + ", capacity " + chars.length);
        }
        length = newLength;
    }

    /** The object last given to {@link #setAttachment(Object)}, or {@code null}; kept across leases. */
    public Object getAttachment() {
        return attachment;
    }

    /**
     * Keeps {@code attachment} with this buffer across leases and tiers of its pool; it is dropped
     * only with the buffer. Meant for scratch state that must not allocate per use.
     */
    public void setAttachment(Object attachment) {
        this.attachment = attachment;
    }

    /** Makes room for {@code count} more characters, growing once instead of on every append. */
    public void ensureCapacityFor(int count) {
        if (count > chars.length - length) {
            grow(count);
        }
    }

    /** Writes the used part to {@code writer} in one call. */
    public void writeTo(Writer writer) throws IOException {
        writer.write(chars, 0, length);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        if (start < 0 || end < start || end > length) {
            throw new IndexOutOfBoundsException("start " + start + ", end " + end + ", length " + length);
        }
        return new String(chars, start, end - start);
    }

    @Override
    public String toString() {
        return new String(chars, 0, length);
    }

    /**
     * Returns this buffer to the pool it came from; does nothing for a buffer made with {@code new}.
     *
     * @throws IllegalStateException when the buffer was already released
     */
    @Override
    public void close() {
        if (pool != null) {
            pool.release(this);
        }
    }

    /** Gives the buffer back its first capacity; the pool calls it on buffers that grew too much. */
    void shrinkToInitialCapacity() {
        chars = new char[initialCapacity];
        length = 0;
    }

    private void grow(int extra) {
        if (extra > MAX_CAPACITY - length) {
            throw new IllegalStateException("TextBuffer cannot hold more than " + MAX_CAPACITY
                    + " chars: it holds " + length + " and " + extra + " more were appended");
        }
        int needed = length + extra;
        // Doubling keeps appends amortised O(1); the long arithmetic cannot overflow.
        int doubled = (int) Math.min((long) chars.length * 2, MAX_CAPACITY);
        char[] larger = new char[Math.max(needed, doubled)];
        System.arraycopy(chars, 0, larger, 0, length);
        chars = larger;
    }
}
