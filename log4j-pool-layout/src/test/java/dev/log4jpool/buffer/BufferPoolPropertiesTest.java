package dev.log4jpool.buffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.status.StatusData;
import org.apache.logging.log4j.status.StatusListener;
import org.apache.logging.log4j.status.StatusLogger;
import org.apache.logging.log4j.util.PropertiesUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BufferPoolPropertiesTest {
    private final List<String> errors = new CopyOnWriteArrayList<>();
    private final StatusListener listener = new StatusListener() {
        @Override
        public void log(StatusData data) {
            if (data.getLevel().isMoreSpecificThan(Level.ERROR)) {
                errors.add(data.getMessage().getFormattedMessage());
            }
        }

        @Override
        public Level getStatusLevel() {
            return Level.ERROR;
        }

        @Override
        public void close() {}
    };

    @BeforeEach
    void listen() {
        StatusLogger.getLogger().registerListener(listener);
    }

    @AfterEach
    void stopListening() {
        StatusLogger.getLogger().removeListener(listener);
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
        assertTrue(errors.isEmpty(), errors::toString);
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
        assertTrue(errors.stream().anyMatch(e -> e.contains("log4jpool.bufferSize") && e.contains("'lots'")), errors::toString);
        assertTrue(errors.stream().anyMatch(e -> e.contains("log4jpool.maxBuffers") && e.contains("-3")), errors::toString);
    }

    @Test
    void aRetainedSizeBelowTheBufferSizeIsReportedAndDerivedInstead() {
        BufferPool pool = poolFrom("log4jpool.bufferSize", "1000", "log4jpool.maxRetainedSize", "10");
        assertEquals(1000, pool.getBufferSize());
        assertEquals(8000, pool.getMaxRetainedSize());
        assertTrue(errors.stream().anyMatch(e -> e.contains("log4jpool.maxRetainedSize")), errors::toString);
    }
}
