package dev.log4jpool.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.apache.logging.log4j.Logger;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.config.Configurator;
import org.junit.jupiter.api.Test;

/**
 * A template layout as Log4j builds it from XML, with JsonTemplateLayout's attributes and elements
 * (JsonTemplateLayout is on this test class path too, so Log4j maps {@code EventTemplateAdditionalField}
 * to one of the two plugins: the layout must read either) and our nested pool.
 */
class TemplateConfigurationTest {
    @Test
    void buildsFromXmlWithJsonTemplateLayoutAttributesAndElements() {
        System.setProperty("pjl.test.service", "shop");
        System.setProperty("pjl.test.region", "eu");
        LoggerContext context = Configurator.initialize("pooled-json-template-test", "classpath:pooled-json-template-test.xml");
        try {
            EncodeCaptureAppender appender = EncodeCaptureAppender.named("template-test");
            PooledJsonLayout layout = (PooledJsonLayout) appender.getLayout();
            assertEquals("template-test-pool", layout.getBufferPool().getName());
            Logger logger = context.getLogger("shop.Orders");
            logger.info("one");
            logger.info("two");
            List<String> lines = appender.lines();
            assertEquals(2, lines.size());
            JsonNode event = Json.parse(lines.get(0)).get("event");
            assertEquals(List.of("service", "version", "batch", "region", "tags"), Json.keys(event));
            assertEquals("shop", event.get("service").textValue());
            assertEquals(3, event.get("version").intValue());
            assertEquals("eu", event.get("region").textValue());
            assertEquals("a", event.get("tags").get(0).textValue());
            assertEquals(1, event.get("tags").get(1).get("n").intValue());
        } finally {
            Configurator.shutdown(context);
        }
    }

    @Test
    void nullEventDelimiterWritesANulAfterTheDelimiter() {
        PooledJsonLayout layout = PooledJsonLayout.newBuilder().setEventTemplate("{\"v\":1}")
                .setNullEventDelimiterEnabled(true).build();
        assertEquals("{\"v\":1}\n\0", LayoutTesting.encodeToText(layout, Events.event("x")));
    }
}
