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
 * {@code BigInteger} and prints it: 800 to 920 B per event (JDK 17 and 25, 64-bit), numbers or strings
 * alike ({@code CounterResolverTest} pins the bound at 1,500 B).
 */
final class CounterResolvers {
    private static final BigInteger TWO_TO_THE_64 = BigInteger.ONE.shiftLeft(64);

    private CounterResolvers() {}

    static TemplateNode<LogEvent> create(ResolverOptions options, TemplateContext context) {
        BigInteger start = start(options);
        boolean overflowing = options.bool("overflowing", true);
        boolean stringified = options.bool("stringified", false);
        return overflowing ? new WrappingCounter(start.longValue(), stringified) : new GrowingCounter(start, stringified);
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

    /** {@code overflowing} (the default): a {@code long} that wraps. */
    static final class WrappingCounter extends TemplateNode<LogEvent> {
        private final AtomicLong next;
        private final boolean stringified;

        WrappingCounter(long start, boolean stringified) {
            this.next = new AtomicLong(start);
            this.stringified = stringified;
        }

        @Override
        public void write(LogEvent event, JsonWriter out, EventScratch scratch) {
            long value = next.getAndIncrement();
            if (stringified) {
                out.longString(value);
            } else {
                out.longValue(value);
            }
        }
    }

    /**
     * {@code "overflowing": false}: a counter without bound, {@code start} plus the number of values
     * taken before, that number kept in an {@link AtomicLong} read as unsigned (2^64 events:
     * centuries at a billion a second).
     */
    static final class GrowingCounter extends TemplateNode<LogEvent> {
        private final BigInteger start;
        /** {@code start} when it fits a {@code long}: values below 2^64 are then computed on longs. */
        private final long smallStart;
        private final boolean startIsSmall;
        private final boolean stringified;
        private final AtomicLong taken = new AtomicLong();

        GrowingCounter(BigInteger start, boolean stringified) {
            this.start = start;
            this.startIsSmall = start.bitLength() < 64;
            this.smallStart = start.longValue();
            this.stringified = stringified;
        }

        @Override
        public void write(LogEvent event, JsonWriter out, EventScratch scratch) {
            long count = taken.getAndIncrement();
            if (startIsSmall && count >= 0) {
                long value = smallStart + count;
                if (value >= smallStart) { // no overflow past Long.MAX_VALUE
                    if (stringified) {
                        out.longString(value);
                    } else {
                        out.longValue(value);
                    }
                } else if (stringified) { // past it, below 2^64 (both terms are below 2^63): the wrapped bits, unsigned
                    out.unsignedLongString(value);
                } else {
                    out.unsignedLongValue(value);
                }
                return;
            }
            BigInteger unsignedCount = count >= 0 ? BigInteger.valueOf(count) : BigInteger.valueOf(count).add(TWO_TO_THE_64);
            String digits = start.add(unsignedCount).toString();
            if (stringified) {
                out.stringValue(digits);
            } else {
                out.buffer().append(digits); // a JSON number, uncut, as JsonTemplateLayout writes a BigInteger
            }
        }
    }
}
