package dev.log4jpool.buffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Properties;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.util.PropertiesUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BufferPoolPropertiesTest {
    private final StatusCapture status = new StatusCapture(Level.ERROR);

    @BeforeEach
    void listen() {
        status.start();
    }

    @AfterEach
    void stopListening() {
        status.stop();
    }

    private static BufferPool poolFrom(String... keyValues) {
        Properties properties = new Properties();
        for (int i = 0; i < keyValues.length; i += 2) {
            properties.setProperty(keyValues[i], keyValues[i + 1]);
        }
        return BufferPoolProperties.fromProperties(new PropertiesUtil(properties));
    }

    @Test
    void readsEverySetting() {
        BufferPool pool = poolFrom(
                "log4jpool.bufferSize", "1024",
                "log4jpool.maxBuffers", "8",
                "log4jpool.maxRetainedSize", "4096",
                "log4jpool.threadLocal", "false");
        assertEquals("default", pool.getName());
        assertEquals(1024, pool.getBufferSize());
        assertEquals(8, pool.getRingCapacity());
        assertEquals(4096, pool.getMaxRetainedSize());
        assertFalse(pool.isThreadLocalEnabled());
        assertTrue(status.messages().isEmpty(), status.messages()::toString);
    }

    @Test
    void withoutPropertiesTheDefaultsHold() {
        BufferPool pool = poolFrom();
        assertEquals(8192, pool.getBufferSize());
        assertEquals(32, pool.getRingCapacity());
        assertEquals(65536, pool.getMaxRetainedSize());
    }

    @Test
    void aBadValueIsReportedByNameAndTheDefaultKept() {
        BufferPool pool = poolFrom(
                "log4jpool.bufferSize", "lots",
                "log4jpool.maxBuffers", "-3");
        assertEquals(8192, pool.getBufferSize());
        assertEquals(32, pool.getRingCapacity());
        assertTrue(status.messages().stream().anyMatch(e -> e.contains("log4jpool.bufferSize") && e.contains("'lots'")), status.messages()::toString);
        assertTrue(status.messages().stream().anyMatch(e -> e.contains("log4jpool.maxBuffers") && e.contains("-3")), status.messages()::toString);
    }

    @Test
    void aRetainedSizeBelowTheBufferSizeIsReportedAndDerivedInstead() {
        BufferPool pool = poolFrom("log4jpool.bufferSize", "1000", "log4jpool.maxRetainedSize", "10");
        assertEquals(1000, pool.getBufferSize());
        assertEquals(8000, pool.getMaxRetainedSize());
        assertTrue(status.messages().stream().anyMatch(e -> e.contains("log4jpool.maxRetainedSize")), status.messages()::toString);
    }
}
