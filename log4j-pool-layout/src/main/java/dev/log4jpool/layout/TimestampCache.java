package dev.log4jpool.layout;

/**
 * The text of the last second a {@link TimestampFormatter} wrote with one {@link JsonWriter}, and
 * the zone offset valid around it: consecutive events share their second, so most timestamps cost
 * a copy of ~20 chars and the fraction digits. Plain fields: a writer belongs to one thread at a time.
 */
final class TimestampCache {
    TimestampFormatter owner;
    long epochSecond;
    /** {@code yyyy-MM-ddTHH:mm:ss} of {@link #epochSecond} in the zone. */
    final char[] second = new char[32];
    int secondLength;
    /** {@code Z} or {@code +hh:mm}. */
    final char[] offsetText = new char[12];
    int offsetTextLength;
    /** The zone offset and the epoch seconds [from, until) in which it holds. */
    int offsetSeconds;
    long offsetFrom = Long.MAX_VALUE;
    long offsetUntil = Long.MIN_VALUE;
}
