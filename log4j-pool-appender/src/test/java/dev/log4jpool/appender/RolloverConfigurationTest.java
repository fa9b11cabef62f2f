package dev.log4jpool.appender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.apache.logging.log4j.core.appender.rolling.DefaultRolloverStrategy;
import org.apache.logging.log4j.core.appender.rolling.DirectWriteRolloverStrategy;
import org.apache.logging.log4j.core.appender.rolling.SizeBasedTriggeringPolicy;
import org.apache.logging.log4j.core.config.DefaultConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A rollover configuration that cannot work fails at build time with the attribute named. */
class RolloverConfigurationTest {
    @TempDir
    Path dir;

    private PooledFileAppender.Builder builder() {
        return PooledFileAppender.newBuilder().setName("f").setConfiguration(new DefaultConfiguration());
    }

    private static String failure(PooledFileAppender.Builder builder) {
        return assertThrows(IllegalArgumentException.class, builder::build).getMessage();
    }

    @Test
    void filePatternNeedsPolicies() {
        String message = failure(builder().setFileName(dir.resolve("a.log").toString())
                .setFilePattern(dir + "/a-%i.log"));
        assertTrue(message.contains("filePattern=") && message.contains("<Policies>"), message);
    }

    @Test
    void policiesNeedAFilePattern() {
        String message = failure(builder().setFileName(dir.resolve("a.log").toString())
                .setPolicy(SizeBasedTriggeringPolicy.createPolicy("1 KB")));
        assertTrue(message.contains("filePattern"), message);
    }

    @Test
    void directWriteTakesNoFileName() {
        String message = failure(builder().setFileName(dir.resolve("a.log").toString())
                .setFilePattern(dir + "/a-%i.log").setPolicy(SizeBasedTriggeringPolicy.createPolicy("1 KB"))
                .setStrategy(DirectWriteRolloverStrategy.newBuilder().withConfig(new DefaultConfiguration()).build()));
        assertTrue(message.contains("fileName=") && message.contains("DirectWriteRolloverStrategy"), message);
    }

    @Test
    void defaultStrategyNeedsAFileName() {
        String message = failure(builder().setFilePattern(dir + "/a-%i.log")
                .setPolicy(SizeBasedTriggeringPolicy.createPolicy("1 KB"))
                .setStrategy(DefaultRolloverStrategy.newBuilder().withConfig(new DefaultConfiguration()).build()));
        assertTrue(message.contains("fileName attribute is required"), message);
    }

    @Test
    void noFileNameAndNoStrategyMeansDirectWrite() throws Exception {
        PooledFileAppender appender = builder().setFilePattern(dir + "/a-%i.log")
                .setPolicy(SizeBasedTriggeringPolicy.createPolicy("1 KB")).build();
        appender.start();
        try {
            assertEquals(dir.resolve("a-1.log").toString(), appender.getFileName());
        } finally {
            appender.stop();
        }
    }
}
