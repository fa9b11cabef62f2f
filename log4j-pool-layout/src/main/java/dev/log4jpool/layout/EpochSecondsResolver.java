package dev.log4jpool.layout;

import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.time.Instant;

/**
 * Ours: {@code {"$resolver": "epochSeconds", "decimals": 3}}: the event's time as seconds since the
 * epoch, a JSON number with a fixed count of decimals (0 to 9, default 3): {@code 1795428930.123}.
 * GELF's {@code timestamp} ("seconds since UNIX epoch with optional decimal places for
 * milliseconds"). JsonTemplateLayout's {@code "epoch": {"unit": "secs"}} writes a {@code double},
 * whose shortest text shows the float error ({@code 1795428930.1234567}); this writes the digits of
 * the instant itself, cut (not rounded, so a time never moves into the next second), without allocating.
 */
final class EpochSecondsResolver {
    private static final char[] DIGITS = "0123456789".toCharArray();
    private static final char[] POINT = {'.'};

    private EpochSecondsResolver() {
    }

    static TemplateNode<LogEvent> create(ResolverOptions options, TemplateContext context) {
        int decimals = options.integer("decimals", 3);
        if (decimals < 0 || decimals > 9) {
            throw options.error("decimals", "is " + decimals + "; expected 0 to 9");
        }
        return new Seconds(decimals);
    }

    static final class Seconds extends TemplateNode<LogEvent> {
        private final int decimals;

        Seconds(int decimals) {
            this.decimals = decimals;
        }

        @Override
        public void write(LogEvent event, JsonWriter out, EventScratch scratch) {
            Instant instant = event.getInstant();
            long seconds = instant.getEpochSecond();
            int fraction = instant.getNanoOfSecond();
            if (fraction < 0) { // an instant made from negative epoch millis by integer division
                seconds--;
                fraction += 1_000_000_000;
            }
            if (seconds < 0 && fraction > 0) {
                // Before 1970 the second counts down: -1 s + 0.5 s is -0.5, not -1.5.
                seconds++;
                fraction = 1_000_000_000 - fraction;
                if (seconds == 0 && decimals > 0) {
                    out.raw('-'); // -0.5; with no decimals the cut is 0
                }
            }
            out.longValue(seconds);
            if (decimals == 0) {
                return;
            }
            out.raw(POINT);
            int divisor = 100_000_000;
            for (int i = 0; i < decimals; i++) {
                out.raw(DIGITS, fraction / divisor % 10, 1);
                divisor /= 10;
            }
        }
    }
}
