package dev.log4jpool.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;
import org.apache.logging.log4j.core.time.MutableInstant;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.Test;

/**
 * The {@code timestamp} resolver against JsonTemplateLayout: every option, defaults (from the JVM
 * and from JsonTemplateLayout's properties), epoch units, configuration errors, allocation with
 * moving timestamps. {@link InstantPatternTest} compares the pattern formatter itself much more widely.
 */
class TimestampResolverTest {
    private static String member(String options) {
        return "{\"$resolver\":\"timestamp\"" + (options.isEmpty() ? "" : "," + options) + "}";
    }

    private static String template(String... options) {
        StringBuilder template = new StringBuilder("{");
        for (int i = 0; i < options.length; i++) {
            template.append(i == 0 ? "" : ",").append("\"t").append(i).append("\":").append(member(options[i]));
        }
        return template.append(",\"m\":\"x\"}").toString();
    }

    /** The corpus, and the same event at instants from 1970 to 2100, around midnight and a DST change in Paris. */
    static List<EventCorpus.Named> events() {
        List<EventCorpus.Named> events = new ArrayList<>(EventCorpus.all());
        long[][] instants = {
            {1_000_000_000L, 0}, {1_000_000_000L, 999_999_999}, {951_868_799L, 1}, // 2000-02-29T23:59:59Z
            {1_711_846_799L, 500_000_000}, {1_711_846_800L, 7}, // Paris: 2024-03-31 02:00 -> 03:00
            {1_729_990_799L, 123}, {1_729_990_800L, 456}, // Paris: 2024-10-27 03:00 -> 02:00
            {4_102_444_799L, 999_000_000}, {86_400L, 1_000}, {1_735_689_600L, 10}, // 2025-01-01T00:00Z
        };
        for (long[] at : instants) {
            MutableInstant instant = new MutableInstant();
            instant.initFromEpochSecond(at[0], (int) at[1]);
            events.add(new EventCorpus.Named("at " + java.time.Instant.ofEpochSecond(at[0], at[1]), EventCorpus.base()
                    .setInstant(instant).setMessage(new SimpleMessage("at")).build()));
        }
        return events;
    }

    @Test
    void defaultPattern() {
        TemplateParity.of(template("", "\"pattern\":{}", "\"pattern\":null", "\"epoch\":null")).assertSameOn(events());
    }

    @Test
    void patternsZonesAndLocales() {
        org.junit.jupiter.api.Assumptions.assumeTrue(TemplateParity.peerIsAtLeast226(), "JsonTemplateLayout 2.25.0 bug this corpus meets (see TemplateParity.peerIsAtLeast226)");
        TemplateParity.of(template(
                "\"pattern\":{\"format\":\"yyyy-MM-dd'T'HH:mm:ss.SSS'Z'\",\"timeZone\":\"UTC\",\"locale\":\"en_US\"}",
                "\"pattern\":{\"format\":\"EEEE d MMMM yyyy HH:mm:ss,SSSSSSSSS z\",\"timeZone\":\"Europe/Paris\",\"locale\":\"fr_FR\"}",
                "\"pattern\":{\"format\":\"EEE, dd MMM yyyy hh:mm:ss a zzzz\",\"timeZone\":\"America/New_York\",\"locale\":\"de\"}",
                "\"pattern\":{\"format\":\"dd LLLL uuuu HH:mm:ss.SSSSSS XXX\",\"timeZone\":\"Asia/Kolkata\",\"locale\":\"ru_RU\"}",
                "\"pattern\":{\"format\":\"yyyy\u5e74M\u6708d\u65e5 EEEE H:mm:ss.SSSSSSSS VV\",\"timeZone\":\"Asia/Tokyo\",\"locale\":\"ja_JP\"}",
                "\"pattern\":{\"format\":\"HH:mm:ss.SSSSSSSSS\",\"timeZone\":\"Asia/Kathmandu\"}",
                "\"pattern\":{\"timeZone\":\"Australia/Lord_Howe\"}",
                "\"pattern\":{\"locale\":\"ar_EG\",\"format\":\"G yyyy QQQQ MMMM EEEE a B\"}",
                "\"pattern\":{\"format\":\"Y-'W'ww-e D A n N O ZZZZ xxx\",\"timeZone\":\"Pacific/Chatham\",\"locale\":\"fr\"}",
                "\"pattern\":{\"format\":\"'quoted \\\"json\\\" and \\\\ ''' yyyyTHH p[#]\",\"timeZone\":\"europe/paris\"}",
                "\"pattern\":{\"format\":\"\"}", "\"pattern\":{\"format\":\"  \"}",
                "\"pattern\":{\"timeZone\":\"utc\",\"format\":\"z VV\"}",
                "\"pattern\":{\"locale\":\"\",\"format\":\"MMMM\"}",
                "\"pattern\":{\"locale\":\"th_TH_TH\",\"format\":\"MMMM yyyy EEEE\"}"))
                .assertSameOn(events());
    }

