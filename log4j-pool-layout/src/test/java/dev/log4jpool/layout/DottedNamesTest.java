package dev.log4jpool.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** {@code ecsNested}'s transformation of dotted names into nested objects. */
class DottedNamesTest {
    private static String nest(String template) {
        return TemplateJson.toText(DottedNames.nest(TemplateJson.read(template), "test"));
    }

    private static String normalized(String json) {
        return TemplateJson.toText(TemplateJson.read(json));
    }

    @Test
    void dottedNamesBecomeObjectsInFirstPlace() {
        assertEquals(normalized("{\"@timestamp\":1,\"log\":{\"level\":2,\"logger\":4,\"origin\":{\"file\":{\"name\":5}}},\"message\":3}"),
                nest("{\"@timestamp\":1,\"log.level\":2,\"message\":3,\"log.logger\":4,\"log.origin.file.name\":5}"));
    }

    @Test
    void resolversAreValuesAndPlainObjectsAreTransformed() {
        assertEquals(normalized("{\"a\":{\"b\":{\"$resolver\":\"x\",\"c.d\":1}},\"o\":{\"p\":{\"q\":[{\"r\":{\"s\":1}}]}}}"),
                nest("{\"a.b\":{\"$resolver\":\"x\",\"c.d\":1},\"o\":{\"p.q\":[{\"r.s\":1}]}}"));
    }

    @Test
    void namesWithEmptyPartsStay() {
        assertEquals(normalized("{\".a\":1,\"b.\":2,\"c..d\":3}"), nest("{\".a\":1,\"b.\":2,\"c..d\":3}"));
    }

    @Test
    void aValueAndAPrefixClash() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> nest("{\"error\":\"x\",\"error.type\":1}"));
        assertTrue(error.getMessage().contains("member \"error.type\" cannot be nested: \"error\" is a member of its own"),
                error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> nest("{\"error.type\":1,\"error\":\"x\"}"));
    }

    @Test
    void userTemplatesAreNestedToo() {
        PooledJsonLayout layout = PooledJsonLayout.newBuilder().setConfiguration(TemplateParity.CONFIGURATION)
                .setEventTemplate("{\"log.level\":{\"$resolver\":\"level\",\"field\":\"name\"},\"log.logger\":{\"$resolver\":\"logger\","
                        + "\"field\":\"name\"}}").setEcsNested(true).build();
        assertEquals("{\"log\":{\"level\":\"INFO\",\"logger\":\"shop.Orders\"}}",
                LayoutTesting.encode(layout, SchemaCorpus.events().get("plain").get()).toString());
    }
}
