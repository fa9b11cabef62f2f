package dev.log4jpool.appender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.log4jpool.buffer.BufferPoolPlugin;
import dev.log4jpool.layout.PooledJsonLayout;
import org.apache.logging.log4j.core.config.plugins.util.PluginManager;
import org.apache.logging.log4j.core.config.plugins.util.PluginType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Log4j finds every plugin of the project through the Log4j2Plugins.dat its annotation processor
 * wrote into our jars (implicit annotation processing is off from JDK 23, so this fails if the
 * processors are not named in the build).
 */
class PluginRegistrationTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({"bufferpool, BUFFER_POOL", "pooledjsonlayout, LAYOUT", "pooledfile, APPENDER"})
    void log4jFindsThePlugin(String key, String which) {
        PluginManager manager = new PluginManager("Core");
        manager.collectPlugins();
        PluginType<?> type = manager.getPluginType(key);
        assertNotNull(type, key + " is not in any Log4j2Plugins.dat");
        Class<?> expected = which.equals("BUFFER_POOL") ? BufferPoolPlugin.class
                : which.equals("LAYOUT") ? PooledJsonLayout.class : PooledFileAppender.class;
        assertEquals(expected, type.getPluginClass());
    }
}
