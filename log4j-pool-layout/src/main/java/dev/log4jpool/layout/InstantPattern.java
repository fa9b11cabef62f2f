package dev.log4jpool.layout;

import dev.log4jpool.buffer.TextBuffer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAccessor;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.function.IntFunction;

/**
 * A date-time pattern read as JsonTemplateLayout's {@code timestamp} resolver reads it (Log4j's
 * instant pattern formatter, 2.25 and later), compiled into parts that format an instant without
 * allocating, for one zone and locale.
 *
 * <p><b>The pattern language.</b> Letters are {@link DateTimeFormatter}'s, with Log4j's reading of
 * a pattern: a run of one of the letters {@value #LETTERS} is a field; text in single quotes is
 * literal ({@code ''} is a quote); any other character, including the letters {@code DateTimeFormatter}
 * reserves or does not know ({@code T}, {@code p}, {@code [}), is literal too. {@code s} (at most
 * two) and {@code S} (at most nine, truncated, not rounded) are Log4j's own; every other run is
 * checked by {@code DateTimeFormatter} at configuration and prints what it prints, digits always in
 * ASCII ({@code DateTimeFormatter.ofPattern} uses the standard decimal style in every locale).
 *
 * <p><b>Without allocating.</b> The text of the current second is kept in the writer's
 * {@link Cache}; the parts that change within a second ({@code S}, {@code A}, {@code n},
 * {@code N}) are written into it each event. Numbers are written from the civil date and time
 * ({@link CivilDate}); texts that depend on one field (month and day names, eras, quarters, AM/PM,
 * day periods) are tables made with {@code DateTimeFormatter} at configuration. The rest is made
 * by {@code DateTimeFormatter} when it can change, and kept: zone names and offsets
 * ({@code VvzOXxZ}) once per period between two transitions of the zone (as {@link OffsetPeriod}),
 * the localized week fields and the rare date fields ({@code YwWecFg}) once per local day. Those
 * few allocate (a {@code java.time} object or two and the text) at those moments only.
 *
 * <p><b>Where the output differs from Log4j's.</b> Log4j formats the parts that are constant for
 * a minute once per minute of {@code epochSecond / 60}; seconds it takes as
 * {@code epochSecond % 60}. Both agree with the zone's time only after 1970 in zones whose offsets
 * are whole minutes (every zone today; before 1972 some used offsets with seconds, such as
 * {@code Africa/Monrovia}). Here every part is the zone's local time, as {@code DateTimeFormatter}
 * prints it, for any instant. Immutable and thread-safe.
 */
final class InstantPattern {
    /** The letters Log4j's formatter reads as fields (every {@code DateTimeFormatter} letter but {@code p}). */
    static final String LETTERS = "GuyDMLdgQqYwWEecFaBhKkHmsSAnNVvzOXxZ";

    private static final int MAX_SECOND_LETTERS = 2;
    private static final int MAX_FRACTION_LETTERS = 9;
    private static final long[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000,
        1_000_000_000};

    // Fields of the second a part may print (see Cache#field).
    static final int YEAR = 0;
    static final int YEAR_OF_ERA = 1;
    static final int MONTH = 2;
    static final int QUARTER = 3;
    static final int DAY_OF_MONTH = 4;
    static final int DAY_OF_YEAR = 5;
    static final int DAY_OF_WEEK = 6;
    static final int ERA = 7;
    static final int HOUR_OF_DAY = 8;
    static final int CLOCK_HOUR_OF_AMPM = 9;
    static final int HOUR_OF_AMPM = 10;
    static final int CLOCK_HOUR_OF_DAY = 11;
    static final int AMPM = 12;
    static final int MINUTE_OF_HOUR = 13;
    static final int MINUTE_OF_DAY = 14;
    static final int SECOND_OF_MINUTE = 15;

    // DateTimeFormatter's sign styles, as its pattern letters use them.
    static final int NORMAL = 0;
    static final int NOT_NEGATIVE = 1;
    static final int EXCEEDS_PAD = 2;

    private final String pattern;
    private final ZoneRules rules;
    /** The parts in pattern order. */
    private final Part[] parts;
    /** The parts that change within a second, in pattern order: {@link Cache#line} has a hole for each. */
    private final SubSecondPart[] subSecondParts;
    private final DateTimeText[] zoneTexts;
    private final DateTimeText[] dayTexts;

