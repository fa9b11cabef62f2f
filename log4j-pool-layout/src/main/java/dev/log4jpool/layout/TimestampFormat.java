package dev.log4jpool.layout;

import java.util.Locale;

/** The {@code timestampFormat} attribute of {@link PooledJsonLayout}. */
public enum TimestampFormat {
    /** {@code "2026-11-23T10:15:30.123Z"} (the default). */
    ISO_MILLIS(3),
    /** {@code "2026-11-23T10:15:30.123456Z"}. */
    ISO_MICROS(6),
    /** {@code "2026-11-23T10:15:30.123456789Z"}: all the precision Log4j's {@code Instant} carries. */
    ISO_NANOS(9),
    /** Milliseconds since 1970-01-01T00:00:00Z, a JSON number: {@code 1795428930123}. */
    EPOCH_MILLIS(0),
    /** Nanoseconds since 1970-01-01T00:00:00Z, a JSON number (fits a {@code long} until 2262). */
    EPOCH_NANOS(0);

    /** Digits of the fraction of a second for the ISO formats. */
    final int fractionDigits;

    TimestampFormat(int fractionDigits) {
        this.fractionDigits = fractionDigits;
    }

    boolean isIso() {
        return fractionDigits > 0;
    }

    /**
     * Parses an attribute value, ignoring case and accepting {@code -} for {@code _}.
     *
     * @throws IllegalArgumentException naming the attribute, the value and the choices
     */
    static TimestampFormat parse(String value) {
        if (value == null || value.isBlank()) {
            return ISO_MILLIS;
        }
        String normalized = value.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (TimestampFormat format : values()) {
            if (format.name().equals(normalized)) {
                return format;
            }
        }
        throw new IllegalArgumentException("PooledJsonLayout: timestampFormat=\"" + value
                + "\" is not one of ISO_MILLIS, ISO_MICROS, ISO_NANOS, EPOCH_MILLIS, EPOCH_NANOS");
    }
}
