package dev.log4jpool.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.core.impl.MutableLogEvent;
import org.apache.logging.log4j.layout.template.json.JsonTemplateLayout;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.Test;

/**
 * The {@code level} resolver against JsonTemplateLayout: name, severity keyword and code for every
 * standard level and custom ones (one defined before the layouts, one after), cut names,
 * configuration errors, allocation.
 */
class LevelResolverTest {
    private static final String ALL_FIELDS = "{\"name\":{\"$resolver\":\"level\",\"field\":\"name\"},"
            + "\"keyword\":{\"$resolver\":\"level\",\"field\":\"severity\",\"severity\":{\"field\":\"keyword\"}},"
            + "\"code\":{\"$resolver\":\"level\",\"field\":\"severity\",\"severity\":{\"field\":\"code\"}}}";

    /** The corpus and custom levels under each standard level. */
    private static List<EventCorpus.Named> events() {
        List<EventCorpus.Named> events = new ArrayList<>(EventCorpus.all());
        for (Level level : new Level[] {Level.INFO, Level.ERROR, Level.forName("AUDIT_TIME", 50), Level.forName("VERBOSE_TIME", 550),
            Level.forName("CRITICAL_TIME", 150), Level.forName("UNDER_ALL_TIME", Integer.MAX_VALUE)}) {
            events.add(new EventCorpus.Named("level " + level, EventCorpus.base().setLevel(level)
                    .setMessage(new SimpleMessage("custom")).build()));
        }
        return events;
    }

    @Test
    void nameSeverityKeywordAndCode() {
        TemplateParity.of(ALL_FIELDS).assertSameOn(events());
    }

    @Test
    void longNamesAreCut() {
        Level.forName("A_RATHER_LONG_CUSTOM_LEVEL_NAME", 420);
        TemplateParity.of(ALL_FIELDS).maxStringLength(6, "...").assertSameOn(events());
    }

    @Test
    void aLevelDefinedAfterTheLayoutIsWrittenToo() {
        TemplateParity parity = TemplateParity.of(ALL_FIELDS).maxStringLength(8, "~");
        JsonTemplateLayout theirs = parity.theirs();
        PooledJsonLayout ours = parity.ours();
        Level late = Level.forName("DEFINED_LATE_TIME", 250);
        MutableLogEvent event = Events.event("late");
        event.setLevel(late);
        String expected = theirs.toSerializable(event);
        String actual = LayoutTesting.encodeToText(ours, event);
        assertEquals(null, TemplateParity.compare(expected, actual), actual);
        assertEquals("{\"name\":\"DEFINED_~\",\"keyword\":\"ERROR\",\"code\":3}\n", actual);
    }

    @Test
    void anEventWithoutALevelIsWrittenAsNull() {
        // Log4j's own events report OFF for no level; another LogEvent may not.
        org.apache.logging.log4j.core.LogEvent event = new org.apache.logging.log4j.core.AbstractLogEvent() {
            private static final long serialVersionUID = 1L;
        };
        assertEquals("{\"name\":null,\"keyword\":null,\"code\":null}\n",
                LayoutTesting.encodeToText(TemplateParity.of(ALL_FIELDS).ours(), event));
    }

    // ---- configuration errors ----

    private static void assertError(String options, String option, String problem) {
        ResolverErrors.assertRejected("{\"a\":{\"$resolver\":\"level\"" + (options.isEmpty() ? "" : "," + options) + "}}", "$.a",
                "level", option, problem, false);
    }

    @Test
    void configurationErrors() {
        assertError("", "field", "is required; one of name, severity");
        assertError("\"field\":\"label\"", "field", "is \"label\"; expected one of name, severity");
        assertError("\"field\":3", "field", "must be a string");
        assertError("\"field\":\"severity\"", "severity", "is required");
        assertError("\"field\":\"severity\",\"severity\":{}", "severity.field", "is required; one of keyword, code");
        assertError("\"field\":\"severity\",\"severity\":{\"field\":\"number\"}", "severity.field", "is \"number\"");
        assertError("\"field\":\"severity\",\"severity\":\"code\"", "severity", "must be an object");
    }

    // ---- allocation ----

    @Test
    void everyFieldAllocatesNothing() {
        Level[] levels = {Level.INFO, Level.WARN, Level.forName("NOTICE", 350), Level.ERROR};
        MutableLogEvent event = TemplateAllocation.event();
        PooledJsonLayout layout = TemplateParity.of(ALL_FIELDS).ours();
        Level late = Level.forName("ALLOCATION_LATE_TIME", 450); // not in the layout's tables
        double perEvent = TemplateAllocation.bytesPerEvent(layout, event,
                i -> event.setLevel(i % 5 == 4 ? late : levels[(int) (i % 5) % levels.length]));
        assertEquals(0, (long) perEvent, "bytes allocated per event " + perEvent);
    }
}
