package dev.log4jpool.layout;

import static dev.log4jpool.layout.LayoutTesting.builder;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Every bad attribute fails the build with a message naming the attribute and the value. */
class ConfigurationErrorTest {
    private static String error(PooledJsonLayout.Builder builder) {
        return assertThrows(IllegalArgumentException.class, builder::build).getMessage();
    }

    @Test
    void namesTheAttributeAndTheValue() {
        assertEquals("PooledJsonLayout: timestampFormat=\"yyyy\" is not one of ISO_MILLIS, ISO_MICROS, ISO_NANOS, EPOCH_MILLIS, EPOCH_NANOS",
                error(builder().setTimestampFormat("yyyy")));
        assertEquals("PooledJsonLayout: stackTraceFormat=\"xml\" is not one of STRING, ARRAY, NONE",
                error(builder().setStackTraceFormat("xml")));
        assertEquals("PooledJsonLayout: maxStringLength=\"0\" must be positive", error(builder().setMaxStringLength(0)));
        assertEquals("PooledJsonLayout: maxStackTraceLines=\"-1\" must be 0 (no limit) or positive",
                error(builder().setMaxStackTraceLines(-1)));
        assertEquals("PooledJsonLayout: charset=\"klingon\" is not a charset this JVM knows", error(builder().setCharset("klingon")));
        assertEquals("PooledJsonLayout: charset=\"UTF-16\" does not encode ASCII as single ASCII bytes; use UTF-8 or an ASCII-compatible charset",
                error(builder().setCharset("UTF-16")));
        String zone = error(builder().setTimeZone("Mars/Olympus"));
        assertEquals(true, zone.startsWith("PooledJsonLayout: timeZone=\"Mars/Olympus\" is not a time zone id"), zone);
    }
}