    private InstantPattern(String pattern, ZoneId zone, List<Part> parts, List<DateTimeText> zoneTexts,
            List<DateTimeText> dayTexts) {
        this.pattern = pattern;
        this.rules = zone.getRules();
        this.parts = parts.toArray(new Part[0]);
        List<SubSecondPart> subSecond = new ArrayList<>();
        for (Part part : parts) {
            if (part instanceof SubSecondPart) {
                subSecond.add((SubSecondPart) part);
            }
        }
        this.subSecondParts = subSecond.toArray(new SubSecondPart[0]);
        this.zoneTexts = zoneTexts.toArray(new DateTimeText[0]);
        this.dayTexts = dayTexts.toArray(new DateTimeText[0]);
    }

    /**
     * Compiles {@code pattern} for {@code timeZone} (as {@code TimeZone#toZoneId} maps it) and
     * {@code locale}.
     *
     * @throws IllegalArgumentException saying what is wrong with the pattern
     */
    static InstantPattern compile(String pattern, Locale locale, TimeZone timeZone) {
        ZoneId zone = timeZone.toZoneId();
        List<Part> parts = new ArrayList<>();
        List<DateTimeText> zoneTexts = new ArrayList<>();
        List<DateTimeText> dayTexts = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int length = pattern.length();
        int i = 0;
        while (i < length) {
            char c = pattern.charAt(i);
            if (LETTERS.indexOf(c) >= 0) {
                int end = i + 1;
                while (end < length && pattern.charAt(end) == c) {
                    end++;
                }
                if (literal.length() > 0) {
                    parts.add(new Literal(literal.toString()));
                    literal.setLength(0);
                }
                parts.add(field(c, end - i, locale, zone, zoneTexts, dayTexts));
                i = end;
            } else if (c == '\'') {
                int end = closingQuote(pattern, i);
                literal.append(end == i + 1 ? "'" : pattern.substring(i + 1, end).replace("''", "'"));
                i = end + 1;
            } else {
                literal.append(c);
                i++;
            }
        }
        if (literal.length() > 0) {
            parts.add(new Literal(literal.toString()));
        }
        return new InstantPattern(pattern, zone, parts, zoneTexts, dayTexts);
    }

    /** The index of the quote that closes the one at {@code open} ({@code ''} inside is a quote). */
    private static int closingQuote(String pattern, int open) {
        int end = open + 1;
        while (end < pattern.length()) {
            if (pattern.charAt(end) != '\'') {
                end++;
            } else if (end + 1 < pattern.length() && pattern.charAt(end + 1) == '\'') {
                end += 2;
            } else {
                return end;
            }
        }
        throw new IllegalArgumentException("has a quoted literal that is not closed (it opens at index " + open + ")");
    }

