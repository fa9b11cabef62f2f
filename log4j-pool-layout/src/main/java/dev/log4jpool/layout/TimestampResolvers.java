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
    static final class PatternTimestamp extends TemplateNode<LogEvent> {
        private final InstantPattern pattern;

        PatternTimestamp(InstantPattern pattern) {
            this.pattern = pattern;
        }

        @Override
        public void write(LogEvent event, JsonWriter out, EventScratch scratch) {
            Instant instant = event.getInstant();
            long epochSecond = instant.getEpochSecond();
            int nanos = instant.getNanoOfSecond();
            InstantPattern.Cache cache = scratch.instantPatterns.of(pattern);
            if (pattern.isPlain(epochSecond, cache)) {
                out.plainTimestamp(pattern, epochSecond, nanos, cache);
            } else {
                out.stringValue(pattern.format(epochSecond, nanos, cache));
            }
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
                return new EpochTimestamp(EpochUnit.NANOS);
            case "millis":
                return new EpochTimestamp(Boolean.TRUE.equals(rounded) ? EpochUnit.MILLIS_ROUNDED : EpochUnit.MILLIS);
            case "secs":
                return new EpochTimestamp(Boolean.TRUE.equals(rounded) ? EpochUnit.SECS_ROUNDED : EpochUnit.SECS);
            default: // millis.nanos, secs.nanos
                if (rounded != null) {
                    throw options.error("rounded", "cannot be given with unit \"" + unit + "\"");
                }
                return new EpochTimestamp(unit.equals("millis.nanos") ? EpochUnit.MILLIS_NANOS : EpochUnit.SECS_NANOS);
        }
    }

    /** Nanoseconds since the epoch; {@link ArithmeticException} past a {@code long} (year 2262). */
    static long epochNanos(Instant instant) {
        return Math.addExact(Math.multiplyExact(1_000_000_000L, instant.getEpochSecond()), instant.getNanoOfSecond());
    }

    /** {@code value / power} (power = 10^scale) as a decimal with exactly {@code scale} fraction digits. */
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

    /** The instant as a JSON number in one of the epoch units. */
    static final class EpochTimestamp extends TemplateNode<LogEvent> {
        private final EpochUnit unit;

        EpochTimestamp(EpochUnit unit) {
            this.unit = unit;
        }

        @Override
        public void write(LogEvent event, JsonWriter out, EventScratch scratch) {
            unit.write(event.getInstant(), out);
        }
    }

    /** What each {@code unit} (and {@code rounded}) writes. */
    enum EpochUnit {
        /** {@code nanos}. */
        NANOS {
            @Override
            void write(Instant instant, JsonWriter out) {
                out.longValue(epochNanos(instant));
            }
        },
        /** {@code millis}: milliseconds with a six-digit fraction. */
        MILLIS {
            @Override
            void write(Instant instant, JsonWriter out) {
                appendScaled(out.buffer(), epochNanos(instant), 6, 1_000_000L);
            }
        },
        /** {@code millis}, {@code rounded}: whole milliseconds (Log4j's, rounded down). */
        MILLIS_ROUNDED {
            @Override
            void write(Instant instant, JsonWriter out) {
                out.longValue(instant.getEpochMillisecond());
            }
        },
        /** {@code millis.nanos}: the nanoseconds within the millisecond (negative before the epoch, as in Log4j). */
        MILLIS_NANOS {
            @Override
            void write(Instant instant, JsonWriter out) {
                out.longValue(epochNanos(instant) % 1_000_000L);
            }
        },
        /** {@code secs}: seconds with a nine-digit fraction. */
        SECS {
            @Override
            void write(Instant instant, JsonWriter out) {
                appendScaled(out.buffer(), epochNanos(instant), 9, 1_000_000_000L);
            }
        },
        /** {@code secs}, {@code rounded}: whole seconds. */
        SECS_ROUNDED {
            @Override
            void write(Instant instant, JsonWriter out) {
                out.longValue(instant.getEpochSecond());
            }
        },
        /** {@code secs.nanos}: the nanoseconds within the second. */
        SECS_NANOS {
            @Override
            void write(Instant instant, JsonWriter out) {
                out.longValue(instant.getNanoOfSecond());
            }
        };

        abstract void write(Instant instant, JsonWriter out);
    }
}
