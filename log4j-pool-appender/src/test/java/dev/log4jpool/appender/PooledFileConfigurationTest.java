package dev.log4jpool.appender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.log4jpool.buffer.BufferPool;
import java.nio.file.Path;
import java.util.function.UnaryOperator;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PooledFileConfigurationTest {
    @TempDir
    Path dir;

    @Test
    void defaultsFromXml() {
        LoggerContext context = TestContexts.start("defaults", TestContexts.config(
                "<PooledFile name=\"file\" fileName=\"" + TestContexts.xmlPath(dir.resolve("a.log")) + "\"/>"));
        try {
            PooledFileAppender appender = TestContexts.appender(context, "file");
            assertEquals(BufferMode.BLOCK, appender.getBufferMode());
            assertFalse(appender.isAsync());
            assertTrue(appender.ignoreExceptions());
            assertSame(BufferPool.getDefault(), appender.getBufferPool());
            FileSettings settings = appender.getManager().settings();
            assertEquals(PooledFileAppender.DEFAULT_BUFFER_SIZE, settings.bufferSize());
            assertTrue(settings.append());
            assertEquals(null, settings.permissions());
            assertEquals(dir.resolve("a.log").toAbsolutePath().toString(), appender.getFileName());
        } finally {
            TestContexts.stop(context);
        }
    }

    @Test
    void everyAttributeFromXml() {
        LoggerContext context = TestContexts.start("all", TestContexts.config(
                "<PooledFile name=\"file\" fileName=\"" + TestContexts.xmlPath(dir.resolve("a.log")) + "\""
                        + " append=\"false\" filePermissions=\"rw-r-----\" bufferMode=\"line\" bufferSize=\"4096\""
                        + " ignoreExceptions=\"false\" async=\"true\" ringSize=\"1024\" waitStrategy=\"sleep\""
                        + " queueFullPolicy=\"Drop\"><PatternLayout pattern=\"%m%n\"/>"
                        + "<BufferPool name=\"appenderPool\" bufferSize=\"1024\"/></PooledFile>"));
        try {
            PooledFileAppender appender = TestContexts.appender(context, "file");
            assertEquals(BufferMode.LINE, appender.getBufferMode());
            assertTrue(appender.isAsync());
            assertFalse(appender.ignoreExceptions());
            assertEquals("appenderPool", appender.getBufferPool().getName());
            FileSettings settings = appender.getManager().settings();
            assertEquals(4096, settings.bufferSize());
            assertFalse(settings.append());
            assertEquals(java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----"), settings.permissions());
        } finally {
            TestContexts.stop(context);
        }
    }

    @Test
    void nestedPoolFormatsPooledJsonLayoutText() throws Exception {
        for (boolean async : new boolean[] {false, true}) {
            Path file = dir.resolve("nested-" + async + ".log");
            LoggerContext context = TestContexts.start("nested-" + async, TestContexts.config(
                    "<PooledFile name=\"file\" fileName=\"" + TestContexts.xmlPath(file) + "\" async=\"" + async + "\">"
                            + "<PooledJsonLayout><BufferPool name=\"layoutPool-" + async + "\"/></PooledJsonLayout>"
                            + "<BufferPool name=\"appenderPool-" + async + "\" bufferSize=\"1024\"/></PooledFile>"));
            PooledFileAppender appender = TestContexts.appender(context, "file");
            BufferPool layoutPool = ((dev.log4jpool.layout.PooledJsonLayout) appender.getLayout()).getBufferPool();
            try {
                assertEquals("appenderPool-" + async, appender.getBufferPool().getName());
                for (int i = 0; i < 100; i++) {
                    context.getLogger("nested").error("event {}", i);
                }
            } finally {
                TestContexts.stop(context);
            }
            assertEquals(100, appender.getBufferPool().stats().acquires(), "async=" + async);
            assertEquals(0, layoutPool.stats().acquires(), "async=" + async);
            assertEquals(100, java.nio.file.Files.readAllLines(file).size());
        }
    }

    @Test
    void withoutNestedPoolTheLayoutsPoolIsUsed() {
        LoggerContext context = TestContexts.start("layout-pool", TestContexts.config(
                "<PooledFile name=\"file\" fileName=\"" + TestContexts.xmlPath(dir.resolve("l.log")) + "\">"
                        + "<PooledJsonLayout><BufferPool name=\"onlyLayoutPool\"/></PooledJsonLayout></PooledFile>"));
        try {
            PooledFileAppender appender = TestContexts.appender(context, "file");
            assertEquals("onlyLayoutPool", appender.getBufferPool().getName());
            context.getLogger("nested").error("one");
            assertEquals(1, appender.getBufferPool().stats().acquires());
        } finally {
            TestContexts.stop(context);
        }
    }

    @Test
    void immediateFlushMeansLine() {
        LoggerContext context = TestContexts.start("immediate", TestContexts.config(
                "<PooledFile name=\"file\" fileName=\"" + TestContexts.xmlPath(dir.resolve("a.log"))
                        + "\" immediateFlush=\"true\"/>"));
        try {
            assertEquals(BufferMode.LINE, TestContexts.appender(context, "file").getBufferMode());
        } finally {
            TestContexts.stop(context);
        }
    }

    @Test
    void badValuesAreNamedWithTheirAttribute() {
        assertError("bufferMode=\"BIG\"", b -> b.setBufferMode("BIG"));
        assertError("ringSize=\"1000\"", b -> b.setAsync(true).setRingSize(1000));
        assertError("ringSize=\"0\"", b -> b.setAsync(true).setRingSize(0));
        assertError("asyncPoolMaxGrownBytes=\"-1\"", b -> b.setAsync(true).setAsyncPoolMaxGrownBytes(-1));
        assertError("waitStrategy=\"Nap\"", b -> b.setAsync(true).setWaitStrategy("Nap"));
        assertError("queueFullPolicy=\"Discard\"", b -> b.setAsync(true).setQueueFullPolicy("Discard"));
        assertError("filePermissions=\"rwxrwxrw\"", b -> b.setFilePermissions("rwxrwxrw"));
        assertError("bufferSize=\"0\"", b -> b.setBufferSize(0));
        assertError("the fileName attribute is required", b -> b.setFileName(null));
        assertError("immediateFlush=\"true\" means bufferMode=\"LINE\" and contradicts bufferMode=\"BLOCK\"",
                b -> b.setImmediateFlush(true).setBufferMode("BLOCK"));
    }

    @Test
    void ringSizeIsCheckedOnlyWhenAsync() {
        PooledFileAppender appender = builder().setRingSize(1000).build();
        appender.start();
        appender.stop();
        assertFalse(appender.isAsync());
    }

    private void assertError(String expected, UnaryOperator<PooledFileAppender.Builder> change) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> change.apply(builder()).build());
        assertTrue(e.getMessage().contains(expected), () -> "'" + e.getMessage() + "' should say " + expected);
        assertTrue(e.getMessage().contains("PooledFile 'app'"), e.getMessage());
    }

    private PooledFileAppender.Builder builder() {
        return PooledFileAppender.newBuilder().setName("app").setFileName(dir.resolve("b.log").toString());
    }
}
