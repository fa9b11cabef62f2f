package dev.log4jpool.samples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class DemoOptionsTest {

    @Test
    void defaultsAreAMillionEventsFromTwoThreadsThroughTheFileSample() throws Exception {
        DemoOptions options = DemoOptions.parse(List.of());
        assertEquals(Sample.FILE_BLOCK, options.sample());
        assertEquals(1_000_000, options.events());
        assertEquals(2, options.threads());
        assertEquals(DemoOptions.MessageKind.PARAMS, options.message());
        assertEquals(Path.of("logs", "demo.log"), options.logFile());
    }

    @Test
    void readsEveryOption() throws Exception {
        DemoOptions options = DemoOptions.parse(List.of("--sample", "async-appender", "--events", "1_000",
                "--threads", "4", "--message", "typed", "--file", "x/y.log"));
        assertEquals(Sample.ASYNC_APPENDER, options.sample());
        assertEquals(1000, options.events());
        assertEquals(4, options.threads());
        assertEquals(DemoOptions.MessageKind.TYPED, options.message());
        assertEquals(Path.of("x/y.log"), options.logFile());
    }

    @Test
    void badOptionsSayWhatIsWrong() {
        assertUsage("unknown option --nope", "--nope", "1");
        assertUsage("--events needs a whole number, got 'many'", "--events", "many");
        assertUsage("--events must be between 1 and", "--events", "0");
        assertUsage("--threads must be between 1 and 64, got 65", "--threads", "65");
        assertUsage("--message must be params or typed", "--message", "json");
        assertUsage("unknown sample 'nope'", "--sample", "nope");
        assertUsage("missing value after --events", "--events");
    }

    private static void assertUsage(String expected, String... args) {
        DemoOptions.UsageException e = assertThrows(DemoOptions.UsageException.class, () -> DemoOptions.parse(List.of(args)));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
