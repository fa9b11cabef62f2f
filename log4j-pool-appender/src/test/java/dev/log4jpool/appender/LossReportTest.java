package dev.log4jpool.appender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The numbers in the status messages about lost and dropped events are the numbers of events that were lost. */
class LossReportTest {
    @TempDir
    Path dir;

    private static LoggerContext start(Path file, String attributes) {
        return TestContexts.start("loss", TestContexts.config("<PooledFile name=\"file\" fileName=\""
                + TestContexts.xmlPath(file) + "\" " + attributes + "><PatternLayout pattern=\"%m%n\"/></PooledFile>"));
    }

    /** The warning about a deleted file names the file once and has no trailing "null". */
    @Test
    void deleteWarningNamesTheFileOnce() throws Exception {
        Path file = dir.resolve("deleted.log");
        try (StatusCapture status = StatusCapture.start()) {
            LoggerContext context = start(file, "bufferMode=\"LINE\"");
            try {
                Logger logger = context.getLogger("t");
                logger.info("before");
                Files.delete(file);
                Thread.sleep(1100);
                logger.info("after");
            } finally {
                TestContexts.stop(context);
            }
            List<String> warnings = status.containing("was removed or replaced");
            assertEquals(1, warnings.size(), status.messages.toString());
            String warning = warnings.get(0);
            assertEquals(warning.indexOf(file.toString()), warning.lastIndexOf(file.toString()), warning);
            assertFalse(warning.contains("null"), warning);
            assertEquals("PooledFile: " + file + " was removed or replaced while open; reopening it", warning);
        }
    }
}
