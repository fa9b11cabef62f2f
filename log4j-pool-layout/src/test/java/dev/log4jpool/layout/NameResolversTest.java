package dev.log4jpool.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.logging.log4j.core.lookup.MainMapLookup;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code logger}, {@code thread}, {@code source}, {@code marker}, {@code ndc} and {@code main}
 * resolvers, every option, against JsonTemplateLayout over {@link NameResolversCorpus#all()}; and
 * their configuration errors.
 */
class NameResolversTest {
    @BeforeAll
    static void mainArguments() {
        MainMapLookup.setMainArguments("--userId", "alice", "-x", "2", "--dry-run");
    }

    private static String resolver(String name, String options) {
        return "{\"$resolver\":\"" + name + "\"" + (options.isEmpty() ? "" : "," + options) + "}";
    }

    @Test
    void loggerAndThread() {
        TemplateParity.of("{\"logger\":" + resolver("logger", "\"field\":\"name\"")
                + ",\"fqcn\":" + resolver("logger", "\"field\":\"fqcn\"")
                + ",\"thread\":" + resolver("thread", "\"field\":\"name\"")
                + ",\"id\":" + resolver("thread", "\"field\":\"id\"")
                + ",\"priority\":" + resolver("thread", "\"field\":\"priority\"")
                + ",\"again\":" + resolver("logger", "\"field\":\"name\"") + "}")
                .assertSameOn(NameResolversCorpus.all());
    }

    @Test
    void namesAreCutLikeEveryString() {
        TemplateParity.of("{\"logger\":" + resolver("logger", "\"field\":\"name\"")
                + ",\"thread\":" + resolver("thread", "\"field\":\"name\"")
                + ",\"marker\":" + resolver("marker", "\"field\":\"parents\"")
                + ",\"ndc\":" + resolver("ndc", "")
                + ",\"class\":" + resolver("source", "\"field\":\"className\"")
                + ",\"main\":" + resolver("main", "\"key\":\"--userId\"") + "}")
                .locationInfo(true).maxStringLength(4, "~")
                .assertSameOn(NameResolversCorpus.all());
    }

    private static final String SOURCE = "{\"class\":" + resolver("source", "\"field\":\"className\"")
            + ",\"method\":" + resolver("source", "\"field\":\"methodName\"")
            + ",\"file\":" + resolver("source", "\"field\":\"fileName\"")
            + ",\"line\":" + resolver("source", "\"field\":\"lineNumber\"")
            + ",\"nested\":{\"line\":" + resolver("source", "\"field\":\"lineNumber\"") + "},\"k\":1}";

    @Test
    void sourceWithLocationInfo() {
        TemplateParity.of(SOURCE).locationInfo(true).assertSameOn(NameResolversCorpus.all());
    }

    @Test
    void sourceWithoutLocationInfoIsLeftOutOfTheTemplate() {
        TemplateParity.of(SOURCE).locationInfo(false).assertSameOn(NameResolversCorpus.all());
        TemplateParity.of("{\"source\":[" + resolver("source", "\"field\":\"fileName\"") + ",1]}")
                .locationInfo(false).assertSameOn(NameResolversCorpus.all());
    }

    @Test
    void marker() {
        TemplateParity.of("{\"marker\":" + resolver("marker", "\"field\":\"name\"")
                + ",\"parents\":" + resolver("marker", "\"field\":\"parents\"") + "}")
                .assertSameOn(NameResolversCorpus.all());
    }

    @Test
    void ndcAllAndFiltered() {
        TemplateParity.of("{\"ndc\":" + resolver("ndc", "")
                + ",\"users\":" + resolver("ndc", "\"pattern\":\"user(Role|Rank)?:\\\\w+\"")
                + ",\"partial\":" + resolver("ndc", "\"pattern\":\"user\"")
                + ",\"quoted\":" + resolver("ndc", "\"pattern\":\".*\\\".*\"") + "}")
                .assertSameOn(NameResolversCorpus.all());
    }

    @Test
    void mainArgumentsByIndexAndKey() {
        TemplateParity.of("{\"first\":" + resolver("main", "\"index\":0")
                + ",\"fifth\":" + resolver("main", "\"index\":4")
                + ",\"absent\":" + resolver("main", "\"index\":9")
                + ",\"negative\":" + resolver("main", "\"index\":-1")
                + ",\"user\":" + resolver("main", "\"key\":\"--userId\"")
                + ",\"x\":" + resolver("main", "\"key\":\"-x\"")
                + ",\"last\":" + resolver("main", "\"key\":\"--dry-run\"")
                + ",\"unknown\":" + resolver("main", "\"key\":\"--nope\"") + "}")
                .assertSameOn(NameResolversCorpus.all());
    }

    @Test
    void inArraysEveryResolverWritesAValueEvenWithNothingToSay() {
        TemplateParity.of("{\"all\":[" + resolver("marker", "\"field\":\"name\"") + ","
                + resolver("marker", "\"field\":\"parents\"") + "," + resolver("ndc", "") + ","
                + resolver("ndc", "\"pattern\":\"nothing\"") + "," + resolver("source", "\"field\":\"methodName\"") + ","
                + resolver("source", "\"field\":\"lineNumber\"") + "," + resolver("logger", "\"field\":\"fqcn\"") + ","
                + resolver("main", "\"index\":99") + "]}")
                .locationInfo(true).assertSameOn(NameResolversCorpus.all());
    }

    // ---- configuration errors ----

    static String error(String template) {
        return assertThrows(IllegalArgumentException.class, () -> TemplateParity.of(template).ours()).getMessage();
    }

    private static final String AT = "PooledJsonLayout: template eventTemplate, at $.x: resolver ";

    @Test
    void fieldIsRequiredAndChecked() {
        for (String name : new String[] {"logger", "thread", "source", "marker"}) {
            assertEquals(AT + "\"" + name + "\", option \"field\" is required; one of " + fields(name),
                    error("{\"x\":" + resolver(name, "") + "}"));
            assertEquals(AT + "\"" + name + "\", option \"field\" is \"nope\"; expected one of " + fields(name),
                    error("{\"x\":" + resolver(name, "\"field\":\"nope\"") + "}"));
            assertEquals(AT + "\"" + name + "\", option \"field\" must be a string, not the number 1",
                    error("{\"x\":" + resolver(name, "\"field\":1") + "}"));
        }
    }

    private static String fields(String resolver) {
        switch (resolver) {
            case "logger":
                return "name, fqcn";
            case "thread":
                return "name, id, priority";
            case "source":
                return "className, methodName, fileName, lineNumber";
            default:
                return "name, parents";
        }
    }

    @Test
    void sourceFieldIsCheckedEvenWithoutLocationInfo() {
        // JsonTemplateLayout accepts any field while location is off; we fail before it is turned on
        assertEquals(AT + "\"source\", option \"field\" is \"line\"; expected one of className, methodName, fileName, lineNumber",
                error("{\"x\":" + resolver("source", "\"field\":\"line\"") + "}"));
    }

    @Test
    void ndcPatternMustBeAValidRegex() {
        assertEquals(AT + "\"ndc\", option \"pattern\" is not a valid regular expression: Unclosed group near index 5",
                error("{\"x\":" + resolver("ndc", "\"pattern\":\"(user\"") + "}"));
        assertEquals(AT + "\"ndc\", option \"pattern\" must be a string, not true",
                error("{\"x\":" + resolver("ndc", "\"pattern\":true") + "}"));
    }

    @Test
    void mainTakesKeyOrIndex() {
        assertEquals(AT + "\"main\" needs \"key\" or \"index\"", error("{\"x\":" + resolver("main", "") + "}"));
        assertEquals(AT + "\"main\" takes \"key\" or \"index\", not both",
                error("{\"x\":" + resolver("main", "\"key\":\"a\",\"index\":1") + "}"));
        assertEquals(AT + "\"main\", option \"index\" must be an integer, not 1.5",
                error("{\"x\":" + resolver("main", "\"index\":1.5") + "}"));
        assertEquals(AT + "\"main\", option \"key\" must be a string, not a list",
                error("{\"x\":" + resolver("main", "\"key\":[\"a\"]") + "}"));
    }
}
