package dev.log4jpool.buffer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.apache.logging.log4j.core.config.plugins.util.PluginManager;
import org.apache.logging.log4j.core.config.plugins.util.PluginType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code <BufferPool>} element as a user declares it in log4j2.xml. */
class BufferPoolPluginTest {
    private final StatusCapture status = new StatusCapture(Level.WARN);

    @TempDir
    Path dir;

    private LoggerContext context;

    @BeforeEach
    void listen() {
        status.start();
    }

    @AfterEach
    void stop() {
        if (context != null) {
            Configurator.shutdown(context);
        }
        status.stop();
    }

    /** What the status logger said at WARN or worse, as {@code LEVEL message}. */
    private List<String> warnings() {
        return status.all().stream().map(data -> data.getLevel() + " " + data.getMessage().getFormattedMessage()).toList();
    }

    private LoggerContext start(String appenders) throws Exception {
        Path config = dir.resolve("log4j2-" + System.nanoTime() + ".xml");
        Files.writeString(config, "<Configuration status=\"warn\"><Appenders>" + appenders
                + "</Appenders><Loggers><Root level=\"info\"><AppenderRef ref=\"a\"/></Root></Loggers></Configuration>",
                StandardCharsets.UTF_8);
        context = Configurator.initialize("pool-test-" + System.nanoTime(), null, config.toUri());
        return context;
    }

    private PoolProbeAppender probe(String name) {
        return context.getConfiguration().getAppender(name);
    }

    @Test
    void log4jFindsThePluginInOurJar() {
        PluginManager manager = new PluginManager("Core");
        manager.collectPlugins();
        PluginType<?> type = manager.getPluginType("bufferpool");
        assertNotNull(type, "BufferPool is not in Log4j2Plugins.dat");
        assertEquals(BufferPoolPlugin.class, type.getPluginClass());
    }

    @Test
    void anElementBuildsAPoolWithItsSettings() throws Exception {
        start("<PoolProbe name=\"a\"><BufferPool name=\"large\" bufferSize=\"65536\" maxBuffers=\"4\""
                + " threadLocal=\"false\" maxRetainedSize=\"131072\"/></PoolProbe>");
        BufferPool pool = probe("a").pool();
        assertEquals("large", pool.getName());
        assertEquals(65536, pool.getBufferSize());
        assertEquals(4, pool.getRingCapacity());
        assertFalse(pool.isThreadLocalEnabled());
        assertEquals(131072, pool.getMaxRetainedSize());
        assertTrue(warnings().stream().noneMatch(w -> w.contains("not properly registered") || w.contains("ERROR")),
                warnings()::toString);
    }

    @Test
    void twoElementsWithOneNameShareOnePool() throws Exception {
        start("<PoolProbe name=\"a\"><BufferPool name=\"shared\" bufferSize=\"1024\"/></PoolProbe>"
                + "<PoolProbe name=\"b\"><BufferPool name=\"shared\" bufferSize=\"1024\"/></PoolProbe>"
                + "<PoolProbe name=\"c\"><BufferPool name=\"other\" bufferSize=\"1024\"/></PoolProbe>");
        assertSame(probe("a").pool(), probe("b").pool());
        assertNotSame(probe("a").pool(), probe("c").pool());
        assertTrue(warnings().isEmpty(), warnings()::toString);
    }

    @Test
    void aSecondDeclarationWithOtherSettingsIsReported() throws Exception {
        start("<PoolProbe name=\"a\"><BufferPool name=\"twice\" bufferSize=\"1024\"/></PoolProbe>"
                + "<PoolProbe name=\"b\"><BufferPool name=\"twice\" bufferSize=\"2048\"/></PoolProbe>");
        assertSame(probe("a").pool(), probe("b").pool());
        assertEquals(1024, probe("b").pool().getBufferSize());
        assertTrue(warnings().stream().anyMatch(w -> w.contains("\"twice\"") && w.contains("different settings")),
                warnings()::toString);
    }

    @Test
    void anInvalidAttributeFailsNamingItAndItsValue() throws Exception {
        start("<PoolProbe name=\"a\"><BufferPool name=\"bad\" bufferSize=\"-1\"/></PoolProbe>");
        assertTrue(warnings().stream().anyMatch(w -> w.contains("bufferSize") && w.contains("-1")), warnings()::toString);
        assertNull(probe("a").pool(), "no pool was built from the bad element");
    }

    @Test
    void aMissingNameIsReported() throws Exception {
        start("<PoolProbe name=\"a\"><BufferPool bufferSize=\"1024\"/></PoolProbe>");
        assertTrue(warnings().stream().anyMatch(w -> w.contains("<BufferPool> needs a name")), warnings()::toString);
    }

    @Test
    void namedPoolsAreInJmxWhileTheirConfigurationRuns() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        ObjectName name = new ObjectName("dev.log4jpool:type=BufferPool,name=jmx-visible");
        start("<PoolProbe name=\"a\"><BufferPool name=\"jmx-visible\" bufferSize=\"512\" maxBuffers=\"8\"/></PoolProbe>");
        assertTrue(server.isRegistered(name), warnings()::toString);
        BufferPool pool = probe("a").pool();
        pool.release(pool.acquire());
        assertEquals(512, server.getAttribute(name, "BufferSize"));
        assertEquals(8, server.getAttribute(name, "Capacity"));
        assertEquals(pool.stats().allocations(), (long) server.getAttribute(name, "Allocations"));
        assertEquals(1L, pool.stats().allocations());

        // Reconfiguring replaces the pool in JMX; stopping the context removes it.
        Path next = dir.resolve("next.xml");
        Files.writeString(next, "<Configuration status=\"warn\"><Appenders><PoolProbe name=\"a\">"
                + "<BufferPool name=\"jmx-visible\" bufferSize=\"256\"/></PoolProbe></Appenders>"
                + "<Loggers><Root level=\"info\"><AppenderRef ref=\"a\"/></Root></Loggers></Configuration>");
        context.setConfigLocation(next.toUri());
        assertTrue(server.isRegistered(name), "the new configuration's pool is registered");
        assertEquals(256, server.getAttribute(name, "BufferSize"));

        Configurator.shutdown(context);
        context = null;
        assertFalse(server.isRegistered(name), "unregistered when the configuration stopped");
    }

    @Test
    void theDefaultPoolIsInJmx() throws Exception {
        BufferPool.getDefault();
        assertTrue(ManagementFactory.getPlatformMBeanServer()
                .isRegistered(new ObjectName("dev.log4jpool:type=BufferPool,name=default")));
    }
}
