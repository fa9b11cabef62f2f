package dev.log4jpool.appender;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.log4jpool.message.StructuredMessage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/** PooledJsonLayout through every appender mode: what is read back is what was logged, typed. */
class PooledJsonAppenderTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {
        "bufferMode=\"BLOCK\"", "bufferMode=\"LINE\"", "bufferMode=\"NONE\"",
        "async=\"true\"", "async=\"true\" bufferMode=\"NONE\"", "ASYNC_LOGGER"
    })
    void typedFieldsContextAndTextArriveIntact(String mode) throws Exception {
        Path file = dir.resolve("json.log");
        boolean asyncLogger = mode.equals("ASYNC_LOGGER");
        String appender = "<PooledFile name=\"file\" fileName=\"" + TestContexts.xmlPath(file) + "\" "
                + (asyncLogger ? "async=\"true\"" : mode) + "><PooledJsonLayout/></PooledFile>";
        String loggers = asyncLogger
                ? "<AsyncLogger name=\"shop\" level=\"info\" additivity=\"false\"><AppenderRef ref=\"file\"/></AsyncLogger>"
                        + "<Root level=\"info\"/>"
                : "<Root level=\"info\"><AppenderRef ref=\"file\"/></Root>";
        LoggerContext context = TestContexts.start("json", "<Configuration status=\"warn\"><Appenders>" + appender
                + "</Appenders><Loggers>" + loggers + "</Loggers></Configuration>");
        Instant before = Instant.now().minusMillis(1);
        try {
            Logger logger = context.getLogger("shop");
            ThreadContext.put("requestId", "r-17");
            try {
                logger.info(StructuredMessage.of("order placed").with("orderId", 42L).with("amount", 9.99)
                        .with("express", true).with("customer", "alice \"A\" \u00e9\ud83d\ude00"));
                logger.warn("user {} bought {} items", "bob", 3);
                logger.info("x".repeat(100_000));
            } finally {
                ThreadContext.remove("requestId");
            }
        } finally {
            TestContexts.stop(context);
        }
        List<String> lines = LogLines.read(file);
        assertEquals(3, lines.size());
        JsonNode order = LogLines.parse(lines.get(0));
        assertEquals("INFO", order.get("level").asText());
        assertEquals("shop", order.get("logger").asText());
        assertEquals("order placed", order.get("message").asText());
        assertTrue(order.get("orderId").isIntegralNumber());
        assertEquals(42L, order.get("orderId").asLong());
        assertTrue(order.get("amount").isDouble());
        assertEquals(9.99, order.get("amount").asDouble());
        assertTrue(order.get("express").isBoolean() && order.get("express").asBoolean());
        assertEquals("alice \"A\" \u00e9\ud83d\ude00", order.get("customer").asText());
        assertEquals("r-17", order.get("requestId").asText());
        Instant stamp = Instant.parse(order.get("@timestamp").asText());
        assertTrue(!stamp.isBefore(before) && !stamp.isAfter(Instant.now()), stamp.toString());

        JsonNode params = LogLines.parse(lines.get(1));
        assertEquals("WARN", params.get("level").asText());
        assertEquals("user bob bought 3 items", params.get("message").asText());

        JsonNode large = LogLines.parse(lines.get(2));
        assertTrue(large.get("message").asText().startsWith("x".repeat(1000)), "a long message survives the trip");
    }
}