    /** The part that prints {@code count} letters {@code letter}, checked as Log4j checks them. */
    private static Part field(char letter, int count, Locale locale, ZoneId zone, List<DateTimeText> zoneTexts,
            List<DateTimeText> dayTexts) {
        String run = String.valueOf(letter).repeat(count);
        if (letter == 's' && count > MAX_SECOND_LETTERS) {
            throw new IllegalArgumentException("has " + count + " 's' letters; at most " + MAX_SECOND_LETTERS);
        }
        if (letter == 'S' && count > MAX_FRACTION_LETTERS) {
            throw new IllegalArgumentException("has " + count + " 'S' letters; at most " + MAX_FRACTION_LETTERS);
        }
        DateTimeFormatter formatter;
        try {
            formatter = DateTimeFormatter.ofPattern(run, locale);
        } catch (IllegalArgumentException invalid) {
            throw new IllegalArgumentException("has \"" + run + "\", which DateTimeFormatter rejects: " + invalid.getMessage(),
                    invalid);
        }
        switch (letter) {
            case 'u':
            case 'y': {
                int field = letter == 'y' ? YEAR_OF_ERA : YEAR;
                if (count == 2) {
                    return new TwoDigitYear(field);
                }
                return new NumberField(field, count, 19, count < 4 ? NORMAL : EXCEEDS_PAD);
            }
            case 'M':
            case 'L':
                return count <= 2 ? smallNumber(MONTH, count) : new Text(MONTH, table(formatter, 12,
                        i -> LocalDate.of(2001, i + 1, 1)));
            case 'Q':
            case 'q':
                return count <= 2 ? smallNumber(QUARTER, count) : new Text(QUARTER, table(formatter, 4,
                        i -> LocalDate.of(2001, 3 * i + 1, 1)));
            case 'd':
                return smallNumber(DAY_OF_MONTH, count);
            case 'D':
                return count == 1 ? new NumberField(DAY_OF_YEAR, 1, 19, NORMAL)
                        : new NumberField(DAY_OF_YEAR, count, 3, NOT_NEGATIVE);
            case 'H':
                return smallNumber(HOUR_OF_DAY, count);
            case 'h':
                return smallNumber(CLOCK_HOUR_OF_AMPM, count);
            case 'K':
                return smallNumber(HOUR_OF_AMPM, count);
            case 'k':
                return smallNumber(CLOCK_HOUR_OF_DAY, count);
            case 'm':
                return smallNumber(MINUTE_OF_HOUR, count);
            case 's':
                return smallNumber(SECOND_OF_MINUTE, count);
            case 'E':
                // 2001-01-01 was a Monday: index 0 is ISO day 1.
                return new Text(DAY_OF_WEEK, table(formatter, 7, i -> LocalDate.of(2001, 1, 1 + i)));
            case 'G':
                return new Text(ERA, table(formatter, 2, i -> LocalDate.of(i == 0 ? 0 : 2001, 1, 1)));
            case 'a':
                return new Text(AMPM, table(formatter, 2, i -> LocalTime.of(12 * i, 0)));
            case 'B':
                return new Text(MINUTE_OF_DAY, table(formatter, 24 * 60, i -> LocalTime.of(i / 60, i % 60)));
            case 'S':
                return new Fraction(count);
            case 'A':
            case 'n':
            case 'N':
                return new SubSecondNumber(letter, count);
            case 'V':
            case 'v':
            case 'z':
            case 'O':
            case 'X':
            case 'x':
            case 'Z':
                return added(zoneTexts, new DateTimeText(formatter.withZone(zone), zoneTexts.size(), true));
            default: // Y w W e c F g: week fields of the locale and rarer date fields
                return added(dayTexts, new DateTimeText(formatter.withZone(zone), dayTexts.size(), false));
        }
    }

    /** {@code d}, {@code dd} (and the other one- or two-letter numbers): as is, or two digits. */
    private static NumberField smallNumber(int field, int count) {
        return count == 1 ? new NumberField(field, 1, 19, NORMAL) : new NumberField(field, 2, 2, NOT_NEGATIVE);
    }

    private static DateTimeText added(List<DateTimeText> texts, DateTimeText text) {
        texts.add(text);
        return text;
    }

    /** What {@code formatter} prints for each of {@code size} sample values (equal texts shared). */
    private static String[] table(DateTimeFormatter formatter, int size, IntFunction<TemporalAccessor> sample) {
        Map<String, String> distinct = new HashMap<>();
        String[] texts = new String[size];
        for (int i = 0; i < size; i++) {
            String text = formatter.format(sample.apply(i));
            texts[i] = distinct.computeIfAbsent(text, t -> t);
        }
        return texts;
    }

    /** The pattern as configured. */
    String pattern() {
        return pattern;
    }

    /**
     * Formats the instant into {@code cache} and returns the text (the cache's line buffer), valid
     * until the cache's next use.
     */
    CharSequence format(long epochSecond, int nanos, Cache cache) {
        TextBuffer line = cache.line;
        line.clear();
        appendTo(line, epochSecond, nanos, cache);
        return line;
    }

    /**
     * Appends the instant's text to {@code out}: the cached second's text, with the parts that change
     * within a second written into their holes. The JSON writer calls this with its own buffer, so
     * that an event's timestamp is written once, not formatted and then copied.
     */
    void appendTo(TextBuffer out, long epochSecond, int nanos, Cache cache) {
        if (!cache.secondValid || cache.epochSecond != epochSecond) {
            fillSecond(epochSecond, cache);
        }
        char[] second = cache.secondChars;
        int copied = 0;
        for (int i = 0; i < subSecondParts.length; i++) {
            int hole = cache.holes[i];
            out.append(second, copied, hole - copied);
            subSecondParts[i].append(out, cache, nanos);
            copied = hole;
        }
        out.append(second, copied, cache.secondLength - copied);
    }

