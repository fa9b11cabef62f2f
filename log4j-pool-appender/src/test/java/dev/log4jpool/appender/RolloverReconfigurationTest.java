package dev.log4jpool.appender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.BitSet;

import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.rolling.CompositeTriggeringPolicy;
import org.apache.logging.log4j.core.appender.rolling.SizeBasedTriggeringPolicy;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A reconfiguration under load hands the open file and its rollover over to the new appender (Log4j's
 * manager registry), swaps in the new configuration's policy and strategy, and loses no event.
 */
class RolloverReconfigurationTest {
    @TempDir
    Path dir;

    private String xml(Path active, String attributes, int size) {
        return TestContexts.config("<PooledFile name=\"file\" fileName=\"" + TestContexts.xmlPath(active)
                + "\" filePattern=\"" + TestContexts.xmlPath(dir) + "/app-%i.log\" " + attributes
                + "><PatternLayout pattern=\"%m%n\"/><Policies><SizeBasedTriggeringPolicy size=\"" + size
                + "\"/></Policies><DefaultRolloverStrategy max=\"100000\"/></PooledFile>");
    }

    @ParameterizedTest
    @ValueSource(strings = {"bufferMode=\"BLOCK\"", "async=\"true\""})
    void newPoliciesTakeOverAndNothingIsLost(String attributes) throws Exception {
        Path active = dir.resolve("app.log");
        LoggerContext context = TestContexts.start("reconfigured-rolling", xml(active, attributes, 4000));
        PooledFileManager manager = TestContexts.appender(context, "file").getManager();
        AtomicBoolean running = new AtomicBoolean(true);
        int[] sent = new int[2];
        Thread[] threads = new Thread[2];
        for (int t = 0; t < 2; t++) {
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
        for (int round = 1; round <= 4; round++) {
            Thread.sleep(100);
            int size = round % 2 == 0 ? 4000 : 2000;
            context.setConfiguration(TestContexts.configuration(context, xml(active, attributes, size)));
            assertSame(manager, TestContexts.appender(context, "file").getManager(), "the open file is handed over");
            CompositeTriggeringPolicy policies = manager.roller().bridgeForTests().getTriggeringPolicy();
            assertEquals(size, ((SizeBasedTriggeringPolicy) policies.getTriggeringPolicies()[0]).getMaxFileSize(),
                    "the new configuration's policy is in force");
        }
        Thread.sleep(100);
        running.set(false);
        for (Thread thread : threads) {
            thread.join();
        }
        TestContexts.stop(context);

        assertTrue(manager.rollovers() > 10, "rolled " + manager.rollovers());
        BitSet[] seen = {new BitSet(), new BitSet()};
        long lines = 0;
        for (Path file : RolledFiles.byIndex(dir, "app-(\\d+)\\.log", active)) {
            for (String line : RolledFiles.lines(file)) {
                lines++;
                JsonNode node = LogLines.parse(line);
                int thread = node.get("thread").asInt();
                int seq = node.get("seq").asInt();
                assertTrue(!seen[thread].get(seq), "written twice: " + line);
                seen[thread].set(seq);
            }
        }
        for (int t = 0; t < 2; t++) {
            assertEquals(sent[t], seen[t].cardinality(), "events of thread " + t);
            assertEquals(sent[t], seen[t].nextClearBit(0), "no gap in thread " + t);
        }
        assertEquals(sent[0] + sent[1], lines);
    }

}
