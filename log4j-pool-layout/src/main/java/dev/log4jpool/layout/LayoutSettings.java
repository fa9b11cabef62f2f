package dev.log4jpool.layout;

/** What a {@link JsonWriter} needs to know of its layout's configuration for one event. Immutable. */
final class LayoutSettings {
    final int maxStringLength;
    /** Already escaped. */
    final char[] truncationMarker;
    /** Every non-ASCII char as {@code \}{@code uXXXX}: for ASCII-compatible charsets other than UTF-8. */
    final boolean asciiOnly;
    final ReservedKeys reservedKeys;

    LayoutSettings(int maxStringLength, String truncationMarker, boolean asciiOnly, ReservedKeys reservedKeys) {
        this.maxStringLength = maxStringLength;
        this.truncationMarker = JsonEscaper.escapeConstant(truncationMarker, asciiOnly);
        this.asciiOnly = asciiOnly;
        this.reservedKeys = reservedKeys;
    }
}
