package dev.log4jpool.layout;

import dev.log4jpool.internal.JsonCodec;
import dev.log4jpool.message.StructuredMessage;
import java.util.Arrays;
import org.apache.logging.log4j.core.impl.MementoMessage;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.ReusableMessage;
import org.apache.logging.log4j.util.StringBuilderFormattable;

/**
 * The readable text of a {@link StructuredMessage} as it reaches the layout, taken apart: the
 * message part and the members of the JSON object that ends it ({@code order placed
 * {"orderId":42,"express":true}}). Whatever carries the text (the message itself, Log4j's
 * {@code MutableLogEvent} or ring event, a copy of either) is recognised by
 * {@code getFormat() == StructuredMessage.FORMAT}.
 *
 * <p>The text is copied into an array this object owns and decoded there, in place: string keys
 * and values are unescaped by {@link JsonCodec#unescape} (the layout escapes them again with its own settings: truncation, ASCII
 * mode), numbers and literals are kept as they are. Finding the object: it is the last thing in
 * the text and well formed, so going backward from the final {@code '}'}, the first {@code '{'}
 * that closes the nesting, outside strings, is its start (a quote delimits a string when an even
 * number of backslashes precedes it). The message part may contain anything, braces included.
 * Text that does not have this shape (only possible for a message forged with the format) is not
 * taken apart: the layout writes it whole, as the message.
 *
 * <p>One per {@link EventScratch}; allocation-free once its arrays have grown to fit.
 */
final class StructuredText {
    /** The text array is replaced after an event that grew it past this many chars. */
    private static final int MAX_RETAINED_CHARS = 16 * 1024;
    /** The member arrays are replaced after an event with more members than this. */
    private static final int MAX_RETAINED_MEMBERS = 256;

    private char[] chars = new char[256];
    private boolean active;
    /** End of the message part, or -1 when the message is {@code null} (the text is only the object). */
    private int messageEnd;
    private int count;
    private KeySlice[] keys = new KeySlice[8];
    private int[] valueStart = new int[8];
    /** Decoded length of a string value; for a raw token (number, literal) -1 - its length. */
    private int[] valueLength = new int[8];

    /** Recognises and takes apart {@code message}; {@link #active()} tells whether it was structured. */
    @SuppressWarnings("deprecation") // getFormat(): Log4j's events copy it from a reusable message, our only marker
    void read(Message message, StringBuilder scratch) {
        active = false;
        count = 0;
        boolean structured;
        if (message instanceof StructuredMessage) {
            structured = true;
        } else if (message instanceof ReusableMessage || message instanceof MementoMessage) {
            // Only these are asked: on an arbitrary message getFormat() may format (and allocate).
            structured = message.getFormat() == StructuredMessage.FORMAT;
        } else {
            structured = false;
        }
        if (!structured || !(message instanceof StringBuilderFormattable)) {
            return;
        }
        scratch.setLength(0);
        ((StringBuilderFormattable) message).formatTo(scratch);
        int length = scratch.length();
        if (chars.length < length) {
            chars = new char[Math.max(length, chars.length * 2)];
        }
        scratch.getChars(0, length, chars, 0);
        scratch.setLength(0);
        active = parse(length);
        if (!active) {
            count = 0;
        }
    }

    boolean active() {
        return active;
    }

    /** The decoded text; see {@link #messageEnd()} and the member accessors. */
    char[] chars() {
        return chars;
    }

    /** Where the message part ends (it starts at 0), or -1 for a {@code null} message. */
    int messageEnd() {
        return messageEnd;
    }

    int memberCount() {
        return count;
    }

    /** The decoded key of member {@code i}, valid until the next {@link #read}. */
    CharSequence key(int i) {
        return keys[i];
    }

    /** Whether member {@code i} is a string (else a number or a literal, to copy as it is). */
    boolean isString(int i) {
        return valueLength[i] >= 0;
    }

    int valueStart(int i) {
        return valueStart[i];
    }

    int valueLength(int i) {
        int length = valueLength[i];
        return length >= 0 ? length : -1 - length;
    }

