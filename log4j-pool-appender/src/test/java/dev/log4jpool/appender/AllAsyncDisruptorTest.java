package dev.log4jpool.appender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.lmax.disruptor.RingBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * The combination the project supports and pins: Log4j 2.25–2.26 all-async loggers, the Disruptor
 * version of the parent pom ({@code disruptor.version}), and {@code log4j2.enableThreadlocals=true}.
 *
 * <p>Measured while choosing it (see the parent pom): with Disruptor 4.0.0 and thread locals on, two
 * producers lost between 29 % and 78 % of their events, RandomAccessFile and PooledFile alike, even
 * after {@code LogManager.shutdown()}, and the lines were still missing when the file was read 3 s
 * before the shutdown; one producer, or
 * thread locals off, or a ring too large to fill, lost none. With 3.4.4 none were lost. These tests
 * count lines against calls for exactly that shape (2 producers, 22,000 events, the report),
 * with Log4j's RandomAccessFile appender and with PooledFile.
 */
class AllAsyncDisruptorTest {
    @TempDir
    Path dir;

    @Test
    void theDisruptorOnTheClassPathIsThePinnedOne() {
        String pinned = System.getProperty("disruptor.version");
        assertTrue(pinned != null && !pinned.isBlank(), "surefire passes disruptor.version from the pom");
        String jar = RingBuffer.class.getProtectionDomain().getCodeSource().getLocation().getPath();
        assertTrue(jar.endsWith("disruptor-" + pinned + ".jar"), jar + " should be Disruptor " + pinned);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "<RandomAccessFile name=\"file\" fileName=\"FILE\" append=\"false\">PATTERN</RandomAccessFile>",
        "<PooledFile name=\"file\" fileName=\"FILE\" append=\"false\">LAYOUT</PooledFile>",
        "<PooledFile name=\"file\" fileName=\"FILE\" append=\"false\" async=\"true\">LAYOUT</PooledFile>"
    })
    void twoProducersWithThreadLocalsLoseNothing(String appender) throws Exception {
        Path file = dir.resolve("all-async.log");
        Path config = dir.resolve("log4j2.xml");
        Files.writeString(config, TestContexts.config(
                appender.replace("FILE", TestContexts.xmlPath(file)).replace("LAYOUT", StressLayout.XML)
                        .replace("PATTERN", StressLayout.PATTERN_XML)));
        String printed = ChildJvm.run(config, dir.resolve("child.out"),
                List.of("-Dlog4j2.contextSelector=" + ChildJvm.ALL_ASYNC_SELECTOR, "-Dlog4j2.enableThreadlocals=true"),
                "count", "2", "22000");
        assertTrue(printed.contains("calls=44000 context=org.apache.logging.log4j.core.async.AsyncLoggerContext"), printed);
        assertEquals(44_000, LogLines.read(file).size(), "lines == calls");
        LogLines.assertCompleteAndOrdered(file, 2, 22_000);
    }
}
