package dev.log4jpool.layout;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;
import java.util.Random;
import org.apache.logging.log4j.core.lookup.MainMapLookup;
import org.apache.logging.log4j.message.SimpleMessage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The {@code caseConverter} resolver against JsonTemplateLayout: inputs of every kind (resolvers,
 * literals, lookups, non-strings), locales with their own rules, the error handling strategies and
 * replacements, cutting; {@link CaseConversion} against the JDK's String methods for every char;
 * the configuration errors.
 */
class CaseConverterResolverTest {
    @BeforeAll
    static void setUp() {
        MainMapLookup.setMainArguments("--user", "Ölçü İz");
        System.setProperty("log4jpool.test.case", "Mixed Case ß");
    }

    private static String convert(String options) {
        return "{\"$resolver\":\"caseConverter\"," + options + "}";
    }

    private static String inputs(String caseAndMore) {
        return "{\"logger\":" + convert(caseAndMore + ",\"input\":{\"$resolver\":\"logger\",\"field\":\"name\"}")
                + ",\"thread\":" + convert(caseAndMore + ",\"input\":{\"$resolver\":\"thread\",\"field\":\"name\"}")
                + ",\"marker\":" + convert(caseAndMore + ",\"input\":{\"$resolver\":\"marker\",\"field\":\"name\"}")
                + ",\"literal\":" + convert(caseAndMore + ",\"input\":\"Straße İstanbul ΟΔΟΣ ǅ ﬁ Iı\"")
                + ",\"lookup\":" + convert(caseAndMore + ",\"input\":\"${sys:log4jpool.test.case}\"")
                + ",\"main\":" + convert(caseAndMore + ",\"input\":{\"$resolver\":\"main\",\"key\":\"--user\"}")
                + ",\"parameter\":" + convert(caseAndMore + ",\"input\":{\"$resolver\":\"messageParameter\",\"index\":0,\"stringified\":true}")
                + ",\"empty\":" + convert(caseAndMore + ",\"input\":\"\"") + "}";
    }

    @Test
    void upperAndLowerOfEveryKindOfString() {
        TemplateParity.of(inputs("\"case\":\"upper\"")).assertSameOn(NameResolversCorpus.all());
        TemplateParity.of(inputs("\"case\":\"lower\"")).assertSameOn(NameResolversCorpus.all());
    }

    @Test
    void localesWithTheirOwnRules() {
        for (String locale : new String[] {"tr", "az", "lt", "tr_TR", "de_DE", "nl_NL", "el", "en_US_POSIX", ""}) {
            for (String conversion : new String[] {"upper", "lower"}) {
                TemplateParity.of(inputs("\"case\":\"" + conversion + "\",\"locale\":\"" + locale + "\""))
                        .assertSameOn(NameResolversCorpus.all());
            }
        }
    }

    @Test
    void convertedTextIsCutAgain() {
        TemplateParity.of(inputs("\"case\":\"upper\"")).maxStringLength(5, "…").assertSameOn(NameResolversCorpus.all());
        TemplateParity.of(inputs("\"case\":\"lower\"")).maxStringLength(5, "x").assertSameOn(NameResolversCorpus.all());
    }

    @Test
    void asciiOutputIsReadBackAndConverted() {
        PooledJsonLayout ascii = PooledJsonLayout.newBuilder().setConfiguration(TemplateParity.CONFIGURATION)
                .setCharset("US-ASCII").setEventTemplate(inputs("\"case\":\"upper\"")).build();
        JsonNode json = LayoutTesting.encode(ascii, EventCorpus.base().setLoggerName("straße.é😀").setMessage(new SimpleMessage("m")).build());
        assertEquals("STRASSE.É😀", json.get("logger").asText());
    }

    /** Inputs that write something other than a string, by member name. */
    private static final String[][] NOT_STRINGS = {
        {"number", "{\"$resolver\":\"thread\",\"field\":\"id\"}"},
        {"array", "{\"$resolver\":\"ndc\"}"},
        {"object", "{\"a\":{\"$resolver\":\"logger\",\"field\":\"name\"}}"},
        {"literal", "42"},
        {"boolean", "true"},
        {"typed", "{\"$resolver\":\"messageParameter\",\"index\":0}"},
        {"nullName", "{\"$resolver\":\"logger\",\"field\":\"fqcn\"}"}};

    /** Each input of {@link #NOT_STRINGS} (and some strings among them), converted with {@code more}. */
    private static String notStrings(String more) {
        StringBuilder template = new StringBuilder("{");
        for (String[] member : NOT_STRINGS) {
            template.append(template.length() > 1 ? "," : "").append('"').append(member[0]).append("\":")
                    .append(convert("\"case\":\"upper\",\"input\":" + member[1] + more));
        }
        return template.append('}').toString();
    }

