package dev.log4jpool.appender;

/**
 * The layouts of the stress and crash tests. The events' messages are JSON objects already
 * ({@code {"thread":t,"seq":i}}), so {@code %m%n} makes one JSON line per event, and PooledJsonLayout
 * one JSON line whose {@code message} holds that object as text ({@link LogLines#payload} reads both).
 */
final class StressLayout {
    /** The project's JSON layout: what a PooledFile user runs. */
    static final String XML = "<PooledJsonLayout/>";
    /** Log4j's text layout, for the peers that the numbers were measured with. */
    static final String PATTERN_XML = "<PatternLayout pattern=\"%m%n\"/>";

    private StressLayout() {}
}
