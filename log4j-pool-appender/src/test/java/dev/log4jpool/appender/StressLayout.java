package dev.log4jpool.appender;

/**
 * The layout of the stress and crash tests: the events' messages are JSON objects already, so
 * {@code %m%n} makes one JSON line per event.
 */
final class StressLayout {
    static final String XML = "<PatternLayout pattern=\"%m%n\"/>";

    private StressLayout() {}
}