    @Test
    void valuesThatAreNotStringsArePassedOrReplaced() {
        TemplateParity.of(notStrings("")).assertSameOn(NameResolversCorpus.all());
        TemplateParity.of(notStrings(",\"errorHandlingStrategy\":\"pass\"")).assertSameOn(NameResolversCorpus.all());
        TemplateParity.of(notStrings(",\"errorHandlingStrategy\":\"replace\"")).assertSameOn(NameResolversCorpus.all());
        for (String replacement : new String[] {"\"unknown\"", "7", "false", "null", "{}", "[]", "{\"n\":null}", "[1,{\"a\":2}]",
            "{\"$resolver\":\"thread\",\"field\":\"name\"}", "{\"$resolver\":\"marker\",\"field\":\"name\"}",
            "{\"m\":{\"$resolver\":\"marker\",\"field\":\"name\"}}", "{\"$resolver\":\"source\",\"field\":\"className\"}",
            "{\"$resolver\":\"caseConverter\",\"case\":\"lower\",\"input\":\"NESTED\"}"}) {
            TemplateParity.of(notStrings(",\"replacement\":" + replacement)).assertSameOn(NameResolversCorpus.all());
        }
    }

    @Test
    void failConvertsStringsAndMarksTheMemberOtherwise() {
        // strings only: without a parameter the parameter input writes null, and an event without logger and
        // thread names makes those inputs write null, where JsonTemplateLayout throws
        String fail = "\"case\":\"upper\",\"errorHandlingStrategy\":\"fail\"";
        TemplateParity.of(inputs(fail).replaceAll(",\"parameter\":\\{[^}]*\\}\\}", ""))
                .assertSameOn(NameResolversCorpus.all(), named -> named.name.equals("no names"));
        // JsonTemplateLayout fails the event; we write it, with the member marked, and report it
        PooledJsonLayout layout = TemplateParity.of("{\"before\":1,\"id\":" + convert("\"case\":\"upper\",\"errorHandlingStrategy\":\"fail\","
                + "\"input\":{\"$resolver\":\"thread\",\"field\":\"id\"}") + ",\"after\":2}").ours();
        JsonNode json = LayoutTesting.encode(layout, EventCorpus.base().setMessage(new SimpleMessage("m")).build());
        assertEquals("[before, log4jpool_error, after]", Json.keys(json).toString());
        assertEquals("CaseConverterResolver failed: java.lang.IllegalStateException: caseConverter: input is not a string: 17",
                json.get("log4jpool_error").asText());
    }

    @Test
    void presentWhenTheInputIsAndLeftOutWhenItCanNeverBeWritten() {
        TemplateParity.of("{\"m\":" + convert("\"case\":\"upper\",\"input\":{\"$resolver\":\"marker\",\"field\":\"name\"}")
                + ",\"absent\":" + convert("\"case\":\"upper\"")
                + ",\"null\":" + convert("\"case\":\"upper\",\"input\":null")
                + ",\"emptyObject\":" + convert("\"case\":\"upper\",\"input\":{}")
                + ",\"emptyArray\":" + convert("\"case\":\"upper\",\"input\":[]")
                + ",\"disabled\":" + convert("\"case\":\"upper\",\"input\":{\"$resolver\":\"source\",\"field\":\"fileName\"}")
                + ",\"k\":1}").assertSameOn(NameResolversCorpus.all());
    }

    @Test
    void inArrays() {
        TemplateParity.of("{\"a\":[" + convert("\"case\":\"upper\",\"input\":{\"$resolver\":\"marker\",\"field\":\"name\"}") + ","
                + convert("\"case\":\"lower\",\"input\":{\"$resolver\":\"ndc\"},\"errorHandlingStrategy\":\"pass\"") + ","
                + convert("\"case\":\"lower\",\"input\":{\"$resolver\":\"logger\",\"field\":\"name\"}") + "]}")
                .assertSameOn(NameResolversCorpus.all());
    }

    // ---- the conversion itself ----

    private static final Locale[] LOCALES = {Locale.ROOT, Locale.ENGLISH, Locale.GERMANY, new Locale("tr"), new Locale("az"),
        new Locale("lt"), new Locale("el"), new Locale("nl", "NL")};

    private static String converted(CaseConversion conversion, String text) {
        StringBuilder target = new StringBuilder("prefix:");
        conversion.convert(text.toCharArray(), 0, text.length(), target);
        assertTrue(target.toString().startsWith("prefix:"));
        return target.substring("prefix:".length());
    }

    @Test
    void everyCharConvertsAsTheJdkConvertsIt() {
        for (Locale locale : LOCALES) {
            CaseConversion upper = new CaseConversion(true, locale);
            CaseConversion lower = new CaseConversion(false, locale);
            for (int c = 0; c <= 0xFFFF; c++) {
                String alone = String.valueOf((char) c);
                // alone, after a letter, before one, between two: sigma and the dotted i depend on their neighbours
                for (String text : new String[] {alone, "A" + alone, alone + "b", "a" + alone + "b", "Σ" + alone, alone + "\u0307"}) {
                    assertEquals(text.toUpperCase(locale), converted(upper, text), () -> locale + " upper " + text);
                    assertEquals(text.toLowerCase(locale), converted(lower, text), () -> locale + " lower " + text);
                }
            }
        }
    }

