package dev.log4jpool.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.log4jpool.message.StructuredMessage;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.ThreadContext;
import org.apache.logging.log4j.core.impl.MutableLogEvent;
import org.apache.logging.log4j.message.Message;
import org.apache.logging.log4j.message.ParameterizedMessage;
import org.apache.logging.log4j.message.SimpleMessage;
import org.apache.logging.log4j.message.StringMapMessage;
import org.apache.logging.log4j.util.SortedArrayStringMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The templates bundled with {@code log4j-layout-template-json}, read from its jar as users name them
 * ({@code eventTemplateUri="classpath:EcsLayout.json"}): the same JSON as JsonTemplateLayout on the
 * whole corpus, with and without location, and garbage-free.
 */
class BundledTemplatesTest {
    @ParameterizedTest
    @ValueSource(strings = {"EcsLayout", "GcpLayout", "GelfLayout", "LogstashJsonEventLayoutV1", "JsonLayout"})
    void sameJsonAsJsonTemplateLayout(String template) {
        TemplateParity.ofUri("classpath:" + template + ".json").assertSameOn(EventCorpus.all());
        TemplateParity.ofUri("classpath:" + template + ".json").locationInfo(true).assertSameOn(EventCorpus.all());
    }

    @ParameterizedTest
    @ValueSource(strings = {"EcsLayout", "GcpLayout", "GelfLayout", "LogstashJsonEventLayoutV1", "JsonLayout"})
    void garbageFree(String template) {
        PooledJsonLayout layout = TemplateParity.ofUri("classpath:" + template + ".json").ours();
        Message[] messages = {new SimpleMessage("order placed"), new ParameterizedMessage("order {} costs {}", 42L, 9.99),
            new StringMapMessage().with("orderId", "42").with("customer", "alice"),
            StructuredMessage.of("order placed").with("orderId", 42L).with("paid", true)};
        for (Message message : messages) {
            MutableLogEvent event = event(message);
            long bytes = AllocationMeter.bytesPerEvent(layout, event);
            // GcpLayout's sourceLocation.function is "%replace{%C.%M}{^\\?\\.$}{}": Log4j's converter
            // allocates (408-480 B per event), ours (PatternText.Replacement) does not.
            assertEquals(0, bytes, template + ", " + message.getClass().getSimpleName() + ": bytes per event");
        }
    }

    private static MutableLogEvent event(Message message) {
        MutableLogEvent event = new MutableLogEvent();
        event.setLevel(Level.INFO);
        event.setLoggerName("dev.log4jpool.shop.OrderService");
        event.setLoggerFqcn(BundledTemplatesTest.class.getName());
        event.setThreadName("http-nio-8080-exec-1");
        event.setContextStack(ThreadContext.EMPTY_STACK);
        SortedArrayStringMap context = new SortedArrayStringMap();
        context.putValue("requestId", "r-1");
        context.putValue("user", "alice");
        event.setContextData(context);
        event.setMessage(message);
        return event;
    }
}