    /**
     * Whether {@link #appendTo}'s text for {@code epochSecond} is printable ASCII without {@code "}
     * or {@code \}: the sub-second parts add only digits, so it goes into JSON as it is, unescaped.
     * Checked once per second (zone and day texts come from the locale) instead of per event.
     */
    boolean isPlain(long epochSecond, Cache cache) {
        if (!cache.secondValid || cache.epochSecond != epochSecond) {
            fillSecond(epochSecond, cache);
        }
        return cache.secondIsPlain;
    }

    /**
     * Takes the second apart in the zone and writes every part that does not change within it. A
     * text {@code DateTimeFormatter} fails to make leaves its period or day unknown, so that the
     * next event tries again rather than use a stale text.
     */
    private void fillSecond(long epochSecond, Cache cache) {
        cache.secondValid = false;
        if (!cache.offset.holds(epochSecond)) {
            cache.offset.lookUp(rules, epochSecond);
            try {
                for (DateTimeText text : zoneTexts) {
                    cache.zoneTexts[text.slot] = text.format(epochSecond);
                }
            } catch (RuntimeException failure) {
                cache.offset.reset();
                throw failure;
            }
        }
        long local = epochSecond + cache.offset.offsetSeconds;
        long epochDay = Math.floorDiv(local, 86_400L);
        cache.secondOfDay = (int) Math.floorMod(local, 86_400L);
        if (!cache.dayValid || cache.epochDay != epochDay) {
            cache.dayValid = false;
            cache.setDay(epochDay);
            for (DateTimeText text : dayTexts) {
                cache.dayTexts[text.slot] = text.format(epochSecond);
            }
            cache.dayValid = true;
        }
        cache.epochSecond = epochSecond;
        cache.secondValid = true;
        StringBuilder second = cache.second;
        second.setLength(0);
        int hole = 0;
        for (Part part : parts) {
            if (part instanceof SubSecondPart) {
                cache.holes[hole++] = second.length();
            } else {
                part.append(second, cache);
            }
        }
        cache.secondIsPlain = isPlain(second);
        cache.setSecondText(second);
    }

