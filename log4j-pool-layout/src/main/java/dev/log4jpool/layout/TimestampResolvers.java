package dev.log4jpool.layout;

import dev.log4jpool.buffer.TextBuffer;
import java.util.Locale;
import java.util.TimeZone;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.time.Instant;
import org.apache.logging.log4j.util.PropertiesUtil;

/**
 * The {@code timestamp} resolver: the event's instant as a string in a date-time pattern
 * ({@code "pattern": {"format", "timeZone", "locale"}}, the default) or as a number since the epoch
 * ({@code "epoch": {"unit", "rounded"}}), with JsonTemplateLayout's options, defaults and output.
 *
 * <p>Pattern defaults are JsonTemplateLayout's: the properties
 * {@code log4j.layout.jsonTemplate.timestampFormatPattern} (else
 * {@value #DEFAULT_PATTERN}), {@code log4j.layout.jsonTemplate.timeZone} (else the JVM's zone) and
 * {@code log4j.layout.jsonTemplate.locale} (else the JVM's locale), read when the layout is built.
 * A {@code timeZone} option must name one of {@code TimeZone.getAvailableIDs()}, compared ignoring
 * case (and is then looked up as given, so {@code "utc"} is {@code GMT}, as in JsonTemplateLayout).
 *
 * <p>Epoch units: {@code nanos}, {@code millis} and {@code secs} (with the nanoseconds as a
 * fraction: always 6 or 9 digits; whole with {@code "rounded": true}), {@code millis.nanos} and
 * {@code secs.nanos} (the nanoseconds within the millisecond or second). As in JsonTemplateLayout,
 * {@code "rounded": false} is refused with {@code nanos} and any {@code rounded} with the two
 * fraction units; nanoseconds since the epoch that do not fit a {@code long} (after 2262) are a
 * failure of the member. Everything here writes without allocating (see {@link InstantPattern}
 * for the few pattern parts that allocate once per zone transition or local day).
 *
 * <p>Difference: instants less than a millisecond ({@code millis}) or a second ({@code secs}) from
 * the epoch are written as {@code 0.000123}; JsonTemplateLayout inserts its decimal point into the
 * text before the number there.
 */
final class TimestampResolvers {
    static final String DEFAULT_PATTERN = "yyyy-MM-dd'T'HH:mm:ss.SSSZZZ";

    private static final String[] UNITS = {"nanos", "millis", "secs", "millis.nanos", "secs.nanos"};

    private TimestampResolvers() {}

    static TemplateNode<LogEvent> create(ResolverOptions options, TemplateContext context) {
        boolean pattern = options.has("pattern");
        boolean epoch = options.has("epoch");
        if (pattern && epoch) {
            throw options.error("has both \"pattern\" and \"epoch\"; give one of them");
        }
        return epoch ? epoch(options.object("epoch")) : pattern(options.object("pattern"));
    }

    // ---- pattern ----

    private static TemplateNode<LogEvent> pattern(ResolverOptions options) {
        PropertiesUtil properties = PropertiesUtil.getProperties();
        String format = options == null ? null : options.string("format", null);
        if (format == null) {
            format = properties.getStringProperty("log4j.layout.jsonTemplate.timestampFormatPattern", DEFAULT_PATTERN);
        }
        TimeZone timeZone;
        String zoneId = options == null ? null : options.string("timeZone", null);
        if (zoneId != null) {
            timeZone = availableTimeZone(options, zoneId);
        } else {
            String property = properties.getStringProperty("log4j.layout.jsonTemplate.timeZone");
            timeZone = property != null ? TimeZone.getTimeZone(property) : TimeZone.getDefault();
        }
        String localeText = options == null ? null : options.string("locale", null);
        if (localeText == null) {
            localeText = properties.getStringProperty("log4j.layout.jsonTemplate.locale");
        }
        Locale locale = localeText == null ? Locale.getDefault() : locale(localeText);
        try {
            return new PatternTimestamp(InstantPattern.compile(format, locale, timeZone));
        } catch (IllegalArgumentException invalid) {
            if (options == null || !options.has("format")) {
                throw new IllegalArgumentException("PooledJsonLayout: the timestamp pattern \"" + format
                        + "\" of log4j.layout.jsonTemplate.timestampFormatPattern " + invalid.getMessage(), invalid);
            }
            throw options.error("format", "\"" + format + "\" " + invalid.getMessage());
        }
    }

    private static TimeZone availableTimeZone(ResolverOptions options, String zoneId) {
        for (String available : TimeZone.getAvailableIDs()) {
            if (available.equalsIgnoreCase(zoneId)) {
                return TimeZone.getTimeZone(zoneId);
            }
        }
        throw options.error("timeZone", "is \"" + zoneId + "\", which is not one of TimeZone.getAvailableIDs()");
    }

    /** {@code language[_country[_variant]]}, as JsonTemplateLayout splits it (no validation). */
    @SuppressWarnings("deprecation") // Locale.of is Java 19+; this is what JsonTemplateLayout does on 17
    static Locale locale(String text) {
        String[] fields = text.split("_", 3);
        switch (fields.length) {
            case 1:
                return new Locale(fields[0]);
            case 2:
                return new Locale(fields[0], fields[1]);
            default:
                return new Locale(fields[0], fields[1], fields[2]);
        }
    }

