package dev.log4jpool.appender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One file, several appenders or several configurations: one manager, nothing lost or torn. */
class SharedFileTest {
    @TempDir
    Path dir;

    @Test
    void twoAppendersNamingOneFileShareItsManager() throws Exception {
        Path file = dir.resolve("shared.log");
        // Two spellings of one path.
        String xml = "<Configuration status=\"warn\"><Appenders>"
                + "<PooledFile name=\"a\" fileName=\"" + TestContexts.xmlPath(file) + "\" bufferMode=\"LINE\">"
                + "<PatternLayout pattern=\"%m%n\"/></PooledFile>"
                + "<PooledFile name=\"b\" fileName=\"" + TestContexts.xmlPath(dir.resolve("x/../shared.log"))
                + "\" async=\"true\"><PatternLayout pattern=\"%m%n\"/></PooledFile>"
                + "</Appenders><Loggers>"
                + "<Logger name=\"a\" level=\"info\" additivity=\"false\"><AppenderRef ref=\"a\"/></Logger>"
                + "<Logger name=\"b\" level=\"info\" additivity=\"false\"><AppenderRef ref=\"b\"/></Logger>"
                + "<Root level=\"off\"/></Loggers></Configuration>";
        LoggerContext context = TestContexts.start("shared", xml);
        PooledFileAppender a = TestContexts.appender(context, "a");
        PooledFileAppender b = TestContexts.appender(context, "b");
        assertNotSame(a, b);
        assertSame(a.getManager(), b.getManager());
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            Logger logger = context.getLogger(t % 2 == 0 ? "a" : "b");
            int thread = t;
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 20_000; i++) {
                    logger.info("{\"thread\":{},\"seq\":{},\"pad\":\"{}\"}", thread, i, "p".repeat(i % 50));
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        TestContexts.stop(context);
        LogLines.assertCompleteAndOrdered(file, 4, 20_000);
    }

    @Test
    void stoppingOneAppenderTwiceLeavesTheSharedFileOpenForTheOther() throws Exception {
        Path file = dir.resolve("twice.log");
        String xml = "<Configuration status=\"warn\"><Appenders>"
                + "<PooledFile name=\"a\" fileName=\"" + TestContexts.xmlPath(file) + "\" bufferMode=\"LINE\"/>"
                + "<PooledFile name=\"b\" fileName=\"" + TestContexts.xmlPath(file) + "\" bufferMode=\"LINE\"/>"
                + "</Appenders><Loggers><Root level=\"info\"><AppenderRef ref=\"b\"/></Root></Loggers></Configuration>";
        LoggerContext context = TestContexts.start("twice", xml);
        try {
            PooledFileAppender a = TestContexts.appender(context, "a");
            a.stop();
            a.stop();
            context.getLogger("t").info("b still writes");
            assertEquals(List.of("b still writes"), LogLines.read(file));
        } finally {
            TestContexts.stop(context);
        }
    }

    /**
     * Threads log without pause while the configuration is replaced again and again: the new
     * appender takes over the old one's manager, the old one drains its ring into it, and every
     * event is in the file once. (Order across a switch is not promised: the old ring may still be
     * draining while the new appender writes.)
     */
    @ParameterizedTest
    @ValueSource(strings = {"async=\"false\" bufferMode=\"BLOCK\"", "async=\"true\" bufferMode=\"BLOCK\""})
    void reconfigurationLosesNoEvent(String attributes) throws Exception {
        Path file = dir.resolve("reconfigured.log");
        String xml = TestContexts.config("<PooledFile name=\"file\" fileName=\"" + TestContexts.xmlPath(file) + "\" "
                + attributes + "><PatternLayout pattern=\"%m%n\"/></PooledFile>");
        LoggerContext context = TestContexts.start("reconfigured", xml);
        PooledFileManager first = TestContexts.appender(context, "file").getManager();
        AtomicBoolean running = new AtomicBoolean(true);
        int threadCount = 2;
        int[] sent = new int[threadCount];
        Thread[] threads = new Thread[threadCount];
        for (int t = 0; t < threadCount; t++) {
            int thread = t;
            Logger logger = context.getLogger("r");
            threads[t] = new Thread(() -> {
                int i = 0;
                while (running.get()) {
                    logger.info("{\"thread\":{},\"seq\":{}}", thread, i++);
                }
                sent[thread] = i;
            });
            threads[t].start();
        }
        for (int round = 0; round < 5; round++) {
            Thread.sleep(100);
            context.setConfiguration(TestContexts.configuration(context, xml));
            assertSame(first, TestContexts.appender(context, "file").getManager(), "the open file is handed over");
        }
        Thread.sleep(100);
        running.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
        TestContexts.stop(context);

        List<String> lines = LogLines.read(file);
        BitSet[] seen = {new BitSet(), new BitSet()};
        for (String line : lines) {
            JsonNode node = LogLines.parse(line);
            int thread = node.get("thread").asInt();
            int seq = node.get("seq").asInt();
            assertTrue(!seen[thread].get(seq), "written twice: " + line);
            seen[thread].set(seq);
        }
        for (int t = 0; t < threadCount; t++) {
            assertEquals(sent[t], seen[t].cardinality(), "events of thread " + t);
            assertEquals(sent[t], seen[t].nextClearBit(0), "no gap in thread " + t);
        }
        assertEquals(sent[0] + sent[1], lines.size());
    }
}
