package dev.log4jpool.layout;

import dev.log4jpool.internal.JsonCodec;


/** What a {@link JsonWriter} needs to know of its layout's configuration for one event. Immutable. */
final class LayoutSettings {
    final int maxStringLength;
    /** Already escaped. */
    final char[] truncationMarker;
    /** Every non-ASCII char as {@code \}{@code uXXXX}: for ASCII-compatible charsets other than UTF-8. */
    final boolean asciiOnly;
    /** Where a member that failed is reported (rate-limited); one per layout. */
    final FailureReporter failures;

    LayoutSettings(int maxStringLength, String truncationMarker, boolean asciiOnly) {
        this.maxStringLength = maxStringLength;
        this.truncationMarker = JsonCodec.escapeConstant(truncationMarker, asciiOnly);
        this.asciiOnly = asciiOnly;
        this.failures = new FailureReporter();
    }
}
