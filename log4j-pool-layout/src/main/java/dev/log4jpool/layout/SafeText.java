package dev.log4jpool.layout;

/**
 * {@code toString()} and {@code getMessage()} of user objects, which may throw: the event is still
 * written, with a marker in place of the text, and nothing propagates into the appender.
 */
final class SafeText {
    private SafeText() {}

    static String toString(Object value) {
        try {
            return String.valueOf(value);
        } catch (Throwable failure) { // NOPMD: user code may throw anything; the event must survive
            return "[" + value.getClass().getName() + ".toString() threw " + failure.getClass().getName() + "]";
        }
    }

    static String message(Throwable throwable) {
        try {
            return throwable.getMessage();
        } catch (Throwable failure) { // NOPMD: see above
            return "[" + throwable.getClass().getName() + ".getMessage() threw " + failure.getClass().getName() + "]";
        }
    }
}
