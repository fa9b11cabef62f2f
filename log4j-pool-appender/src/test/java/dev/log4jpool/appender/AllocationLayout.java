package dev.log4jpool.appender;

/**
 * The layout of the allocation tests: one that Log4j documents as garbage-free. No date: Log4j
 * 2.25.3's date converters allocate now and then (24 bytes when the formatted instant changes, and
 * on some runs every event, as C2's escape analysis decides), which would hide what this appender does.
 */
final class AllocationLayout {
    static final String XML = "<PatternLayout pattern=\"%p %c %m%n\"/>";

    private AllocationLayout() {}
}
