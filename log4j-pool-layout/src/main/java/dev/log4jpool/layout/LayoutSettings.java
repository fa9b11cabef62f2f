package dev.log4jpool.layout;

import dev.log4jpool.internal.JsonCodec;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** What a {@link JsonWriter} needs to know of its layout's configuration for one event. Immutable. */
final class LayoutSettings {
    final int maxStringLength;
    /** Already escaped. */
    final char[] truncationMarker;
    /** Every non-ASCII char as {@code \}{@code uXXXX}: for ASCII-compatible charsets other than UTF-8. */
    final boolean asciiOnly;
    /** The configured member names, escaped as written. */
    final ReservedKeys reservedKeys;
    /** Where a member that failed is reported (rate-limited); one per layout. */
    final FailureReporter failures;

    LayoutSettings(int maxStringLength, String truncationMarker, boolean asciiOnly, Collection<String> configuredNames) {
        this.maxStringLength = maxStringLength;
        this.truncationMarker = JsonCodec.escapeConstant(truncationMarker, asciiOnly);
        this.asciiOnly = asciiOnly;
        List<String> escaped = new ArrayList<>();
        for (String name : configuredNames) {
            escaped.add(new String(JsonCodec.escapeConstant(name, asciiOnly)));
        }
        this.reservedKeys = new ReservedKeys(escaped);
        this.failures = new FailureReporter();
    }
}
