package dev.log4jpool.layout;

import java.math.BigInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.logging.log4j.core.LogEvent;

/**
 * The {@code counter} resolver: a number that grows by one with every event the member is written
 * for, with JsonTemplateLayout's options: {@code start} (an integer of any size, default 0),
 * {@code overflowing} (default {@code true}: a {@code long} that wraps from {@code Long.MAX_VALUE}
 * to {@code Long.MIN_VALUE}, starting at the low 64 bits of {@code start}; {@code false}: an
 * integer without bound) and {@code stringified} (default {@code false}: a JSON number;
 * {@code true}: the digits as a JSON string, cut at {@code maxStringLength} like any string).
 *
 * <p>One {@link AtomicLong} per resolver in the template, shared by every thread that writes with
 * the layout: each event takes the next value exactly once ({@code getAndIncrement}), so values are
 * unique and without gaps, though threads may write them out of order.
 *
 * <p><b>Allocation.</b> None while the value is below 2^64: a non-overflowing counter that passes
 * {@code Long.MAX_VALUE} is written from the wrapped {@code long} read as unsigned. One that starts
 * outside the {@code long} range (or has been written 2^63 times) computes each value as a
 * {@code BigInteger} and prints it: about 900 B per event (JDK 17, 64-bit), numbers or strings
 * alike ({@code CounterResolverTest} pins the bound at 1,500 B).
 */
final class CounterResolvers {
    private static final BigInteger TWO_TO_THE_64 = BigInteger.ONE.shiftLeft(64);

    private CounterResolvers() {}

    static TemplateNode<LogEvent> create(ResolverOptions options, TemplateContext context) {
        BigInteger start = start(options);
        boolean overflowing = options.bool("overflowing", true);
        boolean stringified = options.bool("stringified", false);
        if (overflowing) {
            return stringified ? new WrappingStringCounter(start.longValue()) : new WrappingCounter(start.longValue());
        }
        return stringified ? new GrowingStringCounter(start) : new GrowingCounter(start);
    }

    /** {@code start}: a JSON integer (no fraction, no exponent, as JsonTemplateLayout reads it), any size. */
    private static BigInteger start(ResolverOptions options) {
        Object start = options.raw("start");
        if (start == null) {
            return BigInteger.ZERO;
        }
        String text = start.toString();
        if (!(start instanceof TemplateJson.Number) || text.indexOf('.') >= 0 || text.indexOf('e') >= 0
                || text.indexOf('E') >= 0) {
            throw options.error("start", "must be an integer, not " + ResolverOptions.describe(start));
        }
        return new BigInteger(text);
    }

    /** {@code overflowing} (the default), as a number. */
    static final class WrappingCounter implements TemplateNode<LogEvent> {
        private final AtomicLong next;

        WrappingCounter(long start) {
            this.next = new AtomicLong(start);
        }

        @Override
        public void write(LogEvent event, JsonWriter out, EventScratch scratch) {
            out.longValue(next.getAndIncrement());
        }
    }

    /** {@code overflowing}, {@code stringified}. */
    static final class WrappingStringCounter implements TemplateNode<LogEvent> {
        private final AtomicLong next;

        WrappingStringCounter(long start) {
            this.next = new AtomicLong(start);
        }

        @Override
        public void write(LogEvent event, JsonWriter out, EventScratch scratch) {
            out.longString(next.getAndIncrement());
        }
    }

    /**
     * A counter without bound: {@code start} plus the number of values taken before, that number
     * kept in an {@link AtomicLong} read as unsigned (2^64 events: centuries at a billion a second).
     */
    abstract static class Growing implements TemplateNode<LogEvent> {
        private final BigInteger start;
        /** {@code start} when it fits a {@code long}: the values below {@code Long.MAX_VALUE} are computed on longs. */
        private final long smallStart;
        private final boolean startIsSmall;
        private final AtomicLong taken = new AtomicLong();

        Growing(BigInteger start) {
            this.start = start;
            this.startIsSmall = start.bitLength() < 64;
            this.smallStart = start.longValue();
        }

        @Override
        public final void write(LogEvent event, JsonWriter out, EventScratch scratch) {
            long count = taken.getAndIncrement();
            if (startIsSmall && count >= 0) {
                long value = smallStart + count;
                if (value >= smallStart) { // no overflow past Long.MAX_VALUE
                    writeLong(value, out);
                } else { // past it, below 2^64 (both terms are below 2^63): the wrapped bits, read unsigned
                    writeUnsigned(value, out);
                }
                return;
            }
            BigInteger unsignedCount = count >= 0 ? BigInteger.valueOf(count) : BigInteger.valueOf(count).add(TWO_TO_THE_64);
            writeBig(start.add(unsignedCount).toString(), out);
        }

        abstract void writeLong(long value, JsonWriter out);

        abstract void writeUnsigned(long bits, JsonWriter out);

        abstract void writeBig(String digits, JsonWriter out);
    }

    /** {@code "overflowing": false}, as a number. */
    static final class GrowingCounter extends Growing {
        GrowingCounter(BigInteger start) {
            super(start);
        }

        @Override
        void writeLong(long value, JsonWriter out) {
            out.longValue(value);
        }

        @Override
        void writeUnsigned(long bits, JsonWriter out) {
            out.unsignedLongValue(bits);
        }

        @Override
        void writeBig(String digits, JsonWriter out) {
            out.buffer().append(digits); // a JSON number, uncut, as JsonTemplateLayout writes a BigInteger
        }
    }

    /** {@code "overflowing": false, "stringified": true}. */
    static final class GrowingStringCounter extends Growing {
        GrowingStringCounter(BigInteger start) {
            super(start);
        }

        @Override
        void writeLong(long value, JsonWriter out) {
            out.longString(value);
        }

        @Override
        void writeUnsigned(long bits, JsonWriter out) {
            out.unsignedLongString(bits);
        }

        @Override
        void writeBig(String digits, JsonWriter out) {
            out.stringValue(digits);
        }
    }
}