    /** Forgets the event; trims an array that one huge message grew. */
    void end() {
        active = false;
        count = 0;
        if (chars.length > MAX_RETAINED_CHARS) {
            chars = new char[256];
        }
        if (keys.length > MAX_RETAINED_MEMBERS) {
            keys = new KeySlice[8];
            valueStart = new int[8];
            valueLength = new int[8];
        }
    }

    // ---- parsing ----

    private boolean parse(int length) {
        int last = length - 1;
        if (last < 1 || chars[last] != '}') {
            return false;
        }
        int start = objectStart(last);
        if (start < 0) {
            return false;
        }
        if (start == 0) {
            messageEnd = -1;
        } else if (chars[start - 1] == ' ') {
            messageEnd = start - 1;
        } else {
            return false;
        }
        int p = start + 1;
        if (p == last) {
            return true; // {}
        }
        while (true) {
            if (chars[p] != '"') {
                return false;
            }
            int keyStart = p + 1;
            long key = JsonCodec.unescape(chars, keyStart, last);
            if (key == JsonCodec.MALFORMED) {
                return false;
            }
            int keyEnd = (int) key;
            p = (int) (key >>> 32); // the closing quote
            if (p + 1 >= last || chars[p + 1] != ':') {
                return false;
            }
            p += 2;
            int member = addMember(keyStart, keyEnd - keyStart);
            if (chars[p] == '"') {
                long value = JsonCodec.unescape(chars, p + 1, last);
                if (value == JsonCodec.MALFORMED) {
                    return false;
                }
                valueStart[member] = p + 1;
                valueLength[member] = (int) value - (p + 1);
                p = (int) (value >>> 32) + 1;
            } else {
                int tokenStart = p;
                while (p < last && chars[p] != ',') {
                    if (!isTokenChar(chars[p])) {
                        return false;
                    }
                    p++;
                }
                if (p == tokenStart) {
                    return false;
                }
                valueStart[member] = tokenStart;
                valueLength[member] = -1 - (p - tokenStart);
            }
            if (p == last) {
                return true;
            }
            if (chars[p] != ',' || p + 1 >= last) {
                return false;
            }
            p++;
        }
    }

    /** Digits, signs, '.', exponents, and the letters of true, false and null. */
    private static boolean isTokenChar(char c) {
        return (c >= '0' && c <= '9') || c == '-' || c == '+' || c == '.' || c == 'e' || c == 'E'
                || c == 't' || c == 'r' || c == 'u' || c == 'f' || c == 'a' || c == 'l' || c == 's' || c == 'n';
    }

    /** The start of the object that ends at {@code last}, or -1. */
    private int objectStart(int last) {
        int depth = 0;
        boolean inString = false;
        for (int i = last; i >= 0; i--) {
            char c = chars[i];
            if (c == '"') {
                int backslashes = 0;
                for (int j = i - 1; j >= 0 && chars[j] == '\\'; j--) {
                    backslashes++;
                }
                if ((backslashes & 1) == 0) {
                    inString = !inString;
                }
            } else if (!inString) {
                if (c == '}') {
                    depth++;
                } else if (c == '{' && --depth == 0) {
                    return i;
                }
            }
        }
        return -1;
    }

    private int addMember(int keyStart, int keyLength) {
        if (count == keys.length) {
            keys = Arrays.copyOf(keys, count * 2);
            valueStart = Arrays.copyOf(valueStart, count * 2);
            valueLength = Arrays.copyOf(valueLength, count * 2);
        }
        KeySlice key = keys[count];
        if (key == null) {
            key = new KeySlice();
            keys[count] = key;
        }
        key.set(chars, keyStart, keyLength);
        return count++;
    }

    /**
     * A key of the current text, as a {@code CharSequence} the layout's key registry can hold for
     * the rest of the object without a String being made. Reused from event to event.
     */
    static final class KeySlice implements CharSequence {
        private char[] array;
        private int start;
        private int length;

        void set(char[] source, int from, int count) {
            array = source;
            start = from;
            length = count;
        }

        @Override
        public int length() {
            return length;
        }

        @Override
        public char charAt(int index) {
            if (index < 0 || index >= length) {
                throw new IndexOutOfBoundsException(index);
            }
            return array[start + index];
        }

        @Override
        public CharSequence subSequence(int from, int to) {
            return toString().subSequence(from, to);
        }

        @Override
        public String toString() {
            return new String(array, start, length);
        }
    }
}
