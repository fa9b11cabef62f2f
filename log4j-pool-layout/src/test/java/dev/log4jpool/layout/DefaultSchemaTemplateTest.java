package dev.log4jpool.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.logging.log4j.core.util.KeyValuePair;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The default schema is a template compiled by the same machinery as a user's: the template the
 * attributes make, given back as {@code eventTemplate}, writes exactly the same bytes on every event.
 */
class DefaultSchemaTemplateTest {
    static Stream<Arguments> configurations() {
        return Stream.of(
                Arguments.of("defaults", (UnaryOperator<PooledJsonLayout.Builder>) b -> b),
                Arguments.of("renamed, nested context, filtered", (UnaryOperator<PooledJsonLayout.Builder>) b -> b
                        .setTimestampKey("ts").setLevelKey("severity").setThreadKey("").setContextDataKey("mdc")
                        .setContextDataExcludes("user").setTimestampFormat("EPOCH_NANOS")),
                Arguments.of("location, array stack trace, root cause, additional fields",
                        (UnaryOperator<PooledJsonLayout.Builder>) b -> b.setLocationInfo(true).setStackTraceFormat("ARRAY")
                                .setMaxStackTraceLines(3).setIncludeRootCause(true).setTimeZone("Europe/Paris")
                                .setTimestampFormat("ISO_NANOS")
                                .setAdditionalFields(KeyValuePair.newBuilder().setKey("service").setValue("shop").build())),
                Arguments.of("no context, includes", (UnaryOperator<PooledJsonLayout.Builder>) b -> b
                        .setIncludeContextData(false).setMessageKey("msg")),
                Arguments.of("context includes", (UnaryOperator<PooledJsonLayout.Builder>) b -> b
                        .setContextDataIncludes("requestId,trace_id").setContextDataKey("ctx")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("configurations")
    void theAttributesTemplateGivenAsEventTemplateWritesTheSameBytes(String name, UnaryOperator<PooledJsonLayout.Builder> configure) {
        PooledJsonLayout byAttributes = configure.apply(PooledJsonLayout.newBuilder()).build();
        String template = byAttributes.defaultTemplate();
        PooledJsonLayout byTemplate = PooledJsonLayout.newBuilder().setEventTemplate(template)
                .setLocationInfo(byAttributes.requiresLocation()).build();
        for (EventCorpus.Named named : EventCorpus.all()) {
            assertEquals(LayoutTesting.encodeToText(byAttributes, named.event), LayoutTesting.encodeToText(byTemplate, named.event),
                    name + ", " + named.name + ", template " + template);
        }
    }
}