    @Test
    void patternsAreCutAndEscapedLikeAnyString() {
        TemplateParity.of(template("\"pattern\":{\"format\":\"'\\\"q\\\"' yyyy-MM-dd HH:mm:ss.SSSSSS\",\"timeZone\":\"UTC\"}",
                "\"pattern\":{\"format\":\"MMMM\",\"locale\":\"ru\"}"))
                .maxStringLength(9, "...").assertSameOn(events());
    }

    @Test
    void everyEpochUnit() {
        TemplateParity.of(template("\"epoch\":{\"unit\":\"nanos\"}", "\"epoch\":{\"unit\":\"nanos\",\"rounded\":true}",
                "\"epoch\":{\"unit\":\"millis\"}", "\"epoch\":{\"unit\":\"millis\",\"rounded\":false}",
                "\"epoch\":{\"unit\":\"millis\",\"rounded\":true}", "\"epoch\":{\"unit\":\"millis.nanos\"}",
                "\"epoch\":{\"unit\":\"secs\"}", "\"epoch\":{\"unit\":\"secs\",\"rounded\":false}",
                "\"epoch\":{\"unit\":\"secs\",\"rounded\":true}", "\"epoch\":{\"unit\":\"secs.nanos\"}",
                "\"epoch\":{\"unit\":\"millis\",\"rounded\":null}", "\"pattern\":null,\"epoch\":{\"unit\":\"secs\"}"))
                .maxStringLength(3, "~").assertSameOn(events());
    }

    @Test
    void epochFractionsAreWrittenWithAllTheirDigits() {
        PooledJsonLayout layout = TemplateParity.of(template("\"epoch\":{\"unit\":\"millis\"}", "\"epoch\":{\"unit\":\"secs\"}",
                "\"epoch\":{\"unit\":\"nanos\"}")).ours();
        // A MutableLogEvent: Log4jLogEvent.Builder takes an instant in the epoch's millisecond for "unset".
        org.apache.logging.log4j.core.impl.MutableLogEvent event = Events.event("at");
        Events.setTime(event, 1_581_082_727L, 982_000_000);
        assertEquals("{\"t0\":1581082727982.000000,\"t1\":1581082727.982000000,\"t2\":1581082727982000000,\"m\":\"x\"}\n",
                LayoutTesting.encodeToText(layout, event));
        // Near the epoch JsonTemplateLayout puts its decimal point into the text before; we write the number.
        Events.setTime(event, 0, 123);
        assertEquals("{\"t0\":0.000123,\"t1\":0.000000123,\"t2\":123,\"m\":\"x\"}\n",
                LayoutTesting.encodeToText(layout, event));
        Events.setTime(event, -1, 999_999_000);
        assertEquals("{\"t0\":-0.001000,\"t1\":-0.000001000,\"t2\":-1000,\"m\":\"x\"}\n",
                LayoutTesting.encodeToText(layout, event));
        // Nanoseconds after 2262 do not fit a long: JsonTemplateLayout fails the event, we mark the members.
        Events.setTime(event, 10_000_000_000L, 0);
        String line = LayoutTesting.encodeToText(layout, event);
        assertTrue(line.startsWith("{\"log4jpool_error\":\"TimestampResolvers.EpochTimestamp failed: java.lang.ArithmeticException"),
                line);
        assertTrue(line.endsWith(",\"m\":\"x\"}\n"), line);
    }

    @Test
    void defaultsFollowTheJvmZoneAndLocale() {
        org.junit.jupiter.api.Assumptions.assumeTrue(TemplateParity.peerIsAtLeast226(), "JsonTemplateLayout 2.25.0 bug this corpus meets (see TemplateParity.peerIsAtLeast226)");
        TimeZone zone = TimeZone.getDefault();
        Locale locale = Locale.getDefault();
        try {
            TimeZone.setDefault(TimeZone.getTimeZone("America/St_Johns"));
            Locale.setDefault(Locale.forLanguageTag("pl-PL"));
            TemplateParity.of(template("", "\"pattern\":{\"format\":\"d MMMM yyyy, EEEE HH:mm:ss.SSS z\"}")).assertSameOn(events());
        } finally {
            TimeZone.setDefault(zone);
            Locale.setDefault(locale);
        }
    }

    @Test
    void defaultsFollowJsonTemplateLayoutsProperties() {
        String[] names = {"log4j.layout.jsonTemplate.timestampFormatPattern", "log4j.layout.jsonTemplate.timeZone",
            "log4j.layout.jsonTemplate.locale"};
        try {
            System.setProperty(names[0], "EEEE d MMMM yyyy HH:mm:ss.SSSSSS zzzz");
            System.setProperty(names[1], "Asia/Kolkata");
            System.setProperty(names[2], "es_ES");
            TemplateParity parity = TemplateParity.of(template("", "\"pattern\":{\"timeZone\":\"UTC\"}",
                    "\"pattern\":{\"format\":\"MMMM\"}"));
            String line = LayoutTesting.encodeToText(parity.ours(), EventCorpus.base().build());
            // the properties are read (by both: the parity below would hold if both ignored them)
            assertTrue(line.contains("\"t0\":\"lunes 23 noviembre 2026 15:45:30.123456 "), line);
            parity.assertSameOn(events());
        } finally {
            for (String name : names) {
                System.clearProperty(name);
            }
        }
    }

