package dev.log4jpool.layout;

import java.util.Locale;

/** The {@code stackTraceFormat} attribute of {@link PooledJsonLayout}: how {@code error.stack_trace} is written. */
public enum StackTraceFormat {
    /** One string, lines separated by {@code \n}, as {@code Throwable.printStackTrace()} prints them (the default). */
    STRING,
    /** An array of strings, one per line of that text. */
    ARRAY,
    /** No stack trace: {@code error} holds the type and message only. */
    NONE;

    /**
     * Parses an attribute value, ignoring case.
     *
     * @throws IllegalArgumentException naming the attribute, the value and the choices
     */
    static StackTraceFormat parse(String value) {
        if (value == null || value.isBlank()) {
            return STRING;
        }
        for (StackTraceFormat format : values()) {
            if (format.name().equals(value.trim().toUpperCase(Locale.ROOT))) {
                return format;
            }
        }
        throw new IllegalArgumentException(
                "PooledJsonLayout: stackTraceFormat=\"" + value + "\" is not one of STRING, ARRAY, NONE");
    }
}
