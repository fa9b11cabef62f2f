package dev.log4jpool.layout;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.time.Instant;

/**
 * The event's time as a member, in one {@link TimestampFormat} and zone, written without allocating: the
 * calendar arithmetic is done on {@code long}s ({@link CivilDate}), the text of the current second
 * is cached per writer ({@link SecondCache}), and a zone's offset is looked up once per period
 * between its transitions ({@link OffsetPeriod}: that lookup allocates a few {@code java.time}
 * objects, once per writer and per daylight-saving change). Immutable and thread-safe.
 */
final class TimestampField extends TemplateNode<LogEvent> {
    private static final long[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000, 1_000_000_000};

    private final TimestampFormat format;
    private final ZoneRules rules;
    private final long fractionDivisor;

    TimestampField(TimestampFormat format, ZoneId zone) {
        this.format = format;
        this.rules = zone.getRules();
        this.fractionDivisor = format.isIso() ? POWERS[9 - format.fractionDigits] : 1;
    }

    @Override
    public void write(LogEvent event, JsonWriter out, EventScratch scratch) {
        write(event.getInstant(), out, scratch.timestampCache);
    }

    void write(Instant instant, JsonWriter writer, SecondCache cache) {
        long epochSecond = instant.getEpochSecond();
        int nanos = instant.getNanoOfSecond();
        switch (format) {
            case EPOCH_MILLIS:
                writer.longValue(epochSecond * 1000 + nanos / 1_000_000);
                return;
            case EPOCH_NANOS:
                writer.longValue(epochSecond * 1_000_000_000L + nanos);
                return;
            default:
                writeIso(epochSecond, nanos, writer, cache);
        }
    }

    private void writeIso(long epochSecond, int nanos, JsonWriter writer, SecondCache cache) {
        if (cache.owner != this || cache.epochSecond != epochSecond) {
            fill(cache, epochSecond);
        }
        var out = writer.buffer();
        out.ensureCapacityFor(cache.secondLength + cache.offsetTextLength + 12);
        char[] target = out.array();
        int p = out.length();
        target[p++] = '"';
        System.arraycopy(cache.second, 0, target, p, cache.secondLength);
        p += cache.secondLength;
        target[p++] = '.';
        p = NumberText.appendPadded(target, p, nanos / fractionDivisor, format.fractionDigits);
        System.arraycopy(cache.offsetText, 0, target, p, cache.offsetTextLength);
        p += cache.offsetTextLength;
        target[p++] = '"';
        out.setLength(p);
    }

    private void fill(SecondCache cache, long epochSecond) {
        if (cache.owner != this) {
            cache.offset.reset(); // another formatter's zone: look the offset up again
        }
        cache.owner = this;
        cache.epochSecond = epochSecond;
        if (!cache.offset.holds(epochSecond)) {
            lookUpOffset(cache, epochSecond);
        }
        long local = epochSecond + cache.offset.offsetSeconds;
        long days = Math.floorDiv(local, 86_400L);
        int secondOfDay = (int) Math.floorMod(local, 86_400L);
        long date = CivilDate.fromEpochDay(days);
        long year = CivilDate.year(date);
        long month = CivilDate.month(date);
        long day = CivilDate.day(date);

        char[] t = cache.second;
        int p = 0;
        if (year >= 0 && year <= 9999) {
            p = NumberText.appendPadded(t, p, year, 4);
        } else {
            // ISO 8601 expanded years, as java.time prints them.
            t[p++] = year < 0 ? '-' : '+';
            long absolute = Math.abs(year);
            p = NumberText.appendPadded(t, p, absolute, Math.max(4, Long.toString(absolute).length()));
        }
        t[p++] = '-';
        p = NumberText.appendPadded(t, p, month, 2);
        t[p++] = '-';
        p = NumberText.appendPadded(t, p, day, 2);
        t[p++] = 'T';
        p = NumberText.appendPadded(t, p, secondOfDay / 3600, 2);
        t[p++] = ':';
        p = NumberText.appendPadded(t, p, (secondOfDay / 60) % 60, 2);
        t[p++] = ':';
        p = NumberText.appendPadded(t, p, secondOfDay % 60, 2);
        cache.secondLength = p;
    }

    private void lookUpOffset(SecondCache cache, long epochSecond) {
        ZoneOffset offset = cache.offset.lookUp(rules, epochSecond);
        String text = offset.getTotalSeconds() == 0 ? "Z" : offset.getId();
        text.getChars(0, text.length(), cache.offsetText, 0);
        cache.offsetTextLength = text.length();
    }

    /**
     * The text of the last second a {@link TimestampField} wrote for one {@link EventScratch}, and
     * the zone offset valid around it: consecutive events share their second, so most timestamps
     * cost a copy of ~20 chars and the fraction digits. Plain fields: a writer belongs to one thread
     * at a time.
     */
    static final class SecondCache {
        TimestampField owner;
        long epochSecond;
        /** {@code yyyy-MM-ddTHH:mm:ss} of {@link #epochSecond} in the zone. */
        final char[] second = new char[32];
        int secondLength;
        /** {@code Z} or {@code +hh:mm}. */
        final char[] offsetText = new char[12];
        int offsetTextLength;
        /** The zone offset and the epoch seconds in which it holds. */
        final OffsetPeriod offset = new OffsetPeriod();
    }
}