    @Test
    void supplementaryCodePointsAndRandomTextConvertAsTheJdkConvertsThem() {
        Random random = new Random(42);
        for (Locale locale : LOCALES) {
            CaseConversion upper = new CaseConversion(true, locale);
            CaseConversion lower = new CaseConversion(false, locale);
            for (int codePoint = 0x10000; codePoint <= 0x10FFFF; codePoint += 7) {
                String text = new String(Character.toChars(codePoint));
                assertEquals(text.toUpperCase(locale), converted(upper, text));
                assertEquals(text.toLowerCase(locale), converted(lower, text));
            }
            for (int i = 0; i < 20_000; i++) {
                StringBuilder text = new StringBuilder();
                for (int n = random.nextInt(12); n > 0; n--) {
                    int pick = random.nextInt(4);
                    text.appendCodePoint(pick == 0 ? random.nextInt(0x80) : pick == 1 ? 0x370 + random.nextInt(0x100)
                            : pick == 2 ? random.nextInt(0x3000) : 0x10400 + random.nextInt(0x50));
                }
                String s = text.toString();
                assertEquals(s.toUpperCase(locale), converted(upper, s), () -> locale + " upper " + s);
                assertEquals(s.toLowerCase(locale), converted(lower, s), () -> locale + " lower " + s);
            }
        }
    }

    @Test
    void onlyLocaleRulesAndSpecialCharsNeedTheJdk() {
        StringBuilder target = new StringBuilder();
        char[] plain = "Orders Ünïcödé Ελλάδα Москва 😀".toCharArray();
        assertTrue(new CaseConversion(true, Locale.ROOT).convert(plain, 0, plain.length, target));
        assertTrue(new CaseConversion(false, Locale.GERMANY).convert(plain, 0, plain.length, target));
        char[] expanding = "Straße ﬁ İ ŉ".toCharArray(); // chars that become two or three
        assertTrue(new CaseConversion(true, Locale.ROOT).convert(expanding, 0, expanding.length, target));
        assertTrue(new CaseConversion(false, Locale.ROOT).convert(expanding, 0, expanding.length, target));
        char[] sigma = "ΟΔΟΣ".toCharArray();
        assertTrue(new CaseConversion(true, Locale.ROOT).convert(sigma, 0, sigma.length, target));
        assertFalse(new CaseConversion(false, Locale.ROOT).convert(sigma, 0, sigma.length, target));
        assertFalse(new CaseConversion(true, new Locale("tr")).convert(plain, 0, plain.length, target));
    }

    // ---- configuration errors ----

    private static final String AT = "PooledJsonLayout: template eventTemplate, at $.x: resolver \"caseConverter\", option ";

    @Test
    void configurationErrors() {
        assertEquals(AT + "\"case\" is required; one of upper, lower", NameResolversTest.error("{\"x\":" + convert("\"input\":\"a\"") + "}"));
        assertEquals(AT + "\"case\" is \"title\"; expected one of upper, lower",
                NameResolversTest.error("{\"x\":" + convert("\"case\":\"title\",\"input\":\"a\"") + "}"));
        assertEquals(AT + "\"case\" must be a string, not true", NameResolversTest.error("{\"x\":" + convert("\"case\":true") + "}"));
        assertEquals(AT + "\"errorHandlingStrategy\" is \"ignore\"; expected one of fail, pass, replace",
                NameResolversTest.error("{\"x\":" + convert("\"case\":\"upper\",\"input\":\"a\",\"errorHandlingStrategy\":\"ignore\"") + "}"));
        assertEquals(AT + "\"locale\" must be a string, not an object",
                NameResolversTest.error("{\"x\":" + convert("\"case\":\"upper\",\"input\":\"a\",\"locale\":{}") + "}"));
        // checked even when there is no input, as JsonTemplateLayout checks them
        assertEquals(AT + "\"case\" is \"title\"; expected one of upper, lower",
                NameResolversTest.error("{\"x\":" + convert("\"case\":\"title\"") + "}"));
    }

    @Test
    void errorsInNestedTemplatesNameTheirPath() {
        assertEquals("PooledJsonLayout: template eventTemplate, at $.x.input: resolver \"logger\", option \"field\" is \"nope\"; "
                + "expected one of name, fqcn", NameResolversTest.error("{\"x\":" + convert("\"case\":\"upper\","
                + "\"input\":{\"$resolver\":\"logger\",\"field\":\"nope\"}") + "}"));
        assertEquals("PooledJsonLayout: template eventTemplate, at $.x.replacement.deep: resolver \"thread\", option \"field\" is required; "
                + "one of name, id, priority", NameResolversTest.error("{\"x\":" + convert("\"case\":\"upper\",\"input\":\"a\","
                + "\"replacement\":{\"deep\":{\"$resolver\":\"thread\"}}") + "}"));
    }
}
