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

    /** {@code getLocalizedMessage()}, which {@code Throwable.toString()} and so the JDK's trace header use. */
    static String localizedMessage(Throwable throwable) {
        try {
            return throwable.getLocalizedMessage();
        } catch (Throwable failure) { // NOPMD: see above
            return "[" + throwable.getClass().getName() + ".getLocalizedMessage() threw " + failure.getClass().getName() + "]";
        }
    }

    /** The marker written in place of a value whose reading threw (a hostile {@code CharSequence}). */
    static String valueMarker(Object value, Throwable failure) {
        return "[" + value.getClass().getName() + " threw " + failure.getClass().getName() + "]";
    }

    static String message(Throwable throwable) {
        try {
            return throwable.getMessage();
        } catch (Throwable failure) { // NOPMD: see above
            return "[" + throwable.getClass().getName() + ".getMessage() threw " + failure.getClass().getName() + "]";
        }
    }
}
