package dev.log4jpool.layout;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.apache.logging.log4j.core.Appender;
import org.apache.logging.log4j.core.Core;
import org.apache.logging.log4j.core.Layout;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;
import org.apache.logging.log4j.core.config.plugins.Plugin;
import org.apache.logging.log4j.core.config.plugins.PluginAttribute;
import org.apache.logging.log4j.core.config.plugins.PluginElement;
import org.apache.logging.log4j.core.config.plugins.PluginFactory;
import org.apache.logging.log4j.core.layout.ByteBufferDestination;

/**
 * A test appender that encodes every event into its own byte buffer and checks, without allocating,
 * that the line is the typed event {@link AsyncLoggerGarbageFreeIT} logged next: {@code "orderId":}
 * the next sequence number (one producer, one ring: order is kept), {@code "amount":} seq / 2 as a
 * JSON number, {@code "express":} a literal true for even seq, {@code "items":} seq &amp; 15,
 * {@code "customer":} a string with an escaped quote. It keeps the first lines as text, for a
 * Jackson check, and copies a line only when it is wrong. Called by one thread (Log4j's async
 * logger thread); counters are volatile for the test thread to read.
 */
@Plugin(name = "TypedEventCheck", category = Core.CATEGORY_NAME, elementType = Appender.ELEMENT_TYPE)
public final class TypedEventCheckAppender extends AbstractAppender implements ByteBufferDestination {
    static final int KEPT_LINES = 2_000;
    private static final Map<String, TypedEventCheckAppender> BY_NAME = new ConcurrentHashMap<>();
    private static final byte[] ORDER_ID = bytes("\"message\":\"order placed\",\"orderId\":");
    private static final byte[] AMOUNT = bytes(",\"amount\":");
    private static final byte[] EXPRESS_TRUE = bytes(",\"express\":true,\"customer\":\"al\\\"ice\",\"items\":");
    private static final byte[] EXPRESS_FALSE = bytes(",\"express\":false,\"customer\":\"al\\\"ice\",\"items\":");

    private final ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
    private final List<String> kept = new ArrayList<>(KEPT_LINES);
    private volatile long checked;
    private volatile long wrong;
    private volatile String firstWrong;
    /** Events that found the ring full when they were written (so the producer was waiting). */
    private volatile long sawFullRing;
    private volatile LongSupplier remainingCapacity;
    /** Busy work per event, so that the consumer is surely slower than the producer. */
    private volatile long extraNanos;

    private TypedEventCheckAppender(String name, Layout<?> layout) {
        super(name, null, layout, true, Property.EMPTY_ARRAY);
    }

    @PluginFactory
    public static TypedEventCheckAppender create(@PluginAttribute("name") String name, @PluginElement("Layout") Layout<?> layout) {
        TypedEventCheckAppender appender = new TypedEventCheckAppender(name, layout);
        BY_NAME.put(name, appender);
        return appender;
    }

    static TypedEventCheckAppender named(String name) {
        return BY_NAME.get(name);
    }

    void watch(LongSupplier ringRemainingCapacity, long busyNanosPerEvent) {
        this.remainingCapacity = ringRemainingCapacity;
        this.extraNanos = busyNanosPerEvent;
    }

    @Override
    public void append(LogEvent event) {
        LongSupplier remaining = remainingCapacity;
        if (remaining != null && remaining.getAsLong() == 0) {
            sawFullRing++; // one writer thread
        }
        buffer.clear();
        getLayout().encode(event, this);
        check(checked);
        checked++;
        long busy = extraNanos;
        if (busy > 0) {
            long until = System.nanoTime() + busy;
            while (System.nanoTime() < until) {
                Thread.onSpinWait();
            }
        }
    }

    private void check(long seq) {
        byte[] line = buffer.array();
        int end = buffer.position();
        if (seq < KEPT_LINES) {
            kept.add(new String(line, 0, end, StandardCharsets.UTF_8));
        }
        int p = find(line, end, ORDER_ID, 0);
        boolean ok = p >= 0;
        if (ok) {
            p += ORDER_ID.length;
            ok = digits(line, p, seq) && line[p + digitCount(seq)] == ',';
            p += digitCount(seq);
        }
        if (ok) {
            ok = startsWith(line, p, AMOUNT);
            p += AMOUNT.length;
        }
        if (ok) {
            // seq / 2.0 as Java prints it: the integer part, then ".0" or ".5"
            ok = digits(line, p, seq / 2);
            p += digitCount(seq / 2);
            ok = ok && line[p] == '.' && line[p + 1] == ((seq & 1) == 0 ? '0' : '5');
            p += 2;
        }
        if (ok) {
            byte[] express = (seq & 1) == 0 ? EXPRESS_TRUE : EXPRESS_FALSE;
            ok = startsWith(line, p, express);
            p += express.length;
        }
        if (ok) {
            ok = digits(line, p, seq & 15) && line[p + digitCount(seq & 15)] == '}';
        }
        if (!ok) {
            if (firstWrong == null) {
                firstWrong = "seq " + seq + ": " + new String(line, 0, end, StandardCharsets.UTF_8);
            }
            wrong++;
        }
    }

    private static int find(byte[] line, int end, byte[] pattern, int from) {
        for (int i = from; i + pattern.length <= end; i++) {
            if (startsWith(line, i, pattern)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] line, int at, byte[] pattern) {
        if (at + pattern.length > line.length) {
            return false;
        }
        for (int i = 0; i < pattern.length; i++) {
            if (line[at + i] != pattern[i]) {
                return false;
            }
        }
        return true;
    }

    private static boolean digits(byte[] line, int at, long value) {
        int count = digitCount(value);
        long remaining = value;
        for (int i = at + count - 1; i >= at; i--) {
            if (line[i] != '0' + (int) (remaining % 10)) {
                return false;
            }
            remaining /= 10;
        }
        return true;
    }

    private static int digitCount(long value) {
        int count = 1;
        for (long v = value; v >= 10; v /= 10) {
            count++;
        }
        return count;
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    long checked() {
        return checked;
    }

    long wrong() {
        return wrong;
    }

    String firstWrong() {
        return firstWrong;
    }

    long sawFullRing() {
        return sawFullRing;
    }

    List<String> keptLines() {
        return kept;
    }

    // ---- ByteBufferDestination: one line fits; a line that does not is a failure ----

    @Override
    public ByteBuffer getByteBuffer() {
        return buffer;
    }

    @Override
    public ByteBuffer drain(ByteBuffer full) {
        throw new IllegalStateException("a line longer than " + buffer.capacity() + " bytes");
    }

    @Override
    public void writeBytes(ByteBuffer data) {
        buffer.put(data);
    }

    @Override
    public void writeBytes(byte[] data, int offset, int length) {
        buffer.put(data, offset, length);
    }
}
