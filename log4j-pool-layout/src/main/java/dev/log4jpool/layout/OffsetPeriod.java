package dev.log4jpool.layout;

import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;

/**
 * A zone's offset from UTC and the epoch seconds {@code [from, until)} between two of its transitions,
 * in which that offset holds: timestamp writers look the offset up once per period (a few
 * {@code java.time} objects: once per writer and per daylight-saving change) and use plain
 * {@code long} arithmetic in between. Mutable; kept by a per-writer cache.
 */
final class OffsetPeriod {
    int offsetSeconds;
    long from = Long.MAX_VALUE;
    long until = Long.MIN_VALUE;

    /** Whether {@code epochSecond} lies in the period looked up last. */
    boolean holds(long epochSecond) {
        return epochSecond >= from && epochSecond < until;
    }

    /** Forgets the period (another zone uses this cache now). */
    void reset() {
        from = Long.MAX_VALUE;
        until = Long.MIN_VALUE;
    }

    /** Looks up the offset of {@code rules} at {@code epochSecond} and the period around it; returns the offset. */
    ZoneOffset lookUp(ZoneRules rules, long epochSecond) {
        ZoneOffset offset;
        if (rules.isFixedOffset()) {
            offset = rules.getOffset(java.time.Instant.EPOCH);
            from = Long.MIN_VALUE;
            until = Long.MAX_VALUE;
        } else {
            java.time.Instant instant = java.time.Instant.ofEpochSecond(epochSecond);
            offset = rules.getOffset(instant);
            ZoneOffsetTransition previous = rules.previousTransition(instant.plusSeconds(1));
            ZoneOffsetTransition next = rules.nextTransition(instant);
            from = previous == null ? Long.MIN_VALUE : previous.toEpochSecond();
            until = next == null ? Long.MAX_VALUE : next.toEpochSecond();
        }
        offsetSeconds = offset.getTotalSeconds();
        return offset;
    }
}
