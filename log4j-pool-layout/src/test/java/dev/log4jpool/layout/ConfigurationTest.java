package dev.log4jpool.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.log4jpool.message.StructuredMessage;
import java.util.List;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.Test;

/** The layout as Log4j builds it from an XML configuration, writing through an appender's encode. */
class ConfigurationTest {
    @Test
    void buildsFromXmlWithLookupsResolvedOnceAndANestedPool() {
        System.setProperty("pjl.test.region", "eu");
        LoggerContext context = Configurator.initialize("pooled-json-config-test", "classpath:pooled-json-config-test.xml");
        try {
            EncodeCaptureAppender appender = EncodeCaptureAppender.named("config-test");
            PooledJsonLayout layout = (PooledJsonLayout) appender.getLayout();
            assertEquals("config-test-pool", layout.getBufferPool().getName());
            assertEquals(2048, layout.getBufferPool().getBufferSize());

            Logger logger = context.getLogger("shop.Orders");
            ThreadContext.put("requestId", "r-1");
            try {
                logger.info("hello {}", "${env:HOME}");
                logger.info(StructuredMessage.of("typed").with("n", 7L));
                logger.error("failed", ErrorFieldTest.nested());
            } finally {
                ThreadContext.clearMap();
            }
            List<String> lines = appender.lines();
            assertEquals(3, lines.size());
            JsonNode first = Json.parse(lines.get(0));
            assertTrue(first.get("@timestamp").isIntegralNumber());
            assertFalse(first.has("thread"), "threadKey=\"\" leaves the thread out");
            assertEquals("hello ${env:HOME}", first.get("message").textValue());
            assertEquals("r-1", first.get("mdc").get("requestId").textValue());
            assertEquals("shop-eu", first.get("service").textValue(), "${…} resolved at configuration");
            assertEquals("${env:HOME}", first.get("escaped").textValue(), "$${…} is not resolved a second time");
            assertEquals(7, Json.parse(lines.get(1)).get("n").intValue());
            JsonNode error = Json.parse(lines.get(2)).get("error");
            assertEquals(3, error.get("stack_trace").size(), "2 lines and the omission line");
            assertEquals("java.lang.RuntimeExc…", error.get("stack_trace").get(0).textValue(), "maxStringLength=20");
            assertEquals("disk full", error.get("root_cause_message").textValue());
        } finally {
            Configurator.shutdown(context);
        }
    }

    @Test
    void behindAnAsyncAppenderEveryEventArrivesWithItsTypedFields() {
        LoggerContext context = Configurator.initialize("pooled-json-async-appender-test",
                "classpath:pooled-json-async-appender-test.xml");
        int events = 20_000;
        try {
            Logger logger = context.getLogger("shop.Orders");
            for (int i = 0; i < events; i++) {
                logger.info(StructuredMessage.of("order").with("seq", i).with("even", i % 2 == 0)
                        .with("amount", i / 4.0).with("id", "o-" + i));
            }
        } finally {
            Configurator.shutdown(context); // drains the AsyncAppender's queue
        }
        List<String> lines = EncodeCaptureAppender.named("behind-async-appender").lines();
        assertEquals(events, lines.size());
        java.util.BitSet seen = new java.util.BitSet(events);
        for (String line : lines) {
            JsonNode json = Json.parse(line);
            assertEquals("order", json.get("message").textValue(), line);
            assertTrue(json.get("seq").isIntegralNumber(), line);
            int seq = json.get("seq").intValue();
            assertTrue(json.get("even").isBoolean(), line);
            assertEquals(seq % 2 == 0, json.get("even").booleanValue(), line);
            assertTrue(json.get("amount").isNumber(), line);
            assertEquals(seq / 4.0, json.get("amount").doubleValue(), line);
            assertEquals("o-" + seq, json.get("id").textValue(), line);
            assertTrue(!seen.get(seq), "twice: " + line);
            seen.set(seq);
        }
        assertEquals(events, seen.cardinality());
    }
}