    // ---- configuration errors ----

    private static void assertError(String options, String option, String problem) {
        ResolverErrors.assertRejected("{\"a\":{\"b\":" + member(options) + "}}", "$.a.b", "timestamp", option, problem, false);
    }

    @Test
    void configurationErrors() {
        assertError("\"pattern\":{},\"epoch\":{\"unit\":\"secs\"}", null, "both \"pattern\" and \"epoch\"");
        assertError("\"epoch\":{}", "epoch.unit", "is required");
        assertError("\"epoch\":{\"unit\":\"minutes\"}", "epoch.unit", "is \"minutes\"; expected one of");
        assertError("\"epoch\":{\"unit\":\"nanos\",\"rounded\":false}", "epoch.rounded", "cannot be false");
        assertError("\"epoch\":{\"unit\":\"millis.nanos\",\"rounded\":true}", "epoch.rounded", "cannot be given");
        assertError("\"epoch\":{\"unit\":\"secs.nanos\",\"rounded\":false}", "epoch.rounded", "cannot be given");
        assertError("\"epoch\":{\"unit\":\"secs\",\"rounded\":\"yes\"}", "epoch.rounded", "must be true or false");
        assertError("\"epoch\":{\"unit\":1}", "epoch.unit", "must be a string");
        assertError("\"pattern\":{\"format\":42}", "pattern.format", "must be a string");
        assertError("\"pattern\":{\"timeZone\":\"Mars/Olympus\"}", "pattern.timeZone", "\"Mars/Olympus\"");
        assertError("\"pattern\":{\"timeZone\":\"GMT+05:30\"}", "pattern.timeZone", "getAvailableIDs");
        assertError("\"pattern\":{\"locale\":[\"fr\"]}", "pattern.locale", "must be a string");
        assertError("\"pattern\":{\"format\":\"yyyy 'open\"}", "pattern.format", "not closed");
        assertError("\"pattern\":{\"format\":\"HH:mm:sss\"}", "pattern.format", "at most 2");
        assertError("\"pattern\":{\"format\":\"ss.SSSSSSSSSS\"}", "pattern.format", "at most 9");
        assertError("\"pattern\":{\"format\":\"ddd\"}", "pattern.format", "DateTimeFormatter rejects");
        assertError("\"epoch\":\"secs\"", "epoch", "must be an object");
        // Stricter than JsonTemplateLayout, which ignores a "pattern" that is no object (and uses its defaults).
        ResolverErrors.assertRejected("{\"a\":{\"b\":" + member("\"pattern\":\"yyyy\"") + "}}", "$.a.b", "timestamp",
                "pattern", "must be an object", true);
    }

    @Test
    void aBadPatternInThePropertyNamesTheProperty() {
        try {
            System.setProperty("log4j.layout.jsonTemplate.timestampFormatPattern", "yyyy'");
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                    () -> TemplateParity.of(template("")).ours());
            assertTrue(error.getMessage().contains("log4j.layout.jsonTemplate.timestampFormatPattern"), error.getMessage());
        } finally {
            System.clearProperty("log4j.layout.jsonTemplate.timestampFormatPattern");
        }
    }

    // ---- allocation ----

    private static void assertGarbageFree(String template) {
        double perEvent = TemplateAllocation.bytesPerEvent(template);
        assertEquals(0, (long) perEvent, template + ": bytes allocated per event " + perEvent);
    }

    @Test
    void defaultPatternAllocatesNothing() {
        assertGarbageFree(template("", "\"pattern\":{\"timeZone\":\"Europe/Paris\"}"));
    }

    @Test
    void patternsWithNamesZonesAndNanosAllocateNothing() {
        assertGarbageFree(template(
                "\"pattern\":{\"format\":\"EEEE d MMMM yyyy HH:mm:ss,SSSSSSSSS zzzz\",\"timeZone\":\"Europe/Paris\",\"locale\":\"fr_FR\"}",
                "\"pattern\":{\"format\":\"dd LLLL uuuu hh:mm:ss.SSSSSS a B XXX VV\",\"timeZone\":\"Asia/Kolkata\",\"locale\":\"ru_RU\"}",
                "\"pattern\":{\"format\":\"G Y-'W'ww-e D QQQ A n N O\",\"timeZone\":\"America/New_York\",\"locale\":\"ja_JP\"}"));
    }

    @Test
    void epochUnitsAllocateNothing() {
        assertGarbageFree(template("\"epoch\":{\"unit\":\"nanos\"}", "\"epoch\":{\"unit\":\"millis\"}",
                "\"epoch\":{\"unit\":\"millis\",\"rounded\":true}", "\"epoch\":{\"unit\":\"millis.nanos\"}",
                "\"epoch\":{\"unit\":\"secs\"}", "\"epoch\":{\"unit\":\"secs\",\"rounded\":true}",
                "\"epoch\":{\"unit\":\"secs.nanos\"}"));
    }
}