    private static boolean isPlain(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c >= 0x7F || c == '"' || c == '\\') {
                return false;
            }
        }
        return true;
    }

    /**
     * Appends {@code value} as {@code DateTimeFormatter} prints a number with these widths and sign
     * style (standard decimal style): zero-padded to {@code minWidth}, {@code +} when
     * {@link #EXCEEDS_PAD} and wider than {@code minWidth}.
     */
    static void appendNumber(StringBuilder out, long value, int minWidth, int maxWidth, int signStyle) {
        long magnitude = Math.abs(value);
        int digits = 1;
        for (long bound = 10; digits < 19 && magnitude >= bound; bound *= 10) {
            digits++;
        }
        if (digits > maxWidth) {
            throw new DateTimeException("the value " + value + " is wider than " + maxWidth + " digits");
        }
        if (value < 0) {
            if (signStyle == NOT_NEGATIVE) {
                throw new DateTimeException("the value " + value + " cannot be negative");
            }
            out.append('-');
        } else if (signStyle == EXCEEDS_PAD && minWidth < 19 && digits > minWidth) {
            out.append('+');
        }
        for (int zeros = minWidth - digits; zeros > 0; zeros--) {
            out.append('0');
        }
        out.append(magnitude);
    }

    // ---- parts ----

    /** One piece of the pattern's output. */
    abstract static class Part {
        /** Appends this part's text for the second {@code cache} holds. */
        abstract void append(StringBuilder out, Cache cache);
    }

    /** A piece that changes within a second: written each event into its hole in the second's text. */
    abstract static class SubSecondPart extends Part {
        @Override
        final void append(StringBuilder out, Cache cache) {
            throw new IllegalStateException("written per event");
        }

        abstract void append(TextBuffer out, Cache cache, int nanos);
    }

    /** Text as given (quoted text, separators, characters that are no field). */
    static final class Literal extends Part {
        private final String text;

        Literal(String text) {
            this.text = text;
        }

        @Override
        void append(StringBuilder out, Cache cache) {
            out.append(text);
        }
    }

    /** A field of the second as a number (see {@link #appendNumber}). */
    static final class NumberField extends Part {
        private final int field;
        private final int minWidth;
        private final int maxWidth;
        private final int signStyle;

        NumberField(int field, int minWidth, int maxWidth, int signStyle) {
            this.field = field;
            this.minWidth = minWidth;
            this.maxWidth = maxWidth;
            this.signStyle = signStyle;
        }

        @Override
        void append(StringBuilder out, Cache cache) {
            appendNumber(out, cache.field(field), minWidth, maxWidth, signStyle);
        }
    }

    /** {@code yy}, {@code uu}: the last two digits of the year's magnitude, as {@code DateTimeFormatter} reduces it. */
    static final class TwoDigitYear extends Part {
        private final int field;

        TwoDigitYear(int field) {
            this.field = field;
        }

        @Override
        void append(StringBuilder out, Cache cache) {
            appendNumber(out, Math.abs(cache.field(field)) % 100, 2, 2, NOT_NEGATIVE);
        }
    }

    /** A text chosen by one field (month or day name, era, quarter, AM/PM, day period), from a table. */
    static final class Text extends Part {
        private final int field;
        private final String[] texts;

        Text(int field, String[] texts) {
            this.field = field;
            this.texts = texts;
        }

        @Override
        void append(StringBuilder out, Cache cache) {
            int index = (int) cache.field(field);
            out.append(texts[field == MONTH || field == QUARTER || field == DAY_OF_WEEK ? index - 1 : index]);
        }
    }

    /**
     * A part {@code DateTimeFormatter} prints: zone texts (remade per offset period) or localized
     * week and rare date fields (remade per local day). The text lives in the cache's slot.
     */
    static final class DateTimeText extends Part {
        private final DateTimeFormatter formatter;
        final int slot;
        private final boolean perOffsetPeriod;

        DateTimeText(DateTimeFormatter formatter, int slot, boolean perOffsetPeriod) {
            this.formatter = formatter;
            this.slot = slot;
            this.perOffsetPeriod = perOffsetPeriod;
        }

        String format(long epochSecond) {
            return formatter.format(java.time.Instant.ofEpochSecond(epochSecond));
        }

        @Override
        void append(StringBuilder out, Cache cache) {
            out.append(perOffsetPeriod ? cache.zoneTexts[slot] : cache.dayTexts[slot]);
        }
    }

    /** {@code S…}: the first digits of the nanoseconds (truncated, as Log4j prints them). */
    static final class Fraction extends SubSecondPart {
        private final int digits;
        private final long divisor;

        Fraction(int digits) {
            this.digits = digits;
            this.divisor = POWERS[9 - digits];
        }

        @Override
        void append(TextBuffer out, Cache cache, int nanos) {
            out.ensureCapacityFor(digits);
            out.setLength(NumberText.appendPadded(out.array(), out.length(), nanos / divisor, digits));
        }
    }

    /** {@code A…}, {@code n…}, {@code N…}: milliseconds of the local day, nanoseconds of the second or of the local day. */
    static final class SubSecondNumber extends SubSecondPart {
        private final char letter;
        private final int minWidth;

        SubSecondNumber(char letter, int minWidth) {
            this.letter = letter;
            this.minWidth = minWidth;
        }

        @Override
        void append(TextBuffer out, Cache cache, int nanos) {
            long value = letter == 'A' ? cache.secondOfDay * 1_000L + nanos / 1_000_000
                    : letter == 'n' ? nanos : cache.secondOfDay * 1_000_000_000L + nanos;
            NumberText.appendAtLeast(out, value, minWidth);
        }
    }

    // ---- per-writer state ----

    /**
     * The state of one {@link InstantPattern} for one writer: the second last formatted, taken
     * apart, and its text with holes for the sub-second parts; the zone's offset period and its zone
     * texts; the local day and its texts. Plain fields: a writer belongs to one thread at a time.
     * The builders grow to the pattern's longest output and stay there.
     */
    static final class Cache {
        InstantPattern owner;
        boolean secondValid;
        /** Whether the text of the cached second needs no JSON escaping (see {@link InstantPattern#isPlain}). */
        boolean secondIsPlain;
        long epochSecond;
        /** The second's text as its parts write it (once per second). */
        final StringBuilder second = new StringBuilder(64);
        /** The same text, copied per event from an array by {@link InstantPattern#appendTo}. */
        char[] secondChars = new char[64];
        int secondLength;
        /** {@link InstantPattern#format}'s text. */
        final TextBuffer line = new TextBuffer(64);
        int[] holes = new int[2];
        final OffsetPeriod offset = new OffsetPeriod();
        String[] zoneTexts = new String[1];
        boolean dayValid;
        long epochDay;
        String[] dayTexts = new String[1];
        // The local date and time of epochSecond.
        long year;
        int month;
        int dayOfMonth;
        int dayOfYear;
        int dayOfWeek;
        int secondOfDay;

        /** Makes this the cache of {@code pattern}: forgets what it knew of another. */
        void claim(InstantPattern pattern) {
            owner = pattern;
            secondValid = false;
            dayValid = false;
            offset.reset();
            if (holes.length < pattern.subSecondParts.length) {
                holes = new int[pattern.subSecondParts.length];
            }
            if (zoneTexts.length < pattern.zoneTexts.length) {
                zoneTexts = new String[pattern.zoneTexts.length];
            }
            if (dayTexts.length < pattern.dayTexts.length) {
                dayTexts = new String[pattern.dayTexts.length];
            }
        }

        void setSecondText(StringBuilder text) {
            secondLength = text.length();
            if (secondChars.length < secondLength) {
                secondChars = new char[secondLength * 2];
            }
            text.getChars(0, secondLength, secondChars, 0);
        }

        /** Takes the local day apart (its texts are the caller's). */
        void setDay(long day) {
            epochDay = day;
            long date = CivilDate.fromEpochDay(day);
            year = CivilDate.year(date);
            month = CivilDate.month(date);
            dayOfMonth = CivilDate.day(date);
            dayOfYear = (int) (day - CivilDate.toEpochDay(year, 1, 1)) + 1;
            dayOfWeek = (int) Math.floorMod(day + 3, 7L) + 1; // 1970-01-01 was a Thursday (ISO day 4)
        }

        long field(int field) {
            int hour = secondOfDay / 3600;
            switch (field) {
                case YEAR:
                    return year;
                case YEAR_OF_ERA:
                    return year >= 1 ? year : 1 - year;
                case ERA:
                    return year >= 1 ? 1 : 0;
                case MONTH:
                    return month;
                case QUARTER:
                    return (month - 1) / 3 + 1;
                case DAY_OF_MONTH:
                    return dayOfMonth;
                case DAY_OF_YEAR:
                    return dayOfYear;
                case DAY_OF_WEEK:
                    return dayOfWeek;
                case HOUR_OF_DAY:
                    return hour;
                case CLOCK_HOUR_OF_AMPM:
                    return hour % 12 == 0 ? 12 : hour % 12;
                case HOUR_OF_AMPM:
                    return hour % 12;
                case CLOCK_HOUR_OF_DAY:
                    return hour == 0 ? 24 : hour;
                case AMPM:
                    return hour / 12;
                case MINUTE_OF_HOUR:
                    return (secondOfDay / 60) % 60;
                case MINUTE_OF_DAY:
                    return secondOfDay / 60;
                case SECOND_OF_MINUTE:
                    return secondOfDay % 60;
                default:
                    throw new IllegalArgumentException("field " + field);
            }
        }
    }

    /**
     * The caches of the patterns one writer uses (its {@link EventScratch}): a few slots, found by
     * their pattern; a pattern not among them takes the oldest slot. A template rarely has more
     * than two timestamp patterns; a writer that alternates between more than {@value #SLOTS}
     * refills a slot per switch (and remakes its zone texts, which allocates).
     */
    static final class Caches {
        static final int SLOTS = 8;
        private final Cache[] slots = new Cache[SLOTS];
        private int next;

        Cache of(InstantPattern pattern) {
            for (Cache slot : slots) {
                if (slot == null) {
                    break;
                }
                if (slot.owner == pattern) {
                    return slot;
                }
            }
            Cache slot = slots[next];
            if (slot == null) {
                slot = new Cache();
                slots[next] = slot;
            }
            next = (next + 1) % SLOTS;
            slot.claim(pattern);
            return slot;
        }
    }
}
