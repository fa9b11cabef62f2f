package dev.log4jpool.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The template language itself (literals, nesting, what is left out), against JsonTemplateLayout. */
class TemplateStructureTest {
    @Test
    void literalsOfEveryTypeAreWrittenAsGiven() {
        TemplateParity.of("{\"s\":\"text \\\"q\\\" \\u00e9\",\"i\":42,\"neg\":-7,\"d\":1.5,\"e\":1e3,\"t\":true,\"f\":false,"
                + "\"nested\":{\"a\":[1,\"two\",false,{\"x\":1}],\"b\":{\"c\":\"d\"}},\"batch\":{\"$resolver\":\"endOfBatch\"}}")
                .assertSameOn(EventCorpus.all());
    }

    @Test
    void nullEmptyObjectsAndArraysAreLeftOutOfObjectsButKeptInArrays() {
        TemplateParity.of("{\"n\":null,\"o\":{},\"a\":[],\"deep\":{\"n\":null},\"list\":[null,{},[],{\"n\":null}],\"k\":1}")
                .assertSameOn(EventCorpus.all());
    }

    @Test
    void lookupsAreResolvedOnce() {
        System.setProperty("log4jpool.test.service", "shop");
        TemplateParity.of("{\"service\":\"${sys:log4jpool.test.service}\",\"v\":\"${sys:log4jpool.test.absent:-none}\"}")
                .assertSameOn(EventCorpus.all());
    }

    @Test
    void rootObjectKeyAndAdditionalFields() {
        TemplateParity.of("{\"a\":1,\"b\":{\"$resolver\":\"endOfBatch\"}}")
                .rootObjectKey("event")
                .additionalFields(new String[] {"a", "replaced", "STRING"}, new String[] {"added", "{\"x\":[1,2]}", "JSON"},
                        new String[] {"batch", "{\"$resolver\":\"endOfBatch\"}", "JSON"})
                .assertSameOn(EventCorpus.all());
    }

    @Test
    void longLiteralsAndNamesAreCutLikeJsonTemplateLayout() {
        TemplateParity.of("{\"a-very-long-member-name\":\"a very long literal value\"}").maxStringLength(8, "...")
                .assertSameOn(EventCorpus.all());
    }

    @Test
    void invalidJsonNamesTheTemplateAndThePlace() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> TemplateParity.of("{\"a\":1,\n \"b\" 2}").ours());
        assertEquals("PooledJsonLayout: template eventTemplate is not valid JSON: invalid JSON at line 2, column 6: expected ':'",
                error.getMessage());
    }

    @Test
    void unknownResolverNamesThePathAndTheResolver() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> TemplateParity.of("{\"a\":{\"b\":{\"$resolver\":\"nope\"}}}").ours());
        assertTrue(error.getMessage().startsWith("PooledJsonLayout: template eventTemplate, at $.a.b: unknown resolver \"nope\""),
                error.getMessage());
    }

    @Test
    void missingClasspathTemplateSaysWhereItComesFrom() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> TemplateParity.ofUri("classpath:NoSuchLayout.json").ours());
        assertTrue(error.getMessage().contains("no such resource"), error.getMessage());
    }

    @Test
    void defaultSchemaAttributesAreRejectedWithATemplate() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> PooledJsonLayout.newBuilder()
                .setEventTemplate("{\"a\":1}").setLevelKey("severity").build());
        assertTrue(error.getMessage().contains("levelKey=\"severity\" belongs to the default schema"), error.getMessage());
    }

    /** The message the README shows for a bad option. */
    @Test
    void aBadOptionNamesTemplatePathResolverAndOption() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> TemplateParity.of("{\"error\":{\"$resolver\":\"exception\",\"field\":\"type\"}}").ours());
        assertEquals("PooledJsonLayout: template eventTemplate, at $.error: resolver \"exception\", option \"field\" is"
                + " \"type\"; expected one of className, message, stackTrace", error.getMessage());
    }
}