    /** The instant in a pattern, as a JSON string (escaped and cut at {@code maxStringLength} like any string). */
    static final class PatternTimestamp implements TemplateNode<LogEvent> {
        private final InstantPattern pattern;

        PatternTimestamp(InstantPattern pattern) {
            this.pattern = pattern;
        }

        @Override
        public void write(LogEvent event, JsonWriter out, EventScratch scratch) {
            Instant instant = event.getInstant();
            InstantPattern.Cache cache = scratch.instantPatterns.of(pattern);
            out.stringValue(pattern.format(instant.getEpochSecond(), instant.getNanoOfSecond(), cache));
        }
    }

    // ---- epoch ----

    private static TemplateNode<LogEvent> epoch(ResolverOptions options) {
        String unit = options.requiredChoice("unit", UNITS);
        Boolean rounded = options.has("rounded") ? options.bool("rounded", false) : null;
        switch (unit) {
            case "nanos":
                if (Boolean.FALSE.equals(rounded)) {
                    throw options.error("rounded", "cannot be false with unit \"nanos\" (nanoseconds are whole)");
                }
                return new EpochNanos();
            case "millis":
                return Boolean.TRUE.equals(rounded) ? new EpochMillisRounded() : new EpochMillis();
            case "secs":
                return Boolean.TRUE.equals(rounded) ? new EpochSecsRounded() : new EpochSecs();
            default: // millis.nanos, secs.nanos
                if (rounded != null) {
                    throw options.error("rounded", "cannot be given with unit \"" + unit + "\"");
                }
                return unit.equals("millis.nanos") ? new EpochMillisNanos() : new EpochSecsNanos();
        }
    }

    /** Nanoseconds since the epoch; {@link ArithmeticException} past a {@code long} (year 2262). */
    static long epochNanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(1_000_000_000L, instant.getEpochSecond()), instant.getNanoOfSecond());
    }

    /** {@code value / 10^scale} as a decimal with exactly {@code scale} fraction digits. */
    static void appendScaled(TextBuffer out, long value, int scale, long power) {
        long whole = value / power;
        long fraction = value % power;
        if (value < 0) {
            out.append('-');
        }
        NumberText.appendLong(out, Math.abs(whole));
        out.ensureCapacityFor(scale + 1);
        char[] target = out.array();
        int p = out.length();
        target[p++] = '.';
        out.setLength(NumberText.appendPadded(target, p, Math.abs(fraction), scale));
    }

    /** {@code "unit": "nanos"}. */
    static final class EpochNanos implements TemplateNode<LogEvent> {
        @Override
        public void write(LogEvent event, JsonWriter out, EventScratch scratch) {
            out.longValue(epochNanos(event.getInstant()));
        }
    }

    /** {@code "unit": "millis"}: milliseconds with a six-digit fraction. */
    static final class EpochMillis implements TemplateNode<LogEvent> {
        @Override
        public void write(LogEvent event, JsonWriter out, EventScratch scratch) {
            appendScaled(out.buffer(), epochNanos(event.getInstant()), 6, 1_000_000L);
        }
    }

    /** {@code "unit": "millis", "rounded": true}: whole milliseconds (Log4j's, rounded down). */
    static final class EpochMillisRounded implements TemplateNode<LogEvent> {
        @Override
        public void write(LogEvent event, JsonWriter out, EventScratch scratch) {
            out.longValue(event.getInstant().getEpochMillisecond());
        }
    }

    /** {@code "unit": "millis.nanos"}: the nanoseconds within the millisecond (negative before the epoch, as in Log4j). */
    static final class EpochMillisNanos implements TemplateNode<LogEvent> {
        @Override
        public void write(LogEvent event, JsonWriter out, EventScratch scratch) {
            out.longValue(epochNanos(event.getInstant()) % 1_000_000L);
        }
    }

    /** {@code "unit": "secs"}: seconds with a nine-digit fraction. */
    static final class EpochSecs implements TemplateNode<LogEvent> {
        @Override
        public void write(LogEvent event, JsonWriter out, EventScratch scratch) {
            appendScaled(out.buffer(), epochNanos(event.getInstant()), 9, 1_000_000_000L);
        }
    }

    /** {@code "unit": "secs", "rounded": true}: whole seconds. */
    static final class EpochSecsRounded implements TemplateNode<LogEvent> {
        @Override
        public void write(LogEvent event, JsonWriter out, EventScratch scratch) {
            out.longValue(event.getInstant().getEpochSecond());
        }
    }

    /** {@code "unit": "secs.nanos"}: the nanoseconds within the second. */
    static final class EpochSecsNanos implements TemplateNode<LogEvent> {
        @Override
        public void write(LogEvent event, JsonWriter out, EventScratch scratch) {
            out.longValue(event.getInstant().getNanoOfSecond());
        }
    }
}
